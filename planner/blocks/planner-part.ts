/**
 * The planner's part of the scenario language, its top-level keys: `sweep:` (the variants
 * that `compare` and `check` run), `slo:` (bounds each variant must meet) and `expect:`
 * (comparisons between variants). Their grammar is in `grammar.ts`; docs/scenarios.md
 * "Planner blocks" and docs/planner.md describe them.
 */
import { z } from 'zod';
import { encodeDetail, explained } from '../../models/scenario/fields';
import type { DocumentPath, PathProblem } from '../../models/scenario/path-problem';
import type { ScenarioPart } from '../../models/scenario/scenario-part';
import { parseExpect, parseSlo, type GrammarResult } from './grammar';
import type { PlannerSpec, SweepAxis } from './types';

/** An integer range `lo..hi` of a sweep axis. */
export const RANGE_PATTERN = /^(\d+)\.\.(\d+)$/;

/** Upper bound on the values of one range, so a typo (4..16000) cannot start a runaway sweep. */
export const RANGE_VALUES_MAX = 10_000;

/** A string parsed by `parse` into its value, with the grammar's message and hint on failure. */
function grammarString<T>(parse: (text: string) => GrammarResult<T>, expected: string, example: string) {
  return explained(z.string(), { expected, example }).transform((raw, ctx) => {
    const result = parse(raw);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', input: raw, message: encodeDetail({ message: result.message, ...(result.hint === undefined ? {} : { hint: result.hint }) }) });
    return z.NEVER;
  });
}

const range = explained(z.string().regex(RANGE_PATTERN), { expected: 'a list of values or an integer range lo..hi', example: '[value1, value2] or 4..16' }).superRefine((text, ctx) => {
  const match = RANGE_PATTERN.exec(text);
  if (match === null) return; // the pattern's own issue reports it
  const [, lo, hi] = match;
  const count = Number(hi) - Number(lo) + 1;
  if (count < 1) ctx.addIssue({ code: 'custom', message: encodeDetail({ message: `empty range ${text}: ${lo} is above ${hi}`, hint: `write ${hi}..${lo}` }) });
  else if (count > RANGE_VALUES_MAX) ctx.addIssue({ code: 'custom', message: encodeDetail({ message: `range ${text} has ${count} values, more than ${RANGE_VALUES_MAX}` }) });
});

const axisValues = explained(
  z.union([explained(z.array(z.unknown()).min(1), { expected: 'a non-empty list of values', example: '[random, least-request]' }), range]),
  { expected: 'a list of values or an integer range lo..hi', example: '[random, least-request]' },
).meta({ description: 'The values of this path, each a YAML value set in turn ([random, least-request]), or an integer range lo..hi (4..16).' });

const sweep = explained(z.record(z.string(), axisValues), {
  expected: 'a mapping of dotted paths to values',
  example: '{ clients.web.balancer.policy: [random, least-request] }',
})
  .superRefine((axes, ctx) => {
    if (Object.keys(axes).length === 0) ctx.addIssue({ code: 'custom', message: encodeDetail({ expected: 'at least one path', example: '{ services.api.replicas: 2..8 }' }) });
    for (const path of Object.keys(axes)) {
      if (path.split('.').some((key) => key.trim() === '')) {
        ctx.addIssue({ code: 'custom', path: [path], message: encodeDetail({ message: `"${path}" is not a dotted path`, hint: 'e.g. services.api.replicas' }) });
      }
    }
  })
  .meta({
    description:
      'Variants for meshsim compare/check/plan: dotted paths into this document (as for --vary), each with its values; the variants are their cross product.',
  });

const slo = explained(z.array(grammarString(parseSlo, 'an SLO like "p99 < 100ms"', '"p99 < 100ms"')), {
  expected: 'a list of SLOs',
  example: '["p99 < 100ms", "errorRate < 0.1%"]',
}).meta({
  description:
    'Service level objectives checked by meshsim check: "<metric> <op> <value>", metric p50|p90|p99|p999|mean|max|wait|errorRate|throughput|recovery.p99|recovery.errorRate, op < <= > >=.',
});

const expect = explained(z.array(grammarString(parseExpect, 'an expectation like "least-request.p99 < random.p99"', '"least-request.p99 < random.p99"')), {
  expected: 'a list of expectations',
  example: '["least-request.p99 < random.p99"]',
}).meta({ description: 'Comparisons between sweep variants checked by meshsim check: "<variant>.<metric> <op> <variant>.<metric>" or "<variant>.<metric> <op> <value>".' });

/** The planner's keys, at the top level of the scenario. */
const plannerFields = {
  sweep: sweep.optional(),
  slo: slo.optional(),
  expect: expect.optional(),
};

type PlannerDoc = { readonly [K in keyof typeof plannerFields]?: z.output<(typeof plannerFields)[K]> };

function normaliseAxis(path: string, values: unknown[] | string): SweepAxis {
  if (typeof values !== 'string') return { path, values };
  const [, lo, hi] = RANGE_PATTERN.exec(values)!;
  return { path, range: [Number(lo), Number(hi)] };
}

/** The planner blocks of a validated document; absent blocks stay absent. */
function normalisePlanner(doc: PlannerDoc): PlannerSpec {
  return {
    ...(doc.sweep === undefined ? {} : { sweep: Object.entries(doc.sweep).map(([path, values]) => normaliseAxis(path, values)) }),
    ...(doc.slo === undefined ? {} : { slo: doc.slo }),
    ...(doc.expect === undefined ? {} : { expect: doc.expect }),
  };
}

/** Cross-section checks of the planner blocks: recovery SLOs name existing faults. */
function crossCheckPlanner(root: Readonly<Record<string, unknown>>): PathProblem[] {
  const faults = Array.isArray(root.faults) ? root.faults.length : 0;
  const slos = Array.isArray(root.slo) ? root.slo : [];
  const problems: PathProblem[] = [];
  slos.forEach((text, index) => {
    if (typeof text !== 'string') return;
    const parsed = parseSlo(text);
    if (!parsed.ok || parsed.value.metric !== 'recovery') return;
    const path: DocumentPath = ['slo', index];
    if (faults === 0) {
      problems.push({ path, at: 'value', message: `${parsed.value.text}: the scenario has no faults to recover from`, hint: 'add a fault under faults:, or drop this SLO' });
    } else if (parsed.value.fault !== undefined && parsed.value.fault >= faults) {
      problems.push({ path, at: 'value', message: `${parsed.value.text}: no fault ${parsed.value.fault}; the scenario has ${faults}`, hint: `use an index from 0 to ${faults - 1}` });
    }
  });
  return problems;
}

export const plannerScenarioPart: ScenarioPart = {
  name: 'planner',
  fields: plannerFields,
  normalise: (doc) => normalisePlanner(doc as PlannerDoc),
  crossCheck: crossCheckPlanner,
};
