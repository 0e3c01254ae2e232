import { Histogram } from '../../sim/histogram';
import type { MemberState } from '../../components/gossip/index';

interface CrashTrack {
  readonly subject: number;
  readonly crashedAtMs: number;
  firstSuspectAtMs: number;
  /** Per slot: 1 while the slot must still come to consider the subject dead. */
  readonly waiting: Uint8Array;
  remaining: number;
}

/**
 * Measures failure detection of crashed members and counts false positives.
 *
 * Per crash: the first time any member suspects (or declares dead) the crashed member,
 * and the time by which every member running at the crash, and still running, considers
 * it dead or left. A restart of the subject before that ends the measurement unrecorded.
 * Memory: one byte per slot per crash being measured.
 */
export class DetectionTracker {
  readonly firstSuspectMs = new Histogram();
  readonly allDeadMs = new Histogram();
  /** Raw first-suspicion times, for the first 100,000 crashes (experiments need exact statistics). */
  readonly firstSuspectSamples: number[] = [];
  /** Dead declarations about running members, once per (member, incarnation). */
  falsePositives = 0;
  crashes = 0;
  private readonly tracks = new Map<number, CrashTrack>();
  private readonly counted = new Map<number, number>();

  /** Crashes still being measured. */
  get activeCount(): number {
    return this.tracks.size;
  }

  /** Slot `subject` crashed; `observers` are the slots running at that moment (subject excluded). */
  crashed(subject: number, nowMs: number, slotCount: number, observers: readonly number[]): void {
    this.crashes++;
    const waiting = new Uint8Array(slotCount);
    let remaining = 0;
    for (const slot of observers) {
      if (slot === subject) continue;
      waiting[slot] = 1;
      remaining++;
    }
    const track: CrashTrack = { subject, crashedAtMs: nowMs, firstSuspectAtMs: NaN, waiting, remaining };
    this.tracks.set(subject, track);
    if (remaining === 0) this.finish(track, nowMs);
  }

  /** Slot `subject` came back before its crash was fully detected: stop measuring it. */
  restarted(subject: number): void {
    this.tracks.delete(subject);
  }

  /** An observer stopped (crash or leave): it no longer has to detect anything. */
  observerGone(observer: number, nowMs: number): void {
    for (const track of [...this.tracks.values()]) {
      if (track.waiting[observer] !== 1) continue;
      track.waiting[observer] = 0;
      if (--track.remaining === 0) this.finish(track, nowMs);
    }
  }

  /**
   * `observer`'s view of `subject` changed to `state` at `incarnation`; `subjectRunning`
   * says whether the subject is in fact running (for false positives).
   */
  observed(observer: number, subject: number, state: MemberState, incarnation: number, subjectRunning: boolean, nowMs: number): void {
    if (state === 'dead' && subjectRunning && this.counted.get(subject) !== incarnation) {
      this.counted.set(subject, incarnation);
      this.falsePositives++;
    }
    const track = this.tracks.get(subject);
    if (track === undefined || state === 'alive') return;
    if (Number.isNaN(track.firstSuspectAtMs)) {
      track.firstSuspectAtMs = nowMs;
      this.firstSuspectMs.record(nowMs - track.crashedAtMs);
      if (this.firstSuspectSamples.length < 100_000) this.firstSuspectSamples.push(nowMs - track.crashedAtMs);
    }
    if (state === 'suspect' || track.waiting[observer] !== 1) return;
    track.waiting[observer] = 0;
    if (--track.remaining === 0) this.finish(track, nowMs);
  }

  private finish(track: CrashTrack, nowMs: number): void {
    this.tracks.delete(track.subject);
    this.allDeadMs.record(nowMs - track.crashedAtMs);
  }
}
