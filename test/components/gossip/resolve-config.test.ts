import { describe, expect, it } from 'vitest';
import { ComponentError } from '../../../components/errors';
import { gossipLanProfile, gossipLocalProfile, gossipWanProfile, resolveGossipConfig } from '../../../components/gossip/index';

describe('gossip profiles', () => {
  it('LAN profile has memberlist DefaultLANConfig values', () => {
    expect(gossipLanProfile).toEqual({
      protocol: 'swim',
      probeIntervalMs: 1000,
      probeTimeoutMs: 500,
      indirectChecks: 3,
      retransmitMult: 4,
      suspicionMult: 4,
      suspicionMaxTimeoutMult: 6,
      suspicion: true,
      gossipIntervalMs: 200,
      fanout: 3,
      gossipToTheDeadMs: 30_000,
      pushPullIntervalMs: 30_000,
      messageSizeLimitBytes: 1400,
      timerPhase: 'random',
      broadcastQueueMax: 4096,
      rumoursKeptMax: 512,
      joinAttemptsMax: 5,
      joinRetryIntervalMs: 1000,
      leaveTimeoutMs: 5000,
    });
  });

  it('WAN and local profiles override only what memberlist changes', () => {
    expect(gossipWanProfile).toMatchObject({ suspicionMult: 6, pushPullIntervalMs: 60_000, probeTimeoutMs: 3000, probeIntervalMs: 5000, fanout: 4, gossipIntervalMs: 500, gossipToTheDeadMs: 60_000 });
    expect(gossipLocalProfile).toMatchObject({ indirectChecks: 1, retransmitMult: 2, suspicionMult: 3, pushPullIntervalMs: 15_000, probeTimeoutMs: 200, gossipIntervalMs: 100, gossipToTheDeadMs: 15_000 });
    expect(gossipWanProfile.retransmitMult).toBe(gossipLanProfile.retransmitMult);
    expect(gossipLocalProfile.probeIntervalMs).toBe(gossipLanProfile.probeIntervalMs);
  });

  it('profiles are frozen', () => {
    for (const profile of [gossipLanProfile, gossipWanProfile, gossipLocalProfile]) expect(Object.isFrozen(profile)).toBe(true);
  });
});

describe('resolveGossipConfig', () => {
  it('fills absent fields from the LAN profile and ignores undefined ones', () => {
    const config = resolveGossipConfig({ fanout: 5, probeIntervalMs: undefined });
    expect(config.fanout).toBe(5);
    expect(config.probeIntervalMs).toBe(1000);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('returns a resolved config unchanged, so members can share it', () => {
    const config = resolveGossipConfig({ fanout: 2 });
    expect(resolveGossipConfig(config)).toBe(config);
  });

  it.each([
    [{ probeIntervalMs: 0 }, /probeIntervalMs must be a number in \[0\.001, 3600000\], got 0/],
    [{ probeTimeoutMs: 1500 }, /probeTimeoutMs must be a number in \[0\.001, 1000\], got 1500/],
    [{ indirectChecks: 1.5 }, /indirectChecks must be an integer in \[0, 64\], got 1\.5/],
    [{ retransmitMult: 0 }, /retransmitMult must be an integer in \[1, 100\], got 0/],
    [{ suspicionMult: -1 }, /suspicionMult/],
    [{ suspicionMaxTimeoutMult: 0 }, /suspicionMaxTimeoutMult/],
    [{ fanout: 0 }, /fanout must be an integer in \[1, 1024\], got 0/],
    [{ gossipIntervalMs: Number.NaN }, /gossipIntervalMs must be a number .* got NaN/],
    [{ pushPullIntervalMs: -5 }, /pushPullIntervalMs/],
    [{ messageSizeLimitBytes: 10 }, /messageSizeLimitBytes must be an integer in \[64, 65507\], got 10/],
    [{ protocol: 'flood' as never }, /protocol must be one of swim, push, push-pull, got flood/],
    [{ timerPhase: 'sync' as never }, /timerPhase must be one of random, aligned/],
    [{ suspicion: 'yes' as never }, /suspicion must be true or false, got yes/],
  ])('rejects %o naming the field, the value and the range', (input, message) => {
    expect(() => resolveGossipConfig(input)).toThrow(ComponentError);
    expect(() => resolveGossipConfig(input)).toThrow(message);
  });

  it('accepts pushPullIntervalMs 0 (disabled) and boundary values', () => {
    expect(resolveGossipConfig({ pushPullIntervalMs: 0 }).pushPullIntervalMs).toBe(0);
    expect(resolveGossipConfig({ probeTimeoutMs: 1000 }).probeTimeoutMs).toBe(1000);
    expect(resolveGossipConfig({ indirectChecks: 0 }).indirectChecks).toBe(0);
  });
});
