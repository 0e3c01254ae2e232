import { Histogram } from '../../sim/histogram';

/** The fraction of target members informed of one rumour, per window since its creation. */
export interface RumourSeries {
  readonly id: string;
  readonly createdAtMs: number;
  readonly windowMs: number;
  /** fractions[w] = informed / target at the end of window w (forward-filled); ends at completion. */
  readonly fractions: readonly number[];
  /** Time to full dissemination, or null if it did not complete. */
  readonly fullMs: number | null;
}

interface RumourTrack {
  readonly id: string;
  readonly createdAtMs: number;
  /** Members live at creation and still live: who must receive it. */
  target: number;
  /** Of those, how many have it. */
  informed: number;
  /** Windowed fractions (NaN = no change in that window), or null when not recorded. */
  readonly points: Float32Array | null;
}

export interface DisseminationOptions {
  /** Width of a series window (ms). */
  readonly windowMs: number;
  /** Rumours whose series is recorded (the first ones created). */
  readonly seriesRumoursMax: number;
  /** Windows kept per series. */
  readonly pointsMax: number;
  /** Rumours tracked at once; later ones are counted but not timed. */
  readonly trackedMax: number;
  /** Raw completion times kept. */
  readonly samplesMax: number;
}

/**
 * Times each rumour from creation until every target member has it, and records a
 * bounded informed-fraction series for the first few. Memory: one small record per
 * rumour in flight, plus pointsMax floats per recorded series.
 */
export class DisseminationTracker {
  /** Rumours created. */
  createdCount = 0;
  /** Rumours that reached every target. */
  completedCount = 0;
  /** Full-dissemination times (ms). */
  readonly fullMs = new Histogram();
  /** The same, raw, for the first `samplesMax` rumours to complete (experiments need exact statistics). */
  readonly fullMsSamples: number[] = [];
  /** Called when a rumour reaches every target. */
  onComplete: ((id: string, nowMs: number) => void) | undefined;
  private readonly active = new Map<string, RumourTrack>();
  private readonly series: RumourSeries[] = [];
  private readonly recording: RumourTrack[] = [];

  constructor(private readonly options: DisseminationOptions) {}

  /** Rumours in flight. */
  get activeCount(): number {
    return this.active.size;
  }

  /** A rumour `id` was created at `nowMs`; `target` members must receive it (the origin has it). */
  rumourCreated(id: string, nowMs: number, target: number): void {
    this.createdCount++;
    if (this.active.size >= this.options.trackedMax) return;
    const record = this.series.length + this.recording.length < this.options.seriesRumoursMax;
    const points = record ? new Float32Array(this.options.pointsMax).fill(NaN) : null;
    const track: RumourTrack = { id, createdAtMs: nowMs, target, informed: 0, points };
    this.active.set(id, track);
    if (record) this.recording.push(track);
  }

  /** A member that started at `memberStartedAtMs` received rumour `id`; it counts if it is a target. */
  informed(id: string, nowMs: number, memberStartedAtMs: number): void {
    const track = this.active.get(id);
    if (track === undefined || memberStartedAtMs > track.createdAtMs) return;
    track.informed++;
    this.progress(track, nowMs);
  }

  /**
   * A target member left the cluster (crash or leave) at `nowMs`; `knew(id)` says whether
   * it had rumour `id`. `wasTarget(createdAtMs)` says whether it counted for a rumour.
   */
  memberGone(nowMs: number, wasTarget: (createdAtMs: number) => boolean, knew: (id: string) => boolean): void {
    for (const track of [...this.active.values()]) {
      if (!wasTarget(track.createdAtMs)) continue;
      track.target--;
      if (knew(track.id)) track.informed--;
      this.progress(track, nowMs);
    }
  }

  /** Series of the recorded rumours, completed or not (call at the end of the run). */
  informedSeries(): RumourSeries[] {
    return [...this.series, ...this.recording.filter((track) => this.active.has(track.id)).map((t) => this.toSeries(t, null))];
  }

  private progress(track: RumourTrack, nowMs: number): void {
    const points = track.points;
    if (points !== null) {
      const window = Math.floor((nowMs - track.createdAtMs) / this.options.windowMs);
      if (window < points.length) points[window] = track.target > 0 ? track.informed / track.target : 1;
    }
    if (track.informed < track.target) return;
    this.active.delete(track.id);
    this.completedCount++;
    const elapsedMs = nowMs - track.createdAtMs;
    this.fullMs.record(elapsedMs);
    if (this.fullMsSamples.length < this.options.samplesMax) this.fullMsSamples.push(elapsedMs);
    if (points !== null) {
      this.recording.splice(this.recording.indexOf(track), 1);
      this.series.push(this.toSeries(track, elapsedMs));
    }
    this.onComplete?.(track.id, nowMs);
  }

  private toSeries(track: RumourTrack, fullMs: number | null): RumourSeries {
    const points = track.points!;
    let last = points.length;
    while (last > 0 && Number.isNaN(points[last - 1]!)) last--;
    const fractions: number[] = [];
    let value = 0;
    for (let w = 0; w < last; w++) {
      if (!Number.isNaN(points[w]!)) value = points[w]!;
      fractions.push(Math.round(value * 1e6) / 1e6);
    }
    return { id: track.id, createdAtMs: track.createdAtMs, windowMs: this.options.windowMs, fractions, fullMs };
  }
}
