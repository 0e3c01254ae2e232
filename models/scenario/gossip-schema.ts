/**
 * Schema of a gossip cluster: a service with `kind: gossip` and `replicas: n` is n members
 * running the real SWIM component (components/gossip); its `gossip:` block holds the
 * protocol parameters (memberlist's LAN profile by default) and `events:` the rumours.
 */
import { z } from 'zod';
import { gossipLanProfile } from '../../components/gossip/index';
import { boolean, COUNT_LIMITS, countUpTo, explained, integerBetween, oneOf, positiveDuration, rate, size } from './fields';
import type { GossipServiceSpec } from './types';

const p = gossipLanProfile;
const ms = (x: number) => (x % 1000 === 0 ? `${x / 1000}s` : `${x}ms`);

const gossipBlock = explained(
  z.strictObject({
    protocol: oneOf(['swim', 'push', 'push-pull']).optional().meta({ description: `swim (membership and failure detection), or push / push-pull plain rumour spreading. Default ${p.protocol}.` }),
    probeInterval: positiveDuration.optional().meta({ description: `SWIM protocol period. Default ${ms(p.probeIntervalMs)}.` }),
    probeTimeout: positiveDuration.optional().meta({ description: `Wait for a direct ack before indirect probes. Default ${ms(p.probeTimeoutMs)}.` }),
    indirectChecks: integerBetween(0, 64, 3).optional().meta({ description: `Members asked to ping-req. Default ${p.indirectChecks}.` }),
    suspicionMult: integerBetween(1, 100, 4).optional().meta({ description: `Suspicion timeout = suspicionMult · max(1, log10 n) · probeInterval. Default ${p.suspicionMult}.` }),
    suspicion: boolean(true).optional().meta({ description: 'false: declare dead on a failed probe, without suspicion (the naive baseline). Default true.' }),
    retransmitMult: integerBetween(1, 100, 4).optional().meta({ description: `Each update is sent retransmitMult · ⌈log10(n+1)⌉ times. Default ${p.retransmitMult}.` }),
    gossipInterval: positiveDuration.optional().meta({ description: `Time between gossip rounds. Default ${ms(p.gossipIntervalMs)}.` }),
    fanout: integerBetween(1, 64, 3).optional().meta({ description: `Members gossiped to each round (memberlist GossipNodes). Default ${p.fanout}.` }),
    pushPullInterval: positiveDuration.optional().meta({ description: `Full state sync with one random member. Default ${ms(p.pushPullIntervalMs)}.` }),
    messageSizeLimit: size.optional().meta({ description: `Largest message; piggybacked updates fill it. Default ${p.messageSizeLimitBytes}B.` }),
  }),
  { expected: 'gossip { protocol?, probeInterval?, probeTimeout?, indirectChecks?, ... }', example: '{ protocol: swim }' },
).meta({ description: 'Gossip protocol parameters; memberlist DefaultLANConfig by default.' });

export const gossipService = explained(
  z.strictObject({
    kind: z.literal('gossip').meta({ description: 'A gossip cluster instead of a request-serving service.' }),
    replicas: countUpTo(COUNT_LIMITS.replicas, 1000).meta({ description: 'Members of the cluster; ids <service>-0 … <service>-(n-1).' }),
    gossip: gossipBlock.optional(),
    events: explained(
      z.strictObject({
        rate: rate.meta({ description: 'Rumours created per second at random members (Poisson).' }),
        payloadSize: size.optional().meta({ description: 'Payload of each rumour. Default 32B.' }),
      }),
      { expected: 'events { rate, payloadSize? }', example: '{ rate: 0.5/s }' },
    ).optional().meta({ description: 'User events (rumours) for measuring dissemination.' }),
  }),
  { expected: 'a gossip cluster { kind: gossip, replicas, gossip?, events? }', example: '{ kind: gossip, replicas: 1000 }' },
).meta({ description: 'A gossip cluster of `replicas` members (SWIM, memberlist defaults).' });

export function normaliseGossip(doc: z.output<typeof gossipService>): GossipServiceSpec {
  const g = doc.gossip ?? {};
  const config = Object.fromEntries(Object.entries({
    protocol: g.protocol,
    probeIntervalMs: g.probeInterval,
    probeTimeoutMs: g.probeTimeout,
    indirectChecks: g.indirectChecks,
    suspicionMult: g.suspicionMult,
    suspicion: g.suspicion,
    retransmitMult: g.retransmitMult,
    gossipIntervalMs: g.gossipInterval,
    fanout: g.fanout,
    pushPullIntervalMs: g.pushPullInterval,
    messageSizeLimitBytes: g.messageSizeLimit,
  }).filter(([, v]) => v !== undefined));
  return {
    members: doc.replicas,
    config,
    eventsPerSec: doc.events?.rate ?? 0,
    ...(doc.events?.payloadSize === undefined ? {} : { payloadBytes: doc.events.payloadSize }),
  };
}
