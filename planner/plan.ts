/**
 * Capacity planning: the smallest value of a path (replicas, cores) whose SLOs hold with
 * the upper 95% confidence bound, by a monotone search with every replication at each
 * probe; or, with a cost expression, the cheapest configuration over several paths; or,
 * with `load`, the highest arrival rate the configuration sustains (the knee).
 *
 * The analytic model (analytic.ts, injected because it loads mathjs) gives the search its
 * first probe and is reported beside the simulated answer as a cross-check.
 */
import type { Summary } from '../models/run/result';
import { loadScenario } from './scenario-file';
import type { ScenarioOverride } from '../models/scenario/overrides';
import type { SloSpec } from './blocks/types';
import type { Scenario } from '../models/scenario/types';
import { summarize } from '../models/run/summarize';
import type * as Analytic from './analytic';
import { gridIndexAtMost, loadGrid, loadOverrides, type LoadGrid } from './load-scaling';
import { metricContext } from './metrics';
import { PlannerError } from './planner-error';
import type { UnitRunner } from './pool';
import { withSettings, type RunSettings } from './run-settings';
import { searchSmallest, searchSmallestSync, type SearchResult } from './search';
import { evaluateSlos, type SloOutcome } from './slo';
import { axisValues, type Axis, type AxisValue } from './vary';
import { variantOf } from './variants';

export const PLAN_SCHEMA = 'meshsim.plan/v1';

/** Configurations a cost search may enumerate besides the searched path. */
export const COST_COMBINATIONS_MAX = 200;

export interface PlanProbe {
  readonly values: Readonly<Record<string, unknown>>;
  readonly met: boolean;
  readonly cost: number | null;
  readonly slo: readonly SloOutcome[];
  readonly summary: Summary;
}

/** The JSON of `meshsim plan` (v1 contract: keys are stable; new keys may be added). */
export interface PlanReport {
  readonly schema: typeof PLAN_SCHEMA;
  readonly scenario: string;
  readonly seed: number;
  readonly replications: number;
  readonly durationMs: number;
  readonly warmupMs: number;
  readonly slo: readonly string[];
  /** Each varied path: [lo, hi] for a range (and for `load`), the values for a list. */
  readonly vary: Readonly<Record<string, unknown>>;
  /** The path searched: a range's path, or `load`. */
  readonly search: string;
  readonly answer: Readonly<Record<string, unknown>> | null;
  readonly analytic: Readonly<Record<string, unknown>> | null;
  /** The analytic model used, or why there is none. */
  readonly analyticModel: { readonly model: 'M/M/c'; readonly service: string; readonly exact: boolean } | { readonly model: null; readonly reason: string };
  /** The neighbour of the answer (below it; above it for load) was probed and failed. */
  readonly verified: boolean;
  readonly probes: readonly PlanProbe[];
  readonly cost: number | null;
}

export interface PlanInput {
  readonly file: string;
  readonly text: string;
  readonly settings: RunSettings;
  readonly slos: readonly SloSpec[];
  readonly axes: readonly Axis[];
  /** Search the load (total peak arrival rate, per second) over [lo, hi] instead of a path. */
  readonly load?: { readonly lo: number; readonly hi: number };
  /** A cost over the loaded scenario's values, to minimise over the varied paths. */
  readonly cost?: (scope: Readonly<Record<string, unknown>>) => number;
}

export interface PlanProgress {
  /** Probes finished, and the one running. */
  readonly probes: number;
  readonly values: Readonly<Record<string, unknown>>;
  /** Fraction of the running probe's replications done. */
  readonly fraction: number;
}

export interface PlanDeps {
  readonly runner: UnitRunner;
  readonly analytic?: typeof Analytic;
  readonly onProgress?: (progress: PlanProgress) => void;
}

/** A configuration to probe: what reports show, and the overrides that make it. */
interface Config {
  readonly values: Readonly<Record<string, unknown>>;
  readonly overrides: readonly ScenarioOverride[];
}

/**
 * Plans capacity for the SLOs.
 * @throws PlannerError for a search it cannot make (no range, several without a cost)
 * @throws ScenarioError for a probed configuration that does not load
 */
