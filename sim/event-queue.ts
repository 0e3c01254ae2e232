/**
 * The pending-event set: a binary min-heap keyed by (time, sequence).
 *
 * The sequence number is the insertion order, so events at the same instant run first in,
 * first out, and a run is reproducible.
 *
 * Layout, chosen by measurement (bench/engine.ts): the heap itself is two typed arrays,
 * `heapTimes` (the primary key, compared on every level) and `heapSlots` (where the
 * rest of the entry lives). The sequence number, callback and argument sit in slot
 * arrays that never move while the entry is queued, so a sift moves two numbers per
 * level instead of four values, and a tie (rare) is the only reason to look at a slot.
 * Freed slots are reused from a stack, so steady state allocates nothing per event: callers
 * pass a pre-bound function and the object it acts on (no closure, no entry object).
 */
export type EventFn = (arg: any) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

export class EventQueue {
  private heapTimes: Float64Array;
  private heapSlots: Int32Array;
  private slotSeqs: Float64Array;
  private slotFns: (EventFn | undefined)[];
  private slotArgs: unknown[];
  private freeSlots: Int32Array;
  private freeCount: number;
  private count = 0;
  private nextSeq = 0;

  /** The entry most recently removed by `pop`, read without allocating a tuple. */
  time = 0;
  fn: EventFn = noop;
  arg: unknown = undefined;

  constructor(initialCapacity = 1024) {
    const capacity = Math.max(2, initialCapacity);
    this.heapTimes = new Float64Array(capacity);
    this.heapSlots = new Int32Array(capacity);
    this.slotSeqs = new Float64Array(capacity);
    this.slotFns = new Array<EventFn | undefined>(capacity).fill(undefined);
    this.slotArgs = new Array<unknown>(capacity).fill(undefined);
    this.freeSlots = new Int32Array(capacity);
    for (let i = 0; i < capacity; i++) this.freeSlots[i] = capacity - 1 - i;
    this.freeCount = capacity;
  }

  get size(): number {
    return this.count;
  }

  /** Time of the earliest entry; +Infinity when empty. */
  peekTime(): number {
    return this.count > 0 ? this.heapTimes[0]! : Infinity;
  }

  /** Add an entry; returns its sequence number. O(log n). */
  push(time: number, fn: EventFn, arg: unknown): number {
    if (this.freeCount === 0) this.grow();
    const slot = this.freeSlots[--this.freeCount]!;
    const seq = this.nextSeq++;
    this.slotSeqs[slot] = seq;
    this.slotFns[slot] = fn;
    this.slotArgs[slot] = arg;
    const times = this.heapTimes;
    const slots = this.heapSlots;
    let hole = this.count++;
    // A new entry has the largest sequence number, so on equal time it stays below.
    while (hole > 0) {
      const parent = (hole - 1) >> 1;
      if (times[parent]! <= time) break;
      times[hole] = times[parent]!;
      slots[hole] = slots[parent]!;
      hole = parent;
    }
    times[hole] = time;
    slots[hole] = slot;
    return seq;
  }

  /** Remove the earliest entry into `time`, `fn`, `arg`. Returns false when empty. O(log n). */
  pop(): boolean {
    if (this.count === 0) return false;
    const slot = this.heapSlots[0]!;
    this.time = this.heapTimes[0]!;
    this.fn = this.slotFns[slot]!;
    this.arg = this.slotArgs[slot];
    this.release(slot);
    const last = --this.count;
    if (last > 0) this.place(0, this.heapTimes[last]!, this.heapSlots[last]!, last);
    return true;
  }

  /** Keep only entries for which `keep(fn, arg)` holds, then restore the heap. O(n). */
  filter(keep: (fn: EventFn, arg: unknown) => boolean): void {
    let n = 0;
    for (let i = 0; i < this.count; i++) {
      const slot = this.heapSlots[i]!;
      if (keep(this.slotFns[slot]!, this.slotArgs[slot])) {
        this.heapTimes[n] = this.heapTimes[i]!;
        this.heapSlots[n] = slot;
        n++;
      } else {
        this.release(slot);
      }
    }
    this.count = n;
    for (let i = (n >> 1) - 1; i >= 0; i--) this.place(i, this.heapTimes[i]!, this.heapSlots[i]!, n);
  }

  /** Sift (time, slot) down from `hole` within the first `end` entries. */
  private place(hole: number, time: number, slot: number, end: number): void {
    const times = this.heapTimes;
    const slots = this.heapSlots;
    const seqs = this.slotSeqs;
    const seq = seqs[slot]!;
    for (;;) {
      let child = 2 * hole + 1;
      if (child >= end) break;
      let ct = times[child]!;
      const right = child + 1;
      if (right < end) {
        const rt = times[right]!;
        if (rt < ct || (rt === ct && seqs[slots[right]!]! < seqs[slots[child]!]!)) {
          child = right;
          ct = rt;
        }
      }
      if (time < ct || (time === ct && seq < seqs[slots[child]!]!)) break;
      times[hole] = ct;
      slots[hole] = slots[child]!;
      hole = child;
    }
    times[hole] = time;
    slots[hole] = slot;
  }

  private release(slot: number): void {
    this.slotFns[slot] = undefined; // drop references for the garbage collector
    this.slotArgs[slot] = undefined;
    this.freeSlots[this.freeCount++] = slot;
  }

  private grow(): void {
    const old = this.heapTimes.length;
    const capacity = old * 2;
    this.heapTimes = copy(new Float64Array(capacity), this.heapTimes);
    this.heapSlots = copy(new Int32Array(capacity), this.heapSlots);
    this.slotSeqs = copy(new Float64Array(capacity), this.slotSeqs);
    this.freeSlots = new Int32Array(capacity);
    for (let i = old; i < capacity; i++) {
      this.slotFns.push(undefined);
      this.slotArgs.push(undefined);
    }
    // Every old slot is in use (we grow only when none is free): the new ones are free.
    for (let i = 0; i < old; i++) this.freeSlots[i] = capacity - 1 - i;
    this.freeCount = old;
  }
}

function copy<T extends Float64Array | Int32Array>(into: T, from: T): T {
  into.set(from);
  return into;
}

function noop(): void {}
