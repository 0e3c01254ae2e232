import { describe, expect, it } from 'vitest';
import { pushPullIntervalScaledMs, retransmitLimit, suspicionTimeoutAfterMs, suspicionTimeoutMs } from '../../../components/gossip/index';

describe('memberlist formulas', () => {
  it('suspicion timeout is 4 s, 8 s, 12 s, 16 s at n = 10, 100, 1,000, 10,000 (reference.md)', () => {
    expect([1, 10, 100, 1000, 10_000].map((n) => suspicionTimeoutMs(4, n, 1000))).toEqual([4000, 4000, 8000, 12_000, 16_000]);
  });

  it('suspicion timeout truncates the log scale to 1/1000 as memberlist does', () => {
    // log10(50) = 1.69897 → 1698/1000
    expect(suspicionTimeoutMs(4, 50, 1000)).toBe(4 * 1698);
  });

  it('retransmit limit is RetransmitMult · ceil(log10(n + 1))', () => {
    expect([1, 9, 10, 99, 100, 1000, 10_000].map((n) => retransmitLimit(4, n))).toEqual([4, 4, 8, 8, 12, 16, 20]);
  });

  it('Lifeguard timeout goes from max to min over k confirmations (suspicion.go)', () => {
    const min = 16_000;
    const max = 96_000;
    expect(suspicionTimeoutAfterMs(0, 2, min, max)).toBe(max);
    // max − (max − min)·log 2 / log 3 = 96 − 80 · 0.63093 = 45.5256 s, floored to the ms
    expect(suspicionTimeoutAfterMs(1, 2, min, max)).toBe(45_525);
    expect(suspicionTimeoutAfterMs(2, 2, min, max)).toBe(min);
    expect(suspicionTimeoutAfterMs(5, 2, min, max)).toBe(min);
    expect(suspicionTimeoutAfterMs(0, 0, min, max)).toBe(min);
  });

  it('push-pull interval scales with log2 n above 32 members', () => {
    expect([32, 33, 64, 65, 100, 1000, 10_000].map((n) => pushPullIntervalScaledMs(30_000, n) / 30_000)).toEqual([1, 2, 2, 3, 3, 6, 10]);
  });
});
