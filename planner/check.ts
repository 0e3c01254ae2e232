/**
 * `meshsim check`: a scenario's `slo:` block is evaluated on every variant (each must
 * meet every SLO) and its `expect:` block between variants; the report says for each
 * assertion whether it holds and why, in one line.
 */
import type { ReplicationResult, Summary } from '../models/run/result';
import type { ExpectSpec, SloSpec } from './blocks/types';
import type { Scenario } from '../models/scenario/types';
import { summarize } from '../models/run/summarize';
import { evaluateExpect, type ExpectOutcome } from './expect';
import { metricContext } from './metrics';
import { evaluateSlo, type SloOutcome } from './slo';
import { findVariant, labelOf, type Variant } from './variants';

export const CHECK_SCHEMA = 'meshsim.check/v1';

export type Assertion =
  | ({ readonly kind: 'slo'; readonly variant: string | null } & SloOutcome)
  | ({ readonly kind: 'expect' } & ExpectOutcome);

export interface FileCheck {
  readonly file: string;
  readonly scenario: string;
  readonly ok: boolean;
  readonly replications: number;
  readonly durationMs: number;
  readonly variants: readonly { readonly name: string; readonly label: string; readonly values: Readonly<Record<string, unknown>>; readonly summary: Summary }[];
  readonly assertions: readonly Assertion[];
}

/** The JSON of `meshsim check` (v1 contract: keys are stable; new keys may be added). */
export interface CheckReport {
  readonly schema: typeof CHECK_SCHEMA;
  readonly ok: boolean;
  readonly passed: number;
  readonly failed: number;
  readonly files: readonly FileCheck[];
}

export interface CheckInput {
  readonly variant: Variant;
  readonly scenario: Scenario;
  readonly runs: readonly ReplicationResult[];
}

/**
 * Throws PlannerError when an expectation names a variant the sweep lacks, so a typo is
 * reported (exit code 2) before anything runs.
 */
export function checkReferences(expects: readonly ExpectSpec[], variants: readonly Variant[]): void {
  for (const spec of expects) {
    findVariant(variants, spec.left.variant, `expect "${spec.text}"`);
    if ('variant' in spec.right) findVariant(variants, spec.right.variant, `expect "${spec.text}"`);
  }
}

/** Evaluates one file's SLOs on each variant and its expectations between them. */
export function checkFile(file: string, inputs: readonly CheckInput[], slos: readonly SloSpec[], expects: readonly ExpectSpec[], alpha: number): FileCheck {
  const variants = inputs.map((i) => i.variant);
  const contexts = inputs.map((i) => metricContext(i.scenario));
  const assertions: Assertion[] = [];
  inputs.forEach((input, i) => {
    const variant = input.variant.name === '' ? null : labelOf(input.variant, variants);
    for (const slo of slos) assertions.push({ kind: 'slo', variant, ...evaluateSlo(slo, input.runs, contexts[i]!) });
  });
  const all = inputs.map((input, i) => ({ variant: input.variant, runs: input.runs, context: contexts[i]! }));
  for (const spec of expects) assertions.push({ kind: 'expect', ...evaluateExpect(spec, all, alpha) });
  const first = inputs[0]!.scenario;
  return {
    file,
    scenario: first.name,
    ok: assertions.every((a) => a.ok),
    replications: first.replications,
    durationMs: first.durationMs,
    variants: inputs.map((input) => ({ name: input.variant.name, label: labelOf(input.variant, variants), values: input.variant.values, summary: summarize(input.scenario, input.runs).summary })),
    assertions,
  };
}

export function checkReport(files: readonly FileCheck[]): CheckReport {
  const assertions = files.flatMap((f) => f.assertions);
  const failed = assertions.filter((a) => !a.ok).length;
  return { schema: CHECK_SCHEMA, ok: failed === 0, passed: assertions.length - failed, failed, files };
}
