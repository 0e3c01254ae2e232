/**
 * The small grammar of SLOs and expectations, shared by the `slo:`/`expect:` blocks of a
 * scenario and the `--slo` option of `meshsim plan`:
 *
 *   slo     = metric op value            p99 < 100ms · errorRate <= 0.1% · throughput > 1900/s
 *           | recovery[.fault].p99|errorRate op duration   recovery.p99 < 20s · recovery.1.errorRate < 5s
 *   expect  = variant.metric op variant.metric | variant.metric op value
 *   op      = < | <= | > | >=
 *
 * Latency metrics (p50, p90, p99, p999, mean, max, wait) and recovery times take a
 * duration, errorRate a probability (0.1% or 0.001), throughput a rate (1900/s). Parsers
 * return a value or a message and hint; they never throw.
 */
import { closest, suggestion } from '../../models/scenario/did-you-mean';
import {
  COMPARISON_OPS,
  RECOVERY_METRICS,
  SCALAR_METRICS,
  type ComparisonOp,
  type ExpectSpec,
  type MetricRef,
  type ScalarMetric,
  type SloSpec,
} from './types';
import { parseDuration, parseProbability, parseRate, UNIT_EXPECTED, type UnitResult } from '../../models/scenario/units';

export type GrammarResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string; readonly hint?: string };

/** Every metric name an SLO accepts, for hints. */
const SLO_NAMES = [...SCALAR_METRICS, 'recovery.p99', 'recovery.errorRate'];

/** What kind of value bounds a metric. */
export function metricUnit(metric: ScalarMetric | 'recovery'): 'duration' | 'probability' | 'rate' {
  if (metric === 'errorRate') return 'probability';
  if (metric === 'throughput') return 'rate';
  return 'duration';
}

/** True when smaller values of the metric are better (latencies, errors), false for throughput. */
export const lowerIsBetter = (metric: ScalarMetric): boolean => metric !== 'throughput';

const fail = (message: string, hint?: string): { ok: false; message: string; hint?: string } =>
  hint === undefined ? { ok: false, message } : { ok: false, message, hint };

/** Splits `a op b` at its operator (names and values never contain < or >). */
function splitComparison(text: string, example: string): GrammarResult<{ left: string; op: ComparisonOp; right: string }> {
  const at = text.search(/[<>]/);
  if (at < 0) return fail(`no comparison in ${JSON.stringify(text)}`, `write it as ${example}; operators: ${COMPARISON_OPS.join(' ')}`);
  const op = (text[at + 1] === '=' ? text.slice(at, at + 2) : text[at]) as ComparisonOp;
  const left = text.slice(0, at).trim();
  const right = text.slice(at + op.length).trim();
  if (/[<>=]/.test(right[0] ?? '') || /[=!]$/.test(left)) return fail(`unknown operator in ${JSON.stringify(text)}`, `operators: ${COMPARISON_OPS.join(' ')}`);
  if (left === '' || right === '') return fail(`incomplete comparison ${JSON.stringify(text)}`, `write it as ${example}`);
  return { ok: true, value: { left, op, right } };
}

/** A bound of `metric`, written with units: `100ms`, `0.1%` or `0.001`, `1900/s`. */
export function parseBound(metric: ScalarMetric | 'recovery', raw: string): UnitResult {
  switch (metricUnit(metric)) {
    case 'probability':
      return parseProbability(/^\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw);
    case 'rate':
      return parseRate(raw);
    case 'duration':
      return parseDuration(raw);
  }
}

const UNIT_OF = { duration: UNIT_EXPECTED.duration, probability: UNIT_EXPECTED.probability, rate: UNIT_EXPECTED.rate } as const;

function badBound(metric: ScalarMetric | 'recovery', raw: string, result: UnitResult & { ok: false }): GrammarResult<never> {
  const name = metric === 'recovery' ? 'a recovery time' : metric;
  return fail(`${name} needs ${UNIT_OF[metricUnit(metric)]}, got ${JSON.stringify(raw)}`, result.hint);
}

