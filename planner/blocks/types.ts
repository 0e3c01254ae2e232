/**
 * The planner's part of a scenario, as loaded: the `sweep:` block (variants to run),
 * the `slo:` block (bounds every variant must meet) and the `expect:` block (comparisons
 * between variants). `meshsim compare`, `plan` and `check` read them; `run` ignores them.
 * Values are in the normalised units of the rest of the scenario: ms, fractions, per second.
 */

/** Metrics an SLO or an expectation can name; each is measured per replication. */
export const SCALAR_METRICS = ['p50', 'p90', 'p99', 'p999', 'mean', 'max', 'wait', 'errorRate', 'throughput'] as const;
export type ScalarMetric = (typeof SCALAR_METRICS)[number];

/** Recovery times of a fault (`summary.recovery[i]`): until p99, or the error rate, is back to normal. */
export const RECOVERY_METRICS = ['p99', 'errorRate'] as const;
export type RecoveryMetric = (typeof RECOVERY_METRICS)[number];

export const COMPARISON_OPS = ['<=', '>=', '<', '>'] as const;
export type ComparisonOp = (typeof COMPARISON_OPS)[number];

/** One axis of a sweep: a dotted path into the document and its values. */
export type SweepAxis =
  /** Values as YAML values (strings, numbers, mappings), each set in turn by override. */
  | { readonly path: string; readonly values: readonly unknown[] }
  /** Every integer from lo to hi, both included. */
  | { readonly path: string; readonly range: readonly [number, number] };

/**
 * A service level objective, `<metric> <op> <value>`: `p99 < 100ms`, `errorRate < 0.1%`,
 * `throughput >= 1900/s`, `recovery.p99 < 20s`, `recovery.1.errorRate < 5s`.
 */
export type SloSpec =
  | {
      /** As written, spaced canonically: `p99 < 100ms`. */
      readonly text: string;
      readonly metric: ScalarMetric;
      readonly op: ComparisonOp;
      /** The bound in the metric's unit: ms for latencies, a fraction for errorRate, per second for throughput. */
      readonly value: number;
    }
  | {
      readonly text: string;
      readonly metric: 'recovery';
      /** Which recovery time: of p99, or of the error rate. */
      readonly recovery: RecoveryMetric;
      /** Index of the fault in `faults`; absent = every fault. */
      readonly fault?: number;
      readonly op: ComparisonOp;
      /** The bound in ms. */
      readonly value: number;
    };

/** A metric of one variant: `least-request.p99`. */
export interface MetricRef {
  /** A variant's name or short name (its values joined by commas). */
  readonly variant: string;
  readonly metric: ScalarMetric;
}

/** An expectation between variants, `least-request.p99 < random.p99`, or against a value. */
export interface ExpectSpec {
  readonly text: string;
  readonly left: MetricRef;
  readonly op: ComparisonOp;
  readonly right: MetricRef | { readonly value: number };
}

/** The planner blocks of a loaded scenario, each absent unless the file has it. */
export interface PlannerSpec {
  readonly sweep?: readonly SweepAxis[];
  readonly slo?: readonly SloSpec[];
  readonly expect?: readonly ExpectSpec[];
}

declare module '../../models/scenario/types' {
  // The planner blocks are top-level fields of a loaded scenario.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ScenarioParts extends PlannerSpec {}
}
