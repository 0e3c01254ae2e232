import { ComponentError, numericOptionCode } from '../errors';
import { gossipLanProfile } from './defaults';

/**
 * What a member does each interval.
 * - `swim`: SWIM failure detection, membership gossip, push-pull anti-entropy; user events
 *   ride the retransmit-limited broadcast queue (memberlist + serf).
 * - `push`: plain rumour mongering for measurement: every informed member sends every
 *   rumour it knows to `fanout` random members each gossip interval, forever.
 * - `push-pull`: each member contacts `fanout` random members each gossip interval and
 *   the two exchange the rumours each knows.
 * The two plain modes keep a static member list (no failure detection).
 */
export type GossipProtocol = 'swim' | 'push' | 'push-pull';

/**
 * When periodic timers first fire. `random`: after a uniform stagger in [0, interval) drawn
 * from the member's own stream (memberlist's randStagger), so members are unsynchronised.
 * `aligned`: at the next multiple of the interval, so all members tick together (the
 * synchronous-round model of the SWIM paper; for validation).
 */
export type TimerPhase = 'random' | 'aligned';

/**
 * Every tunable of a gossip member (one options type per component). Names follow
 * memberlist's Config with the unit last; the doc lists the memberlist field of each.
 */
export interface GossipConfig {
  readonly protocol: GossipProtocol;
  /**
   * ProbeInterval: length of a SWIM protocol period; one member is probed per period.
   * Shorter detects faster at a proportional cost. Milliseconds, > 0.
   */
  readonly probeIntervalMs: number;
  /**
   * ProbeTimeout: wait for a direct ack before asking `indirectChecks` others to probe.
   * Must be shorter than the period, leaving time for the indirect probe. Milliseconds.
   */
  readonly probeTimeoutMs: number;
  /** IndirectChecks (k of SWIM §3.1): members asked to ping-req a target; 0 disables. */
  readonly indirectChecks: number;
  /** RetransmitMult: each update is sent retransmitMult · ⌈log10(n+1)⌉ times. */
  readonly retransmitMult: number;
  /** SuspicionMult: suspicion timeout = suspicionMult · max(1, log10 n) · probeInterval. */
  readonly suspicionMult: number;
  /** SuspicionMaxTimeoutMult (Lifeguard): the unconfirmed suspicion lasts this × the minimum. */
  readonly suspicionMaxTimeoutMult: number;
  /**
   * Use SWIM's suspicion mechanism. `false` is the naive baseline: a failed probe declares
   * the member dead at once (SWIM §3 without §4.2), which lets loss cause false positives.
   */
  readonly suspicion: boolean;
  /** GossipInterval: period of the gossip round (and of the plain rumour modes). Milliseconds, > 0. */
  readonly gossipIntervalMs: number;
  /** GossipNodes: members gossiped to per round (and rumour fanout). Integer >= 1. */
  readonly fanout: number;
  /** GossipToTheDeadTime: a dead member still receives gossip (and is not reaped) this long. */
  readonly gossipToTheDeadMs: number;
  /** PushPullInterval: full state sync period before scaling with n; 0 disables it. */
  readonly pushPullIntervalMs: number;
  /** UDPBufferSize: largest datagram; piggybacked updates fill what the message leaves. */
  readonly messageSizeLimitBytes: number;
  readonly timerPhase: TimerPhase;
  /** Largest broadcast queue; beyond it the most-retransmitted entries are dropped. */
  readonly broadcastQueueMax: number;
  /** User events remembered per member (for de-duplication, push and push-pull). */
  readonly rumoursKeptMax: number;
  /** Join: attempts per seed without a reply before giving up. */
  readonly joinAttemptsMax: number;
  /** Join: wait for a push-pull reply before trying a seed again. Milliseconds. */
  readonly joinRetryIntervalMs: number;
  /** Leave: the longest a leaving member runs while its leave is being gossiped. Milliseconds. */
  readonly leaveTimeoutMs: number;
}

