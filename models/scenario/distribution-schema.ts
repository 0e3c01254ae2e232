/**
 * Schema of a distribution of durations (service times, latencies, think times): a bare
 * duration for a constant, or `{ dist: <name>, ...parameters }`. Parameters are durations
 * with units, except erlang's `k` and pareto's `shape`, which are plain numbers.
 */
import { z } from 'zod';
import { COUNT_LIMITS, countUpTo, duration, encodeDetail, explained, positiveDuration, positiveNumber } from './fields';
import { LIST_LIMITS } from './limits';
import type { DistSpec } from '../sampling/distributions';

const DIST_KEY = 'The distribution: constant, exponential, uniform, normal, lognormal, erlang, pareto or empirical.';

/** Reports an issue at `key` of the object being checked. */
function issueAt(key: string, expected: string) {
  return { code: 'custom' as const, path: [key], message: encodeDetail({ expected }) };
}

const constant = z
  .strictObject({
    dist: z.literal('constant').meta({ description: DIST_KEY }),
    value: duration.meta({ description: 'The value every draw returns, e.g. 10ms.' }),
  })
  .meta({ description: 'Always the same value.' });

const exponential = z
  .strictObject({
    dist: z.literal('exponential').meta({ description: DIST_KEY }),
    mean: positiveDuration.meta({ description: 'Mean, e.g. 10ms (rate = 1/mean).' }),
  })
  .meta({ description: 'Exponential: memoryless, the M in M/M/c.' });

const uniform = z
  .strictObject({
    dist: z.literal('uniform').meta({ description: DIST_KEY }),
    min: duration.meta({ description: 'Smallest value, e.g. 5ms.' }),
    max: duration.meta({ description: 'Largest value, at least min, e.g. 15ms.' }),
  })
  .superRefine((d, ctx) => {
    if (d.max < d.min) ctx.addIssue(issueAt('max', 'a duration at least min'));
  })
  .meta({ description: 'Uniform between min and max.' });

const normal = z
  .strictObject({
    dist: z.literal('normal').meta({ description: DIST_KEY }),
    mean: positiveDuration.meta({ description: 'Mean, e.g. 10ms.' }),
    sd: duration.meta({ description: 'Standard deviation, e.g. 2ms. Keep it well below the mean: durations cannot be negative.' }),
  })
  .meta({ description: 'Normal (Gaussian).' });

const lognormal = z
  .strictObject({
    dist: z.literal('lognormal').meta({ description: DIST_KEY }),
    median: positiveDuration.meta({ description: 'Median (50th percentile), e.g. 10ms.' }),
    p99: positiveDuration.meta({ description: '99th percentile, above the median, e.g. 80ms.' }),
  })
  .superRefine((d, ctx) => {
    if (d.p99 <= d.median) ctx.addIssue(issueAt('p99', 'a duration above the median'));
  })
  .meta({ description: 'Log-normal, given by its median and 99th percentile: a long right tail, typical of real service times.' });

const erlang = z
  .strictObject({
    dist: z.literal('erlang').meta({ description: DIST_KEY }),
    k: countUpTo(COUNT_LIMITS.phases, 2).meta({ description: 'Shape: the number of exponential phases, a positive integer, e.g. 2.' }),
    mean: positiveDuration.meta({ description: 'Mean of the sum, e.g. 10ms.' }),
  })
  .meta({ description: 'Erlang: the sum of k exponential phases; less variable than exponential.' });

const pareto = z
  .strictObject({
    dist: z.literal('pareto').meta({ description: DIST_KEY }),
    scale: positiveDuration.meta({ description: 'Scale: the smallest value, e.g. 1ms.' }),
    shape: positiveNumber(1.5).meta({ description: 'Shape (tail index), a positive number, e.g. 1.5; the mean is infinite when shape ≤ 1.' }),
  })
  .meta({ description: 'Pareto: a heavy tail.' });

const empirical = z
  .strictObject({
    dist: z.literal('empirical').meta({ description: DIST_KEY }),
    samples: explained(z.array(duration).min(1), { expected: 'a non-empty list of durations', example: '[1ms, 2ms, 5ms]' }).meta({
      description: 'Measured values, drawn uniformly, e.g. [1ms, 2ms, 5ms].',
      maxItems: LIST_LIMITS.samples,
    }),
  })
  .meta({ description: 'Resamples measured values.' });

/** `{ dist: … }`: add a distribution here and in `DistSpec` (types.ts). */
const distributionObject = z.discriminatedUnion('dist', [constant, exponential, uniform, normal, lognormal, erlang, pareto, empirical]);

/** The names a `dist:` accepts. */
export const DISTRIBUTION_NAMES = distributionObject.options.map((o) => o.shape.dist.value);

/** A duration-valued distribution: a bare duration (constant) or `{ dist: … }`. */
export const distribution = explained(z.union([duration, distributionObject]), {
  expected: `a duration or a distribution { dist: ${DISTRIBUTION_NAMES.join(' | ')}, ... }`,
  example: '10ms',
});

export type DistributionDoc = z.output<typeof distribution>;

/** A validated distribution as the samplers take it: a bare duration is a constant. */
export function normaliseDistribution(dist: DistributionDoc): DistSpec {
  return typeof dist === 'number' ? { dist: 'constant', value: dist } : dist;
}
