import type { UserEvent } from './update';

/**
 * The user events one member has seen: a bounded FIFO (oldest forgotten first, like
 * serf's event buffer) with an id set for de-duplication. O(1) per operation.
 */
export class RumourLog {
  /**
   * Ring buffer of events; `newest` is the slot of the last one added. It grows up to
   * `capacity` as events arrive: most members of a big cluster see few events, and a
   * preallocated 512-slot ring would cost 4 KB each (40 MB at 10,000 members).
   */
  private ring: (UserEvent | undefined)[] = [];
  private readonly ids = new Set<string>();
  private newest = -1;
  private count = 0;

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.count;
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** Records `event`; returns false if it was already known. */
  add(event: UserEvent): boolean {
    if (this.ids.has(event.id)) return false;
    if (this.count === this.ring.length && this.count < this.capacity) {
      // Still growing: the ring is full and in order, so append.
      this.ring.push(event);
      this.newest = this.count++;
      this.ids.add(event.id);
      return true;
    }
    this.newest = (this.newest + 1) % this.capacity;
    const evicted = this.ring[this.newest];
    if (evicted !== undefined) this.ids.delete(evicted.id);
    else this.count++;
    this.ring[this.newest] = event;
    this.ids.add(event.id);
    return true;
  }

  /** Calls `fn` on events newest first until it returns false. */
  forEachNewest(fn: (event: UserEvent) => boolean): void {
    for (let k = 0; k < this.count; k++) {
      const slot = (this.newest - k + this.capacity) % this.capacity;
      if (!fn(this.ring[slot]!)) return;
    }
  }
}