/** Options as callers write them: any subset of a profile (default: the LAN profile). */
export type GossipConfigInput = Partial<GossipConfig>;

const protocols: readonly GossipProtocol[] = ['swim', 'push', 'push-pull'];
/**
 * Configs this function returned. Passing one back returns it as is, so the members of a
 * simulated cluster share one config object (one cache line for all, not 10,000 copies).
 */
const resolved = new WeakSet<GossipConfig>();
const phases: readonly TimerPhase[] = ['random', 'aligned'];
const hourMs = 3_600_000;

/**
 * Fills `input` from `base` (default the LAN profile) and validates every field.
 *
 * @throws ComponentError (`option.out-of-range`, `option.wrong-type` or `option.not-one-of`)
 *   naming the field, the value received and the allowed range
 */
export function resolveGossipConfig(input: GossipConfigInput = {}, base: GossipConfig = gossipLanProfile): GossipConfig {
  if (resolved.has(input as GossipConfig)) return input as GossipConfig;
  const config: GossipConfig = { ...base, ...dropUndefined(input) };
  checkChoice('protocol', config.protocol, protocols);
  checkChoice('timerPhase', config.timerPhase, phases);
  checkNumber('probeIntervalMs', config.probeIntervalMs, 1e-3, hourMs);
  checkNumber('probeTimeoutMs', config.probeTimeoutMs, 1e-3, config.probeIntervalMs);
  checkInteger('indirectChecks', config.indirectChecks, 0, 64);
  checkInteger('retransmitMult', config.retransmitMult, 1, 100);
  checkInteger('suspicionMult', config.suspicionMult, 1, 100);
  checkInteger('suspicionMaxTimeoutMult', config.suspicionMaxTimeoutMult, 1, 100);
  if (typeof config.suspicion !== 'boolean') {
    throw new ComponentError('option.wrong-type', `gossip: suspicion must be true or false, got ${String(config.suspicion)}`);
  }
  checkNumber('gossipIntervalMs', config.gossipIntervalMs, 1e-3, hourMs);
  checkInteger('fanout', config.fanout, 1, 1024);
  checkNumber('gossipToTheDeadMs', config.gossipToTheDeadMs, 0, 24 * hourMs);
  if (config.pushPullIntervalMs !== 0) checkNumber('pushPullIntervalMs', config.pushPullIntervalMs, 1, 24 * hourMs);
  checkInteger('messageSizeLimitBytes', config.messageSizeLimitBytes, 64, 65_507);
  checkInteger('broadcastQueueMax', config.broadcastQueueMax, 1, 1 << 20);
  checkInteger('rumoursKeptMax', config.rumoursKeptMax, 1, 1 << 20);
  checkInteger('joinAttemptsMax', config.joinAttemptsMax, 1, 1000);
  checkNumber('joinRetryIntervalMs', config.joinRetryIntervalMs, 1e-3, hourMs);
  checkNumber('leaveTimeoutMs', config.leaveTimeoutMs, 0, hourMs);
  Object.freeze(config);
  resolved.add(config);
  return config;
}

function dropUndefined(input: GossipConfigInput): GossipConfigInput {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) if (value !== undefined) out[key] = value;
  return out as GossipConfigInput;
}

function checkNumber(field: string, value: number, min: number, max: number): void {
  if (!(typeof value === 'number' && value >= min && value <= max)) {
    throw new ComponentError(numericOptionCode(value), `gossip: ${field} must be a number in [${min}, ${max}], got ${String(value)}`);
  }
}

function checkInteger(field: string, value: number, min: number, max: number): void {
  if (!(Number.isInteger(value) && value >= min && value <= max)) {
    throw new ComponentError(numericOptionCode(value), `gossip: ${field} must be an integer in [${min}, ${max}], got ${String(value)}`);
  }
}

function checkChoice<T extends string>(field: string, value: T, choices: readonly T[]): void {
  if (!choices.includes(value)) {
    throw new ComponentError('option.not-one-of', `gossip: ${field} must be one of ${choices.join(', ')}, got ${String(value)}`);
  }
}
