import { invariantError } from '../errors';
import type { Update } from './update';

interface QueuedBroadcast {
  readonly update: Update;
  /** Times sent so far; the entry leaves the queue when this reaches the transmit limit. */
  transmits: number;
  /** Insertion order: larger is newer. */
  readonly sequence: number;
}

function sendOrder(a: QueuedBroadcast, b: QueuedBroadcast): number {
  return a.transmits - b.transmits || b.sequence - a.sequence;
}

/**
 * memberlist's TransmitLimitedQueue: updates waiting to be piggybacked, each sent a
 * limited number of times, fewest-transmitted first and, among equals, newest first.
 *
 * A newer update about the same member replaces the queued one (memberlist's
 * NamedBroadcast invalidation), so the queue holds at most one update per member plus the
 * user events in flight. It is small in steady state (empty, or a few entries after a
 * change), so a sorted array beats memberlist's B-tree here; `queue` is O(q) and `take`
 * O(q log q) for q queued entries, at most `lengthMax`.
 */
export class BroadcastQueue {
  /** Sorted by (transmits ascending, sequence descending): the next to send first. */
  private entries: QueuedBroadcast[] = [];
  /** The queued membership update about each member; user events by id. */
  private readonly byNode = new Map<string, QueuedBroadcast>();
  private readonly byEvent = new Map<string, QueuedBroadcast>();
  private sequence = 0;
  /** entries.length, kept on this object: `length` is read on every message sent. */
  private count = 0;

  /**
   * @param lengthMax largest number of queued entries; older, most-sent ones are dropped
   * @param onFinished called when an entry leaves the queue (sent enough, replaced or dropped)
   * @param onNonEmpty called when the queue goes from empty to non-empty
   */
  constructor(
    private readonly lengthMax: number,
    private readonly onFinished?: (update: Update) => void,
    private readonly onNonEmpty?: () => void,
  ) {}

  get length(): number {
    return this.count;
  }

  /** Queues `update` for transmission, replacing a queued update about the same member. O(q). */
  queue(update: Update): void {
    const index = update.kind === 'user' ? this.byEvent : this.byNode;
    const key = update.kind === 'user' ? update.id : update.node;
    const old = index.get(key);
    if (old !== undefined) this.remove(old);
    const entry: QueuedBroadcast = { update, transmits: 0, sequence: ++this.sequence };
    index.set(key, entry);
    // Nothing queued is newer with zero transmits: the new entry goes first.
    this.entries.unshift(entry);
    this.count++;
    while (this.entries.length > this.lengthMax) this.remove(this.entries[this.entries.length - 1]!);
    if (this.count === 1) this.onNonEmpty?.();
  }

  /**
   * Appends to `out` the updates that fit in `bytesAvailable`, counting `partOverheadBytes`
   * per update, in send order, and counts one transmission for each. Entries that reach
   * `transmitLimit` transmissions leave the queue. Returns the bytes used.
   */
  take(bytesAvailable: number, partOverheadBytes: number, transmitLimit: number, out: Update[]): number {
    const entries = this.entries;
    let used = 0;
    let picked = 0;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      const cost = partOverheadBytes + entry.update.sizeBytes;
      if (used + cost > bytesAvailable) continue;
      used += cost;
      entry.transmits++;
      out.push(entry.update);
      picked++;
      if (bytesAvailable - used <= partOverheadBytes) break;
    }
    if (picked === 0) return 0;
    for (let i = entries.length - 1; i >= 0; i--) {
      if (entries[i]!.transmits >= transmitLimit) this.remove(entries[i]!);
    }
    if (entries.length > 1) entries.sort(sendOrder);
    return used;
  }

  /** The queued updates in send order (a copy), for tests and introspection. */
  pending(): Update[] {
    return this.entries.map((entry) => entry.update);
  }

  /** Transmissions so far of the queued update with `key` (member or event id), or undefined. */
  transmitsOf(key: string): number | undefined {
    return (this.byNode.get(key) ?? this.byEvent.get(key))?.transmits;
  }

  /** Drops every entry (shutdown). */
  clear(): void {
    while (this.entries.length > 0) this.remove(this.entries[this.entries.length - 1]!);
  }

  /** Throws if the order or the indexes are inconsistent. */
  checkInvariants(): void {
    for (let i = 1; i < this.entries.length; i++) {
      if (sendOrder(this.entries[i - 1]!, this.entries[i]!) >= 0) {
        throw invariantError('gossip.invariant-violated', `gossip: invariant violated: broadcast queue out of order at ${i}`);
      }
    }
    if (this.byNode.size + this.byEvent.size !== this.entries.length) {
      throw invariantError(
        'gossip.invariant-violated',
        `gossip: invariant violated: broadcast queue holds ${this.entries.length} entries but indexes ${this.byNode.size + this.byEvent.size}`,
      );
    }
    if (this.entries.length > this.lengthMax) {
      throw invariantError(
        'gossip.invariant-violated',
        `gossip: invariant violated: broadcast queue length ${this.entries.length} > ${this.lengthMax}`,
      );
    }
  }

  private remove(entry: QueuedBroadcast): void {
    const update = entry.update;
    if (update.kind === 'user') this.byEvent.delete(update.id);
    else this.byNode.delete(update.node);
    this.entries.splice(this.entries.indexOf(entry), 1);
    this.count--;
    this.onFinished?.(update);
  }
}