export async function plan(input: PlanInput, deps: PlanDeps): Promise<PlanReport> {
  if (input.slos.length === 0) throw new PlannerError('plan: no SLO to plan for', 'add --slo "p99<100ms" or an slo: block to the scenario');
  const fixed = input.axes.filter((a) => 'values' in a && a.values.length === 1);
  const lists = input.axes.filter((a) => 'values' in a && a.values.length > 1);
  const prober = new Prober(input, deps, fixed);
  const given = input.axes.filter((a): a is RangeAxis => 'range' in a);
  const ranges = given.length + lists.length === 0 && input.load === undefined ? defaultRange(prober.base) : given;
  prober.costOf(prober.base); // a cost expression that does not evaluate fails now, not after the first probe
  if (input.load !== undefined) {
    if (ranges.length + lists.length > 0) throw new PlannerError('plan --load searches the arrival rate: --vary may only fix single values', `drop --vary ${[...ranges, ...lists][0]!.path}=…, or drop --load`);
    return planLoad(input, deps, prober, input.load);
  }
  if (ranges.length === 0) {
    if (lists.length > 0) {
      const path = lists[0]!.path;
      throw new PlannerError(`plan: no range to search: ${path} lists values to compare, not a range to search`, `fix it to one value (--vary ${path}=…) and give a range, e.g. --vary services.api.replicas=1..32; or use meshsim compare`);
    }
    throw new PlannerError('plan: no range to search', 'give one, e.g. --vary services.api.replicas=1..32, or --load 100/s..5000/s; only a scenario with one service is sized by default');
  }
  if (input.cost === undefined && ranges.length + lists.length > 1) {
    throw new PlannerError('plan: several varied paths need --cost to choose between configurations', 'e.g. --cost "services.api.replicas * services.api.cores * 0.045"');
  }
  return planPath(input, deps, prober, ranges[0]!, [...ranges.slice(1), ...lists]);
}

type RangeAxis = Axis & { range: readonly [number, number] };

/** The usual question when nothing else is asked: how many replicas of the only service. */
const DEFAULT_REPLICAS_RANGE: readonly [number, number] = [1, 1024];

function defaultRange(base: Scenario): RangeAxis[] {
  const names = [...base.services.keys()];
  return names.length === 1 ? [{ path: `services.${names[0]!}.replicas`, range: DEFAULT_REPLICAS_RANGE }] : [];
}

/** Runs probes (cached by configuration) and keeps them in probing order. */
class Prober {
  readonly probes: PlanProbe[] = [];
  private readonly cache = new Map<string, PlanProbe>();
  readonly base: Scenario;

  constructor(
    private readonly input: PlanInput,
    private readonly deps: PlanDeps,
    readonly fixed: readonly Axis[],
  ) {
    this.base = this.scenario(this.fixedConfig().overrides);
  }

  fixedConfig(): Config {
    return variantOf(this.fixed, this.fixed.map((a) => axisValues(a)[0]!));
  }

  scenario(overrides: readonly ScenarioOverride[]): Scenario {
    return withSettings(loadScenario(this.input.text, this.input.file, { overrides }), this.input.settings);
  }

  costOf(scenario: Scenario): number | null {
    if (this.input.cost === undefined) return null;
    return this.input.cost(scopeOf(scenario));
  }

  async probe(config: Config): Promise<PlanProbe> {
    const key = JSON.stringify(config.overrides);
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const scenario = this.scenario(config.overrides);
    const n = this.probes.length;
    this.deps.onProgress?.({ probes: n, values: config.values, fraction: 0 });
    const requests = Array.from({ length: scenario.replications }, (_, replication) => ({
      text: this.input.text,
      file: this.input.file,
      overrides: config.overrides,
      settings: this.input.settings,
      replication,
    }));
    const runs = await this.deps.runner.run(requests, (done) => this.deps.onProgress?.({ probes: n, values: config.values, fraction: done / requests.length }));
    const { met, outcomes } = evaluateSlos(this.input.slos, runs, metricContext(scenario));
    const probe = { values: config.values, met, cost: this.costOf(scenario), slo: outcomes, summary: summarize(scenario, runs).summary };
    this.cache.set(key, probe);
    this.probes.push(probe);
    return probe;
  }
}

