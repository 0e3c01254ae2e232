import { offeredLoads } from './offered-load';
import type { RunWarning, Summary } from './result';
import type { Scenario } from '../scenario/types';

/**
 * What a run's numbers do not say by themselves. An overloaded service's latency
 * percentiles cover only the requests it got round to answering, so a run can print a
 * modest p99 while a queue of 13,000 grows behind it: these say so, in the table and under
 * `warnings` in the JSON.
 *
 * - overload: from the file, before running (models/run/offered-load.ts): the offered load at
 *   the clients' peak rate reaches the service's capacity (ρ ≥ 1).
 * - backlog: from the run: a service ended with a large share of the requests that reached
 *   it after the warm-up still unanswered (it fell behind: a fault, retries, or overload).
 */
/** A backlog is worth a warning from this share of the arrivals, and this many requests. */
export const BACKLOG_SHARE = 0.05;
export const BACKLOG_MIN_REQUESTS = 100;

export function runWarnings(scenario: Scenario, summary: Summary): RunWarning[] {
  return [...overloadWarnings(scenario), ...backlogWarnings(summary)];
}

/** The warnings the file alone gives, before anything runs (the viz shows them on opening). */
export function overloadWarnings(scenario: Scenario): RunWarning[] {
  const out: RunWarning[] = [];
  for (const load of offeredLoads(scenario)) {
    if (!(load.utilization >= 1)) continue;
    const { service, utilization, ratePerSec, meanServiceTimeMs, cores } = load;
    const spec = scenario.services.get(service)!;
    const consequence = spec.queueLimit === undefined ? 'its queues grow for as long as the peak lasts' : 'requests beyond its queue limit are rejected';
    out.push({
      kind: 'overload', service, utilization: round(utilization, 4), ratePerSec: round(ratePerSec, 3), meanServiceTimeMs: round(meanServiceTimeMs, 3), cores,
      message: `${service} is overloaded: ${count(ratePerSec)}/s at peak × ${count(meanServiceTimeMs)} ms mean service time needs ` +
        `${percent(utilization)} of its ${count(cores)} core${cores === 1 ? '' : 's'} (${spec.replicas} × ${spec.cores}), so ${consequence}` +
        ` (hint: ${count(Math.ceil(utilization * spec.replicas * 1.25))} replicas or more keep it under 80%)`,
    });
  }
  return out;
}

function backlogWarnings(summary: Summary): RunWarning[] {
  const out: RunWarning[] = [];
  for (const [service, s] of Object.entries(summary.services)) {
    const arrived = s.completed + s.failed + s.inFlight;
    const share = arrived > 0 ? s.inFlight / arrived : 0;
    if (s.inFlight < BACKLOG_MIN_REQUESTS || share < BACKLOG_SHARE) continue;
    out.push({
      kind: 'backlog', service, inFlight: s.inFlight, share: round(share, 4),
      message: `${service} fell behind: ${count(s.inFlight)} of the ${count(arrived)} requests that reached it after the warm-up (${percent(share)}) ` +
        'were still unanswered when the run ended, and latency percentiles leave them out',
    });
  }
  return out;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

const count = (x: number): string => x.toLocaleString('en-US', { maximumFractionDigits: x < 10 ? 2 : 0 });
const percent = (x: number): string => `${(x * 100).toLocaleString('en-US', { maximumFractionDigits: x < 10 ? 1 : 0 })}%`;
