import { describe, expect, it } from 'vitest';
import { RumourLog, userEvent } from '../../../components/gossip/index';

describe('RumourLog', () => {
  it('remembers events once and lists them newest first', () => {
    const log = new RumourLog(3);
    const [a, b] = [1, 2].map((i) => userEvent('x', i, 'e', 0));
    expect(log.add(a!)).toBe(true);
    expect(log.add(a!)).toBe(false);
    log.add(b!);
    const seen: string[] = [];
    log.forEachNewest((event) => (seen.push(event.id), true));
    expect(seen).toEqual(['x#2', 'x#1']);
  });

  it('forgets the oldest beyond its capacity', () => {
    const log = new RumourLog(2);
    for (let i = 1; i <= 4; i++) log.add(userEvent('x', i, 'e', 0));
    expect(log.size).toBe(2);
    expect(log.has('x#1')).toBe(false);
    expect(log.has('x#2')).toBe(false);
    expect(log.has('x#4')).toBe(true);
    const seen: string[] = [];
    log.forEachNewest((event) => (seen.push(event.id), true));
    expect(seen).toEqual(['x#4', 'x#3']);
  });
});