/** A candidate answer and its cost; the cheaper one wins, the first one on a tie. */
const cheaper = (a: number | null, b: number | null): boolean => a !== null && b !== null && a < b;

/** The cheapest (or only) answer of a path search, over the combinations of the other axes. */
async function planPath(input: PlanInput, deps: PlanDeps, prober: Prober, searched: Axis & { range: readonly [number, number] }, others: readonly Axis[]): Promise<PlanReport> {
  const combos = combinations(others);
  if (combos.length > COST_COMBINATIONS_MAX) throw new PlannerError(`plan --cost: ${combos.length} combinations of the other paths, more than ${COST_COMBINATIONS_MAX}`, 'narrow the ranges or lists');
  const [lo, hi] = searched.range;
  const fixed = prober.fixedConfig();
  const configOf = (combo: Config, v: number): Config => ({
    values: { ...fixed.values, ...combo.values, [searched.path]: v },
    overrides: [...fixed.overrides, ...combo.overrides, { path: searched.path, value: String(v) }],
  });
  const costAt = (config: Config) => prober.costOf(prober.scenario(config.overrides));
  const guesses = combos.map((combo) => analyticSmallest(deps.analytic, prober.scenario([...fixed.overrides, ...combo.overrides]), input.slos, searched.path, lo, hi));
  let best: { config: Config; search: SearchResult; cost: number | null } | undefined;
  let previous: number | undefined;
  for (const [index, combo] of combos.entries()) {
    // Cost grows with the searched value: skip a combination whose cheapest value already costs more.
    if (best !== undefined && best.cost !== null && !cheaper(costAt(configOf(combo, lo)), best.cost)) continue;
    // Start from the analytic answer; from the top when the model says nothing in range meets.
    const guess = guesses[index];
    const start = guess === null ? hi : (guess ?? previous);
    const search = await searchSmallest(lo, hi, start, async (v) => (await prober.probe(configOf(combo, v))).met);
    previous = search.answer ?? previous;
    if (search.answer === null) continue;
    const config = configOf(combo, search.answer);
    const cost = costAt(config);
    if (best === undefined || cheaper(cost, best.cost)) best = { config, search, cost };
  }
  const vary: Record<string, unknown> = { [searched.path]: [lo, hi] };
  for (const axis of [...others, ...prober.fixed]) vary[axis.path] = 'range' in axis ? [...axis.range] : axis.values.map((v) => v.value);
  return report(input, prober, {
    vary,
    search: searched.path,
    answer: best?.config.values ?? null,
    analytic: cheapestGuess(guesses, (index, v) => configOf(combos[index]!, v), costAt),
    analyticModel: modelOf(deps.analytic, prober.base),
    verified: best !== undefined && best.search.failedBelow !== null,
    cost: best?.cost ?? null,
  });
}

/** The analytic answer: the cheapest combination's guess; null when a combination has no model or none meets. */
function cheapestGuess(guesses: readonly (number | null | undefined)[], configOf: (index: number, v: number) => Config, costAt: (config: Config) => number | null): Readonly<Record<string, unknown>> | null {
  if (guesses.some((g) => g === undefined)) return null;
  let best: { config: Config; cost: number | null } | undefined;
  for (const [index, guess] of guesses.entries()) {
    if (guess === null || guess === undefined) continue;
    const config = configOf(index, guess);
    const cost = costAt(config);
    if (best === undefined || cheaper(cost, best.cost)) best = { config, cost };
  }
  return best?.config.values ?? null;
}

