/**
 * The pending-event set: a binary min-heap keyed by (time, sequence).
 *
 * The sequence number is the insertion order, so events at the same instant run first in,
 * first out, and a run is reproducible. Times and sequence numbers live in typed arrays
 * and each entry carries a callback and one argument, so the hot path allocates nothing
 * per event (no closure, no entry object): callers pass a pre-bound function and the
 * object it acts on. Sift uses the "hole" technique, moving each entry once per level.
 */
export type EventFn = (arg: any) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

export class EventQueue {
  private times: Float64Array;
  private seqs: Float64Array;
  private fns: (EventFn | undefined)[];
  private args: unknown[];
  private count = 0;
  private nextSeq = 0;

  /** The entry most recently removed by `pop`, read without allocating a tuple. */
  time = 0;
  fn: EventFn = noop;
  arg: unknown = undefined;

  constructor(initialCapacity = 1024) {
    this.times = new Float64Array(initialCapacity);
    this.seqs = new Float64Array(initialCapacity);
    this.fns = new Array<EventFn | undefined>(initialCapacity).fill(undefined);
    this.args = new Array<unknown>(initialCapacity).fill(undefined);
  }

  get size(): number {
    return this.count;
  }

  /** Time of the earliest entry; +Infinity when empty. */
  peekTime(): number {
    return this.count > 0 ? this.times[0]! : Infinity;
  }

  /** Add an entry; returns its sequence number. O(log n). */
  push(time: number, fn: EventFn, arg: unknown): number {
    if (this.count === this.times.length) this.grow();
    const seq = this.nextSeq++;
    const times = this.times;
    const seqs = this.seqs;
    let hole = this.count++;
    while (hole > 0) {
      const parent = (hole - 1) >> 1;
      const pt = times[parent]!;
      if (pt < time || (pt === time && seqs[parent]! < seq)) break;
      this.move(parent, hole);
      hole = parent;
    }
    this.set(hole, time, seq, fn, arg);
    return seq;
  }

  /** Remove the earliest entry into `time`, `fn`, `arg`. Returns false when empty. O(log n). */
  pop(): boolean {
    if (this.count === 0) return false;
    this.time = this.times[0]!;
    this.fn = this.fns[0]!;
    this.arg = this.args[0];
    const last = --this.count;
    if (last > 0) this.siftDown(last);
    this.fns[last] = undefined; // release references for the garbage collector
    this.args[last] = undefined;
    return true;
  }

  /** Keep only entries for which `keep(fn, arg)` holds, then restore the heap. O(n). */
  filter(keep: (fn: EventFn, arg: unknown) => boolean): void {
    let n = 0;
    for (let i = 0; i < this.count; i++) {
      if (keep(this.fns[i]!, this.args[i])) {
        if (n !== i) this.move(i, n);
        n++;
      }
    }
    for (let i = n; i < this.count; i++) {
      this.fns[i] = undefined;
      this.args[i] = undefined;
    }
    this.count = n;
    for (let i = (n >> 1) - 1; i >= 0; i--) this.siftDownFrom(i);
  }

  /** Move the entry at `last` into the root's hole and sift it down. */
  private siftDown(last: number): void {
    const time = this.times[last]!;
    const seq = this.seqs[last]!;
    const fn = this.fns[last]!;
    const arg = this.args[last];
    const hole = this.descend(0, time, seq, last);
    this.set(hole, time, seq, fn, arg);
  }

  private siftDownFrom(i: number): void {
    const time = this.times[i]!;
    const seq = this.seqs[i]!;
    const fn = this.fns[i]!;
    const arg = this.args[i];
    const hole = this.descend(i, time, seq, this.count);
    this.set(hole, time, seq, fn, arg);
  }

  /** Walk the hole down from `hole` until (time, seq) fits; entries >= `end` are ignored. */
  private descend(hole: number, time: number, seq: number, end: number): number {
    const times = this.times;
    const seqs = this.seqs;
    for (;;) {
      let child = 2 * hole + 1;
      if (child >= end) return hole;
      const right = child + 1;
      if (right < end) {
        const lt = times[child]!;
        const rt = times[right]!;
        if (rt < lt || (rt === lt && seqs[right]! < seqs[child]!)) child = right;
      }
      const ct = times[child]!;
      if (time < ct || (time === ct && seq < seqs[child]!)) return hole;
      this.move(child, hole);
      hole = child;
    }
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from]!;
    this.seqs[to] = this.seqs[from]!;
    this.fns[to] = this.fns[from];
    this.args[to] = this.args[from];
  }

  private set(i: number, time: number, seq: number, fn: EventFn, arg: unknown): void {
    this.times[i] = time;
    this.seqs[i] = seq;
    this.fns[i] = fn;
    this.args[i] = arg;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    const times = new Float64Array(capacity);
    times.set(this.times);
    const seqs = new Float64Array(capacity);
    seqs.set(this.seqs);
    this.times = times;
    this.seqs = seqs;
    for (let i = this.fns.length; i < capacity; i++) {
      this.fns.push(undefined);
      this.args.push(undefined);
    }
  }
}

function noop(): void {}