/**
 * Parses an SLO: `p99 < 100ms`, `errorRate < 0.1%`, `recovery.p99 < 20s` (every fault),
 * `recovery.0.p99 < 20s` (fault 0; a dotted index as in override paths, and no brackets
 * that a YAML flow list would trip on).
 */
export function parseSlo(text: string): GrammarResult<SloSpec> {
  const parts = splitComparison(text.trim(), 'p99 < 100ms');
  if (!parts.ok) return parts;
  const { left, op, right } = parts.value;
  const canonical = `${left} ${op} ${right}`;
  const recovery = /^recovery(?:\.(\d+))?\.(\w+)$/.exec(left);
  if (recovery !== null) {
    const which = recovery[2]!;
    if (!(RECOVERY_METRICS as readonly string[]).includes(which)) {
      return fail(`unknown recovery metric "${which}"`, suggestion(which, RECOVERY_METRICS, 'recovery metrics'));
    }
    const bound = parseBound('recovery', right);
    if (!bound.ok) return badBound('recovery', right, bound);
    const fault = recovery[1] === undefined ? {} : { fault: Number(recovery[1]) };
    return { ok: true, value: { text: canonical, metric: 'recovery', recovery: which as 'p99' | 'errorRate', ...fault, op, value: bound.value } };
  }
  if (!(SCALAR_METRICS as readonly string[]).includes(left)) return fail(`unknown metric "${left}"`, suggestion(left, SLO_NAMES, 'metrics'));
  const metric = left as ScalarMetric;
  const bound = parseBound(metric, right);
  if (!bound.ok) return badBound(metric, right, bound);
  return { ok: true, value: { text: canonical, metric, op, value: bound.value } };
}

/** `variant.metric`, split at the last dot (variant names may hold dots: `services.api.replicas=4`). */
function parseMetricRef(text: string): MetricRef | undefined {
  const dot = text.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const metric = text.slice(dot + 1);
  if (!(SCALAR_METRICS as readonly string[]).includes(metric)) return undefined;
  return { variant: text.slice(0, dot), metric: metric as ScalarMetric };
}

/** Parses an expectation: `least-request.p99 < random.p99` or `least-request.p99 < 80ms`. */
export function parseExpect(text: string): GrammarResult<ExpectSpec> {
  const parts = splitComparison(text.trim(), 'least-request.p99 < random.p99');
  if (!parts.ok) return parts;
  const { left, op, right } = parts.value;
  const canonical = `${left} ${op} ${right}`;
  const leftRef = parseMetricRef(left);
  if (leftRef === undefined) {
    const metric = left.slice(left.lastIndexOf('.') + 1);
    const match = closest(metric, SCALAR_METRICS);
    const hint = left.includes('.') && match !== undefined ? `did you mean "${left.slice(0, left.lastIndexOf('.'))}.${match}"?` : `e.g. random.p99; metrics: ${SCALAR_METRICS.join(', ')}`;
    return fail(`expected <variant>.<metric> before "${op}", got ${JSON.stringify(left)}`, hint);
  }
  const rightRef = parseMetricRef(right);
  if (rightRef !== undefined) return { ok: true, value: { text: canonical, left: leftRef, op, right: rightRef } };
  const bound = parseBound(leftRef.metric, right);
  if (!bound.ok) {
    return fail(
      `expected <variant>.<metric> or ${UNIT_OF[metricUnit(leftRef.metric)]} after "${op}", got ${JSON.stringify(right)}`,
      `e.g. ${left} ${op} random.${leftRef.metric}`,
    );
  }
  return { ok: true, value: { text: canonical, left: leftRef, op, right: { value: bound.value } } };
}

/** Whether `a op b` holds. */
export function compare(a: number, op: ComparisonOp, b: number): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}
