// --seed, --replications and --duration applied to a loaded scenario, with the bounds a
// scenario file has; loaded when a command runs (it needs the scenario language).
import { LIMIT_REASONS, RUN_LIMITS, SEED_MAX } from '../models/scenario/limits';
import { parseDuration } from '../models/scenario/units';
import type { Scenario } from '../models/scenario/types';
import { duration } from '../models/report/numbers';
import { runSizeProblems } from '../planner/scenario-file';
import { UsageError } from './errors';
import type { RunFlags } from './run-options';

/**
 * Apply --seed, --replications and --duration on top of a loaded scenario, with the bounds
 * a scenario file has (limits.ts): each value, and the size of the run they add up to.
 */
export function applyRunFlags(scenario: Scenario, flags: RunFlags): Scenario {
  let out = scenario;
  if (flags.seed !== undefined) out = { ...out, seed: parseSeed(flags.seed) };
  if (flags.replications !== undefined) out = { ...out, replications: parseReplications(flags.replications) };
  if (flags.duration !== undefined) {
    const parsed = parseDuration(flags.duration);
    if (!parsed.ok && parsed.hint === LIMIT_REASONS.duration) throw new UsageError(`--duration: expected ${parsed.expected}, got "${flags.duration}"`, parsed.hint);
    if (!parsed.ok || parsed.value <= 0) throw new UsageError(`--duration: expected a positive duration with units, got "${flags.duration}"`, 'e.g. --duration 60s');
    if (parsed.value <= out.warmupMs) {
      throw new UsageError(`--duration ${flags.duration} is not longer than the warm-up (${duration(out.warmupMs)})`, `use a longer duration, or a shorter warmup: in the scenario`);
    }
    out = { ...out, durationMs: parsed.value };
  }
  const problem = runSizeProblems(out)[0];
  if (problem !== undefined) throw new UsageError(`${flagsText(flags)}: ${problem.message}`, problem.hint);
  return out;
}

/** The run flags given, as typed: `--duration 100h --replications 50`. */
function flagsText(flags: RunFlags): string {
  const given = [['--seed', flags.seed], ['--replications', flags.replications], ['--duration', flags.duration]] as const;
  return given.flatMap(([flag, value]) => (value === undefined ? [] : [`${flag} ${value}`])).join(' ') || 'the scenario';
}

const SEED_EXPECTED = `an integer from 0 to ${SEED_MAX} (2^53 − 1)`;

/** A seed: digits whose value is a safe integer and reads back as the same digits. */
function parseSeed(raw: string): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw)) throw new UsageError(`--seed: expected ${SEED_EXPECTED}, got "${raw}"`, 'e.g. --seed 7');
  // Past 2^53 − 1 digits are lost (9007199254740993 reads as …992); BigInt compares them all.
  if (!Number.isSafeInteger(n) || BigInt(raw) !== BigInt(n)) throw new UsageError(`--seed: expected ${SEED_EXPECTED}, got "${raw}"`, LIMIT_REASONS.seed);
  return n;
}

function parseReplications(raw: string): number {
  const max = RUN_LIMITS.replications;
  const expected = `expected an integer from 1 to ${max.toLocaleString('en-US')}, got "${raw}"`;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1) throw new UsageError(`--replications: ${expected}`, 'e.g. --replications 8');
  if (n > max) throw new UsageError(`--replications: ${expected}`, LIMIT_REASONS.replications);
  return n;
}

/**
 * Faults that start at or after the end of the run never happen: legal (a shortened run,
 * `--duration 10s`, is a common quick look) but worth a note, so nobody reads a fault-free
 * result as the system shrugging the fault off.
 */
export function lateFaultNotes(scenario: Scenario): string[] {
  return scenario.faults.flatMap((fault, i) =>
    fault.atMs >= scenario.durationMs ? [`meshsim: note: fault ${i} (${fault.kind} at ${duration(fault.atMs)}) starts after the run ends (${duration(scenario.durationMs)}), so it does not happen`] : []);
}
