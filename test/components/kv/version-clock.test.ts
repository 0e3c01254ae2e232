import { describe, expect, it } from 'vitest';
import { VersionClock, versionNode, versionTimeMs } from '../../../components/kv/version-clock';

describe('VersionClock', () => {
  it('orders by time, then by coordinator; one coordinator never repeats a version', () => {
    const a = new VersionClock(1);
    const b = new VersionClock(2);
    const a1 = a.next(10);
    const b1 = b.next(10);
    expect(b1).toBeGreaterThan(a1);
    expect(a.next(10.0005)).toBeGreaterThan(b1); // same microsecond on a: bumped past it
    expect(versionNode(a1)).toBe(1);
    expect(versionTimeMs(a1)).toBe(10);
  });

  it('never goes back when the clock does', () => {
    const clock = new VersionClock(0);
    const later = clock.next(50);
    expect(clock.next(20)).toBeGreaterThan(later);
  });

  it('rejects node indexes beyond 10 bits and times beyond the exact range', () => {
    expect(() => new VersionClock(1024)).toThrow('kv: nodeIndex must be an integer in [0, 1023], got 1024');
    expect(() => new VersionClock(0).next(9e12)).toThrow(/kv: clock at 9000000000000 ms is past the version range/);
  });
});
