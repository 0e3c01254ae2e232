/**
 * The simulation side of the viz: one scenario, one World, one observer. It runs inside
 * a Web Worker (or a Node worker thread in tests) behind comlink, so the page never
 * blocks; every method is synchronous here and becomes a Promise on the page.
 *
 * Driver contract (the page's Player follows it):
 * - `load` first; it returns the topology or the scenario's problems.
 * - `advance(untilMs)` runs forward and returns a Frame of what changed. The page asks
 *   for the next frame only after applying the previous one, so frames never pile up.
 *   The latency digest comes when asked for (`latency: true`) and in every frame at the
 *   end of the run.
 * - `seek(tMs)` earlier than now rebuilds the World and re-runs it to `tMs`: runs are
 *   deterministic, so this is the same moment the page saw before. Its frame has
 *   `reset: true` and carries the whole history up to `tMs`.
 * - `resultJson()` returns the result exactly as `meshsim run --format json` prints it
 *   (computed headless, here in the worker).
 *
 * The only wall-clock use is the optional time budget of `advance`, so the page gets a
 * frame back in time even at "as fast as possible"; where a chunk stops never changes
 * the run.
 */
import { collectResult } from '../../models/run/collect';
import { WorldObserver, type LatencyDigest, type Snapshot, type Topology } from '../../models/observe/observe';
import { runScenario } from '../../models/run/run-scenario';
import { ScenarioError, type ScenarioProblem } from '../../models/scenario/errors';
import { loadScenario } from '../../planner/scenario-file';
import type { ScenarioOverride } from '../../models/scenario/overrides';
import type { Scenario } from '../../models/scenario/types';
import { World } from '../../models/run/world';
import { isSeed, SEED_MAX } from './seed';
import { resultJson } from './result-json';

export interface LoadRequest {
  /** YAML source of the scenario. */
  readonly text: string;
  /** File name used in problem locations. */
  readonly file: string;
  /** Master seed; absent: the scenario's own. */
  readonly seed?: number;
  /** `path=value` overrides (the Compare variant). */
  readonly overrides?: readonly ScenarioOverride[];
}

export type LoadReply =
  | { readonly ok: true; readonly topology: Topology; readonly replications: number }
  | { readonly ok: false; readonly problems: readonly ScenarioProblem[] };

export interface AdvanceOptions {
  /** Stop after about this much wall time (ms) even if `untilMs` is not reached. */
  readonly budgetMs?: number;
  /** Include the latency digest (costs a histogram merge; the page asks a few times a second). */
  readonly latency?: boolean;
}

/** A snapshot, plus whether the page must drop its history first, and the latency digest. */
export interface Frame extends Snapshot {
  readonly reset: boolean;
  readonly latency?: LatencyDigest;
}

/** Events between two looks at the wall clock: about a millisecond of work. */
const EVENTS_PER_CHECK = 20_000;

export class SimSession {
  private scenario: Scenario | undefined;
  private file = '';
  private world: World | undefined;
  private observer: WorldObserver | undefined;
  /** The next frame must tell the page to drop its history (a new run or a rewind). */
  private resetPending = false;

  /** @param clock wall clock in ms, for `advance` budgets only (default: none, no budget). */
  constructor(private readonly clock: () => number = () => 0) {}

  /** The problems of a scenario text (none when it is valid), as the CLI reports them. */
  validate(text: string, file: string, overrides: readonly ScenarioOverride[] = []): readonly ScenarioProblem[] {
    try {
      loadScenario(text, file, { overrides });
      return [];
    } catch (error) {
      return problemsOf(error, file);
    }
  }

  /** Load a scenario and build its World at time 0. */
  load(request: LoadRequest): LoadReply {
    let scenario: Scenario;
    try {
      scenario = loadScenario(request.text, request.file, { overrides: request.overrides ?? [] });
      if (request.seed !== undefined) scenario = { ...scenario, seed: checkSeed(request.seed) };
      this.scenario = scenario;
      this.file = request.file;
      this.rebuild();
    } catch (error) {
      this.scenario = undefined;
      return { ok: false, problems: problemsOf(error, request.file) };
    }
    return { ok: true, topology: this.observer!.topology, replications: scenario.replications };
  }

  /** Run to `untilMs` of sim time (or the budget) and return what changed. */
  advance(untilMs: number, options: AdvanceOptions = {}): Frame {
    const observer = this.current();
    const budgetMs = options.budgetMs ?? Infinity;
    const started = budgetMs === Infinity ? 0 : this.clock();
    for (;;) {
      const reached = observer.advance(untilMs, EVENTS_PER_CHECK);
      if (observer.done || reached >= untilMs) break;
      if (budgetMs !== Infinity && this.clock() - started >= budgetMs) break;
    }
    return this.frame(options.latency ?? false);
  }

  /**
   * Go to sim time `tMs`: forward by running on (without recording movements), backward
   * by re-running a fresh World from 0.
   */
  seek(tMs: number, options: AdvanceOptions = {}): Frame {
    const target = Math.max(0, tMs);
    if (target < this.current().world.sim.now()) this.rebuild();
    const observer = this.current();
    observer.recordMovements = false;
    try {
      observer.advance(target);
    } finally {
      observer.recordMovements = true;
    }
    const frame = this.frame(options.latency ?? true);
    return { ...frame, movements: [] };
  }

  /** Back to time 0 with the same scenario and seed. */
  restart(): Frame {
    this.current();
    this.rebuild();
    return this.frame(true);
  }

  /**
   * The run's result JSON, exactly as `meshsim run --format json` prints it: every
   * replication runs here, headless (runScenario, as the CLI), so the run on screen stays
   * where it is. The observed run is the same as replication 0: see `observedJson`.
   */
  resultJson(): string {
    this.current();
    return resultJson(runScenario(this.scenario!));
  }

  /**
   * The observed run's own replication result (JSON) once it has reached the end, for
   * checking that watching a run does not change it; undefined before the end.
   */
  observedJson(): string | undefined {
    const observer = this.current();
    return observer.done ? JSON.stringify(collectResult(observer.world)) : undefined;
  }

  /** The file name of the loaded scenario. */
  fileName(): string {
    return this.file;
  }

  private rebuild(): void {
    this.observer?.detach();
    const scenario = this.scenario!;
    this.world = new World(scenario, scenario.seed);
    this.observer = new WorldObserver(this.world);
    this.resetPending = true;
  }

  private current(): WorldObserver {
    if (this.observer === undefined || this.scenario === undefined) throw new Error('viz: no scenario loaded (call load first)');
    return this.observer;
  }

  /**
   * The frame of what changed. The latency digest comes when asked for, and always at the
   * end of the run: the page asks only a few times a second, and the last frame of a fast
   * run must not leave the panel showing an earlier digest for good.
   */
  private frame(withLatency: boolean): Frame {
    const observer = this.current();
    const reset = this.resetPending;
    this.resetPending = false;
    const snapshot = observer.snapshot();
    return withLatency || observer.done ? { ...snapshot, reset, latency: observer.latency() } : { ...snapshot, reset };
  }
}

function checkSeed(seed: number): number {
  if (!isSeed(seed)) throw new RangeError(`viz: the seed must be a whole number from 0 to ${SEED_MAX}, got ${seed}`);
  return seed;
}

/** A scenario's problems, or the message of any other error as one problem without a place. */
function problemsOf(error: unknown, file: string): readonly ScenarioProblem[] {
  if (error instanceof ScenarioError) return error.problems;
  return [{ file, line: 0, column: 0, path: '', message: (error as Error).message }];
}
