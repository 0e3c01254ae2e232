/**
 * `meshsim plan --load`: the arrival rate as the searched value. Every open-workload
 * client's rates (every step) are scaled by one factor so that their peak total is the
 * probed load; closed-loop clients are left as they are. Probed loads lie on a geometric
 * grid with 1% steps, so the knee is found to 1% in O(log) probes.
 */
import type { ScenarioOverride } from '../models/scenario/overrides';
import type { Scenario } from '../models/scenario/types';
import { PlannerError } from './planner-error';
import { maxOf } from '../sim/stats';

/** Ratio between neighbouring loads of the grid: the resolution of the knee. */
export const LOAD_STEP = 1.01;

/** A number as digits with a decimal point (no exponent), as scenario units require. */
export function plainNumber(x: number): string {
  return x.toFixed(6).replace(/\.?0+$/, '');
}

/** Sum over open-workload clients of their highest rate, per second. */
export function peakLoad(scenario: Scenario): number {
  let total = 0;
  for (const client of scenario.clients.values()) {
    if (client.arrival.process === 'closed') continue;
    total += maxOf(client.arrival.steps.map((s) => s.ratePerSec));
  }
  return total;
}

/**
 * Overrides that scale every open client's rates so their peak total is `totalPerSec`.
 * @throws PlannerError when no client has an open workload
 */
export function loadOverrides(scenario: Scenario, totalPerSec: number): ScenarioOverride[] {
  const peak = peakLoad(scenario);
  if (!(peak > 0)) throw new PlannerError('--load: no client has an open workload (poisson or constant) with a rate above 0', 'closed-loop clients set their load by users and think time');
  const factor = totalPerSec / peak;
  const overrides: ScenarioOverride[] = [];
  for (const [name, client] of scenario.clients) {
    if (client.arrival.process === 'closed') continue;
    const steps = client.arrival.steps.map((s) => ({ at: `${plainNumber(s.atMs)}ms`, rate: `${plainNumber(s.ratePerSec * factor)}/s` }));
    overrides.push({ path: `clients.${name}.arrival.rate`, value: steps.length === 1 ? steps[0]!.rate : JSON.stringify(steps) });
  }
  return overrides;
}

/** Loads lo·1.01^k from lo to hi (hi included), 4 significant digits. */
export interface LoadGrid {
  /** Index of the last load, hi. */
  readonly last: number;
  load(k: number): number;
}

export function loadGrid(lo: number, hi: number): LoadGrid {
  const last = Math.max(0, Math.ceil(Math.log(hi / lo) / Math.log(LOAD_STEP) - 1e-9));
  return { last, load: (k) => (k >= last ? hi : k <= 0 ? lo : Number((lo * LOAD_STEP ** k).toPrecision(4))) };
}

/** Index of the largest grid load not above `x` (0 when x is below lo). */
export function gridIndexAtMost(grid: LoadGrid, x: number): number {
  let k = Math.max(0, Math.min(grid.last, Math.round(Math.log(x / grid.load(0)) / Math.log(LOAD_STEP))));
  while (k < grid.last && grid.load(k + 1) <= x) k++;
  while (k > 0 && grid.load(k) > x) k--;
  return k;
}
