/**
 * The size of a run, estimated before it starts: the requests it will simulate, the
 * time-series windows it will keep and the seeds it will use, each checked against
 * `RUN_LIMITS`. The loader checks a loaded scenario; the CLI and the planner check again
 * after `--duration`, `--replications` and `--seed` change it, so no path around the
 * bounds is left.
 *
 * The estimate is deliberately rough (expected values, no queueing, retries or KV
 * replication): it only has to tell a long run from one that never ends, and the bound
 * sits orders of magnitude above any run that finishes.
 */
import { moments } from '../sampling/distributions';
import { LIMIT_REASONS, RUN_LIMITS, SEED_MAX } from './limits';
import type { PathProblem } from './path-problem';
import type { ScenarioPart } from './scenario-part';
import type { ClientSpec, RateStep, Scenario, ServiceSpec } from './types';

/**
 * Upper bound on time-series windows per replication: the World widens the windows of
 * longer runs to stay under it (`MAX_WINDOWS` in models/run/world.ts is this constant).
 */
export const WINDOWS_PER_REPLICATION_MAX = 100_000;

/** A count as the messages print it: 12,000 below a million, else 3.6e12. */
export function approximately(n: number): string {
  if (!Number.isFinite(n)) return 'unboundedly many';
  if (n < 1e6) return Math.round(n).toLocaleString('en-US');
  return n.toExponential(1).replace('e+', 'e').replace('.0e', 'e');
}

/** Requests each request to `service` makes in all, itself included: 1 + its calls' fan-out. */
function fanOut(services: ReadonlyMap<string, ServiceSpec>): (service: string) => number {
  const memo = new Map<string, number>();
  // Call graphs are acyclic (the loader checks), so the recursion ends; its depth is at most
  // the number of services.
  const of = (name: string): number => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    let total = 1;
    for (const call of services.get(name)?.calls ?? []) total += call.count * of(call.service);
    memo.set(name, total);
    return total;
  };
  return of;
}

/** Open arrivals in [0, durationMs): the integral of the piecewise-constant rate. */
function openArrivals(steps: readonly RateStep[], durationMs: number): number {
  let total = 0;
  steps.forEach((step, i) => {
    const endMs = Math.min(steps[i + 1]?.atMs ?? durationMs, durationMs);
    if (endMs > step.atMs) total += (step.ratePerSec * (endMs - step.atMs)) / 1000;
  });
  return total;
}

/**
 * Shortest expected cycle of a closed-loop user, ms: think, the network both ways and the
 * target's service time (queueing only lengthens it).
 */
function closedCycleMs(client: ClientSpec, scenario: Scenario): number {
  if (client.arrival.process !== 'closed') return Infinity;
  const target = scenario.services.get(client.target);
  const service = target === undefined ? 0 : moments(target.serviceTime).mean;
  return moments(client.arrival.thinkTime).mean + 2 * moments(scenario.network.latency).mean + service;
}

/** Expected requests of one client in one replication, its downstream calls included. */
function clientRequests(client: ClientSpec, scenario: Scenario, callsOf: (service: string) => number): number {
  const arrivals =
    client.arrival.process === 'closed'
      ? (client.arrival.users * scenario.durationMs) / closedCycleMs(client, scenario)
      : openArrivals(client.arrival.steps, scenario.durationMs);
  return arrivals * callsOf(client.target);
}

/**
 * Expected requests of the whole run (every replication), downstream calls included, and
 * the parts' own work (a gossip cluster's protocol rounds).
 */
export function expectedRequests(scenario: Scenario, parts: readonly ScenarioPart[]): number {
  const callsOf = fanOut(scenario.services);
  let perReplication = 0;
  for (const part of parts) perReplication += part.workPerReplication?.(scenario) ?? 0;
  for (const client of scenario.clients.values()) perReplication += clientRequests(client, scenario, callsOf);
  return perReplication * scenario.replications;
}

/** Time-series windows the run keeps (every replication). */
export function expectedWindows(scenario: Scenario): number {
  return scenario.replications * Math.min(Math.ceil(scenario.durationMs / scenario.windowMs), WINDOWS_PER_REPLICATION_MAX);
}

/** Closed-loop clients whose users would loop without the clock advancing. */
function stuckClients(scenario: Scenario): PathProblem[] {
  return [...scenario.clients].flatMap(([name, client]) =>
    client.arrival.process === 'closed' && !(closedCycleMs(client, scenario) > 0)
      ? [{
          path: ['clients', name, 'arrival', 'thinkTime'],
          at: 'value' as const,
          message: 'closed-loop users with no think time, network latency or service time loop without the clock advancing',
          expected: 'a think time above 0',
          hint: 'the run would never end; e.g. thinkTime: 1s',
        }]
      : [],
  );
}

/**
 * Problems of the run's size: too many requests or windows, seeds past 2^53 − 1, or
 * closed-loop users that never let time pass. Paths point at the field a user most
 * likely changes (`duration`, `seed`) or that causes it (a closed client's think time).
 */
export function runSizeProblems(scenario: Scenario, parts: readonly ScenarioPart[]): PathProblem[] {
  const stuck = stuckClients(scenario);
  if (stuck.length > 0) return stuck;
  const problems: PathProblem[] = [];
  const requests = expectedRequests(scenario, parts);
  if (!(requests <= RUN_LIMITS.requests)) {
    problems.push({
      path: ['duration'],
      at: 'value',
      message: `the run would simulate about ${approximately(requests)} requests (rates × duration × ${scenario.replications} replication(s), with downstream calls), over the limit of ${approximately(RUN_LIMITS.requests)}`,
      expected: `at most ${approximately(RUN_LIMITS.requests)} requests in a run`,
      hint: LIMIT_REASONS.requests,
    });
  }
  const windows = expectedWindows(scenario);
  if (windows > RUN_LIMITS.windows) {
    problems.push({
      // At duration, which every file has; window is often left at its default.
      path: ['duration'],
      at: 'value',
      message: `the run would keep ${approximately(windows)} time-series windows (${scenario.replications} replications × duration / window), over the limit of ${approximately(RUN_LIMITS.windows)}`,
      expected: `at most ${approximately(RUN_LIMITS.windows)} windows in a run`,
      hint: LIMIT_REASONS.windows,
    });
  }
  // seed + replications − 1 may itself round past 2^53: compare in safe integers.
  if (scenario.seed > SEED_MAX - (scenario.replications - 1)) {
    problems.push({
      path: ['seed'],
      at: 'value',
      message: `replications would use seeds ${scenario.seed} to ${scenario.seed} + ${scenario.replications - 1}, past ${SEED_MAX} (2^53 − 1)`,
      expected: `seed + replications − 1 at most ${SEED_MAX}`,
      hint: LIMIT_REASONS.seed,
    });
  }
  return problems;
}