/** The highest load on the grid whose SLOs hold. */
async function planLoad(input: PlanInput, deps: PlanDeps, prober: Prober, range: { lo: number; hi: number }): Promise<PlanReport> {
  const grid = loadGrid(range.lo, range.hi);
  const fixed = prober.fixedConfig();
  const configOf = (load: number): Config => ({ values: { ...fixed.values, load }, overrides: [...fixed.overrides, ...loadOverrides(prober.base, load)] });
  // Searching j = last − k for the smallest j that meets finds the largest load k that does.
  const loadAt = (j: number) => grid.load(grid.last - j);
  const knee = analyticKnee(deps.analytic, prober.base, input.slos, grid);
  const start = knee === undefined || knee === null ? undefined : grid.last - gridIndexAtMost(grid, knee);
  const search = await searchSmallest(0, grid.last, start, async (j) => (await prober.probe(configOf(loadAt(j)))).met);
  const answer = search.answer === null ? null : loadAt(search.answer);
  return report(input, prober, {
    vary: { load: [range.lo, range.hi], ...Object.fromEntries(prober.fixed.map((a) => [a.path, axisValues(a).map((v) => v.value)])) },
    search: 'load',
    answer: answer === null ? null : { ...fixed.values, load: answer },
    analytic: knee === undefined || knee === null ? null : { ...fixed.values, load: knee },
    analyticModel: modelOf(deps.analytic, prober.base),
    verified: search.failedBelow !== null,
    cost: answer === null ? null : prober.costOf(prober.scenario(configOf(answer).overrides)),
  });
}

type ReportParts = Pick<PlanReport, 'vary' | 'search' | 'answer' | 'analytic' | 'analyticModel' | 'verified' | 'cost'>;

function report(input: PlanInput, prober: Prober, parts: ReportParts): PlanReport {
  const base = prober.base;
  return {
    schema: PLAN_SCHEMA,
    scenario: base.name,
    seed: base.seed,
    replications: base.replications,
    durationMs: base.durationMs,
    warmupMs: base.warmupMs,
    slo: input.slos.map((s) => s.text),
    vary: parts.vary,
    search: parts.search,
    answer: parts.answer,
    analytic: parts.analytic,
    analyticModel: parts.analyticModel,
    verified: parts.verified,
    probes: prober.probes,
    cost: parts.cost,
  };
}

/** Every combination of the axes' values (one empty combination for no axes). */
function combinations(axes: readonly Axis[]): Config[] {
  let combos: AxisValue[][] = [[]];
  for (const axis of axes) combos = combos.flatMap((combo) => axisValues(axis).map((v) => [...combo, v]));
  return combos.map((combo) => variantOf(axes, combo));
}

function modelOf(analytic: typeof Analytic | undefined, scenario: Scenario): PlanReport['analyticModel'] {
  if (analytic === undefined) return { model: null, reason: 'analytic model not loaded' };
  const result = analytic.stationOf(scenario);
  if (!result.ok) return { model: null, reason: result.reason };
  return { model: 'M/M/c', service: result.station.service, exact: analytic.isExact(result.station) };
}

/** The analytic smallest value of `path`: undefined without a model for it, null if none in range meets. */
function analyticSmallest(analytic: typeof Analytic | undefined, scenario: Scenario, slos: readonly SloSpec[], path: string, lo: number, hi: number): number | null | undefined {
  const station = analytic?.stationOf(scenario);
  if (analytic === undefined || station === undefined || !station.ok) return undefined;
  if (analytic.withValue(station.station, path, lo) === undefined || analytic.analyticMeets(station.station, slos) === null) return undefined;
  return searchSmallestSync(lo, hi, lo, (v) => analytic.analyticMeets(analytic.withValue(station.station, path, v)!, slos) === true).answer;
}

/** The analytic knee on the grid: undefined without a model, null if even the lowest load fails. */
function analyticKnee(analytic: typeof Analytic | undefined, scenario: Scenario, slos: readonly SloSpec[], grid: LoadGrid): number | null | undefined {
  const station = analytic?.stationOf(scenario);
  if (analytic === undefined || station === undefined || !station.ok || analytic.analyticMeets(station.station, slos) === null) return undefined;
  const j = searchSmallestSync(0, grid.last, 0, (j) => analytic.analyticMeets(analytic.withValue(station.station, 'load', grid.load(grid.last - j))!, slos) === true).answer;
  return j === null ? null : grid.load(grid.last - j);
}

/** The scenario as a plain object for cost expressions: services and clients by name. */
export function scopeOf(scenario: Scenario): Record<string, unknown> {
  return { ...scenario, services: Object.fromEntries(scenario.services), clients: Object.fromEntries(scenario.clients) };
}
