import { describe, expect, it } from 'vitest';
import { BroadcastQueue, aliveUpdate, suspectUpdate, userEvent, type Update } from '../../../components/gossip/index';

function take(queue: BroadcastQueue, bytes = 10_000, limit = 3): Update[] {
  const out: Update[] = [];
  queue.take(bytes, 2, limit, out);
  queue.checkInvariants();
  return out;
}

describe('BroadcastQueue', () => {
  it('sends fewest-transmitted first, newest first among equals', () => {
    const queue = new BroadcastQueue(100);
    const a = aliveUpdate('a', 1);
    const b = aliveUpdate('b', 1);
    queue.queue(a);
    expect(take(queue, 10_000, 5)).toEqual([a]);
    queue.queue(b);
    const c = aliveUpdate('c', 1);
    queue.queue(c);
    expect(queue.pending()).toEqual([c, b, a]);
    expect(take(queue, 10_000, 5)).toEqual([c, b, a]);
  });

  it('drops an update after the retransmit limit and reports it finished', () => {
    const finished: Update[] = [];
    const queue = new BroadcastQueue(100, (update) => finished.push(update));
    const a = aliveUpdate('a', 1);
    queue.queue(a);
    expect(take(queue, 10_000, 3)).toEqual([a]);
    expect(take(queue, 10_000, 3)).toEqual([a]);
    expect(queue.transmitsOf('a')).toBe(2);
    expect(take(queue, 10_000, 3)).toEqual([a]);
    expect(queue.length).toBe(0);
    expect(finished).toEqual([a]);
    expect(take(queue)).toEqual([]);
  });

  it('a newer update about the same member replaces the queued one', () => {
    const finished: Update[] = [];
    const queue = new BroadcastQueue(100, (update) => finished.push(update));
    const suspect = suspectUpdate('a', 1, 'b');
    queue.queue(suspect);
    take(queue);
    const alive = aliveUpdate('a', 2);
    queue.queue(alive);
    expect(queue.pending()).toEqual([alive]);
    expect(queue.transmitsOf('a')).toBe(0);
    expect(finished).toEqual([suspect]);
  });

  it('user events never replace each other', () => {
    const queue = new BroadcastQueue(100);
    queue.queue(userEvent('a', 1, 'e', 10));
    queue.queue(userEvent('a', 2, 'e', 10));
    queue.queue(aliveUpdate('a', 1));
    expect(queue.length).toBe(3);
  });

  it('takes only what fits in the datagram, skipping larger entries', () => {
    const queue = new BroadcastQueue(100);
    const big = userEvent('a', 1, 'e', 500);
    const small = aliveUpdate('b', 1);
    queue.queue(small);
    queue.queue(big);
    const out: Update[] = [];
    const used = queue.take(small.sizeBytes + 2, 2, 5, out);
    expect(out).toEqual([small]);
    expect(used).toBe(small.sizeBytes + 2);
  });

  it('holds at most lengthMax entries, dropping the most-sent, oldest first', () => {
    const queue = new BroadcastQueue(2);
    const [a, b, c] = ['a', 'b', 'c'].map((name) => aliveUpdate(name, 1));
    queue.queue(a!);
    queue.queue(b!);
    queue.queue(c!);
    expect(queue.pending()).toEqual([c, b]);
  });

  it('calls onNonEmpty when the first entry arrives', () => {
    let calls = 0;
    const queue = new BroadcastQueue(10, undefined, () => calls++);
    queue.queue(aliveUpdate('a', 1));
    queue.queue(aliveUpdate('b', 1));
    expect(calls).toBe(1);
    queue.clear();
    queue.queue(aliveUpdate('c', 1));
    expect(calls).toBe(2);
  });
});
