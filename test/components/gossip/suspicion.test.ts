import { describe, expect, it } from 'vitest';
import { Suspicion } from '../../../components/gossip/index';
import { GossipWorld } from '../../support/gossip-env';

function suspicion(expected = 2, minMs = 16_000, maxMs = 96_000) {
  const world = new GossipWorld();
  const fired: { atMs: number; confirmations: number }[] = [];
  const s = new Suspicion(world.env('me'), 'accuser', expected, minMs, maxMs, (confirmations) =>
    fired.push({ atMs: world.now(), confirmations }),
  );
  return { world, s, fired };
}

describe('Suspicion (Lifeguard)', () => {
  it('without confirmations expires after the maximum', () => {
    const { world, fired } = suspicion();
    world.advance(95_999);
    expect(fired).toEqual([]);
    world.advance(1);
    expect(fired).toEqual([{ atMs: 96_000, confirmations: 0 }]);
  });

  it('each independent confirmation brings the deadline toward the minimum', () => {
    const { world, s, fired } = suspicion();
    world.advance(1000);
    expect(s.confirm('b')).toBe(true);
    expect(s.timeoutMs).toBe(45_525);
    world.advance(2000);
    expect(s.confirm('c')).toBe(true);
    expect(s.timeoutMs).toBe(16_000);
    world.advance(13_000);
    expect(fired).toEqual([{ atMs: 16_000, confirmations: 2 }]);
  });

  it('ignores the accuser, repeated confirmers and confirmations beyond k', () => {
    const { s } = suspicion();
    expect(s.confirm('accuser')).toBe(false);
    expect(s.confirm('b')).toBe(true);
    expect(s.confirm('b')).toBe(false);
    expect(s.confirm('c')).toBe(true);
    expect(s.confirm('d')).toBe(false);
    expect(s.confirmations).toBe(2);
  });

  it('fires at once when a confirmation arrives after the new deadline', () => {
    const { world, s, fired } = suspicion();
    world.advance(50_000);
    s.confirm('b');
    world.advance(0);
    expect(fired).toEqual([{ atMs: 50_000, confirmations: 1 }]);
  });

  it('starts at the minimum when no confirmation is expected (k = 0)', () => {
    const { world, fired } = suspicion(0);
    world.advance(16_000);
    expect(fired.length).toBe(1);
  });

  it('cancel stops the timer', () => {
    const { world, s, fired } = suspicion();
    s.cancel();
    world.advance(200_000);
    expect(fired).toEqual([]);
  });
});
