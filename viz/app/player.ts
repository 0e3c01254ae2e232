/**
 * Playback: turns wall time into simulated time and drives the panels' workers in
 * lockstep, so two Compare panels always show the same moment.
 *
 * One request per panel is in flight at a time, and a new one leaves at most every 33 ms
 * (≤ 30 frames per second): frames cannot queue up however slow the page or the worker.
 * At a speed factor the next target is now + wall time × speed (wall time capped at
 * 100 ms, so a slow frame slows the run down rather than making it jump). "As fast as
 * possible" adapts its step so one round trip takes about 30 ms of worker time.
 *
 * Paused, every view shows the moment on screen: a pause mid-run fetches the latency
 * digest of that moment (the worker adds it to the frame at the end of the run).
 */
import type { Panel } from './panel';
import { minOf } from '../../sim/stats';

export interface PlayerHost {
  panels(): readonly Panel[];
  /** Called after every change of time or state, to refresh the controls. */
  changed(): void;
  failed(error: unknown): void;
}

export const SPEED_MIN = 0.1;
export const SPEED_MAX = 1000;
const FRAME_MS = 33;
const WALL_STEP_MAX_MS = 100;
/** Worker time a round trip should take at full speed, and its hard limit. */
const MAX_MODE_TARGET_MS = 30;
const BUDGET_MS = 250;

export class Player {
  playing = false;
  /** Simulated ms per wall ms. */
  speed = 1;
  /** As fast as possible. */
  max = false;
  private busy = false;
  private lastTickMs = 0;
  private maxStepMs = 50;
  private pendingSeekMs: number | undefined;
  /**
   * Paused mid-run: fetch the latency digest of the moment shown. While playing, frames
   * carry it only a few times a second, so the last frame before a pause may not.
   */
  private latencyPending = false;
  private running = false;

  constructor(private readonly host: PlayerHost) {}

  /** Start the animation loop (once). */
  start(): void {
    if (this.running) return;
    this.running = true;
    requestAnimationFrame(this.loop);
  }

  /** The moment on screen: the earliest of the panels. */
  now(): number {
    const times = this.host.panels().map((p) => p.state?.tMs ?? 0);
    return minOf(times, 0);
  }

  durationMs(): number {
    return this.host.panels()[0]?.state?.topology.durationMs ?? 0;
  }

  done(): boolean {
    const panels = this.host.panels();
    return panels.length > 0 && panels.every((p) => p.state?.done ?? false);
  }

  /**
   * Every panel shows a loaded run. Before that (the first scenario still loading, or one
   * that failed to load) the controls do nothing: the workers have no run to move.
   */
  private loaded(): boolean {
    const panels = this.host.panels();
    return panels.length > 0 && panels.every((p) => p.state !== undefined);
  }

  play(): void {
    if (!this.loaded()) return;
    if (this.done()) this.seek(0);
    this.playing = true;
    this.latencyPending = false;
    this.lastTickMs = performance.now();
    this.host.changed();
  }

  pause(): void {
    if (this.playing && !this.done()) this.latencyPending = true;
    this.playing = false;
    this.host.changed();
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  setSpeed(factor: number): void {
    this.speed = Math.min(SPEED_MAX, Math.max(SPEED_MIN, factor));
    this.max = false;
    this.host.changed();
  }

  setMax(max: boolean): void {
    this.max = max;
    this.host.changed();
  }

  /**
   * One sampling interval forward (+1, run with its request movements) or back (-1, a
   * deterministic re-run to there), paused.
   */
  step(direction: 1 | -1): void {
    if (!this.loaded()) return;
    const interval = this.host.panels()[0]?.state?.topology.intervalMs ?? 100;
    const t = this.now();
    const k = direction > 0 ? Math.floor(t / interval + 1e-9) + 1 : Math.ceil(t / interval - 1e-9) - 1;
    const target = Math.min(this.durationMs(), Math.max(0, k * interval));
    this.pause();
    if (direction < 0) this.seek(target);
    else if (!this.busy) {
      this.latencyPending = false; // the step's frame carries it
      void this.run((panel) => panel.advance(target, { latency: true }));
    }
  }

  /** A request to a worker is in flight or queued. */
  get working(): boolean {
    return this.busy || this.pendingSeekMs !== undefined || this.latencyPending;
  }

  /** Go to `tMs`; seeks requested while busy are merged (dragging the timeline). */
  seek(tMs: number): void {
    if (!this.loaded()) return;
    this.pendingSeekMs = Math.min(this.durationMs(), Math.max(0, tMs));
    this.host.changed();
    if (!this.busy) void this.flushSeek();
  }

  /** Wait until no request is in flight (tests and exports). */
  async idle(): Promise<void> {
    while (this.working) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  private readonly loop = (wallMs: number): void => {
    requestAnimationFrame(this.loop);
    for (const panel of this.host.panels()) panel.animate(wallMs);
    if (this.busy) return;
    if (this.pendingSeekMs !== undefined) void this.flushSeek();
    else if (this.latencyPending) void this.refreshLatency();
    else if (this.playing && wallMs - this.lastTickMs >= FRAME_MS) void this.tick(wallMs);
  };

  private async tick(wallMs: number): Promise<void> {
    const wallStep = Math.min(WALL_STEP_MAX_MS, wallMs - this.lastTickMs);
    this.lastTickMs = wallMs;
    const target = Math.min(this.durationMs(), this.now() + (this.max ? this.maxStepMs : wallStep * this.speed));
    const started = performance.now();
    await this.run((panel) => panel.advance(target, { budgetMs: BUDGET_MS }));
    if (this.max) {
      const elapsed = Math.max(1, performance.now() - started);
      const factor = Math.min(2, Math.max(0.5, MAX_MODE_TARGET_MS / elapsed));
      this.maxStepMs = Math.min(Math.max(1, this.maxStepMs * factor), Math.max(1, this.durationMs()));
    }
    if (this.done()) this.pause();
  }

  private async flushSeek(): Promise<void> {
    const target = this.pendingSeekMs;
    if (target === undefined) return;
    this.pendingSeekMs = undefined;
    this.latencyPending = false; // seek frames carry the digest
    await this.run((panel) => panel.seek(target));
    if (this.pendingSeekMs !== undefined) void this.flushSeek();
  }

  /** The latency digest of the moment shown (a zero-length advance: the run does not move). */
  private async refreshLatency(): Promise<void> {
    this.latencyPending = false;
    await this.run((panel) => (panel.state === undefined ? Promise.resolve() : panel.advance(panel.state.tMs, { latency: true })));
  }

  private async run(action: (panel: Panel) => Promise<unknown>): Promise<void> {
    this.busy = true;
    try {
      const panels = this.host.panels();
      await Promise.all(panels.map(action));
      for (const panel of panels) panel.render();
    } catch (error) {
      this.playing = false;
      this.host.failed(error);
    } finally {
      this.busy = false;
      this.host.changed();
    }
  }
}
