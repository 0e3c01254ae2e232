import { ComponentError } from '../errors';
import { checkOptionalOption } from '../options/check-option';
import { gossipLanProfile } from './defaults';
import type { GossipConfig, GossipConfigInput, GossipProtocol, TimerPhase } from './gossip-config';

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
  checkOptionalOption('gossip', field, value, { min, max });
}

function checkInteger(field: string, value: number, min: number, max: number): void {
  checkOptionalOption('gossip', field, value, { min, max, integer: true });
}

function checkChoice<T extends string>(field: string, value: T, choices: readonly T[]): void {
  if (!choices.includes(value)) {
    throw new ComponentError('option.not-one-of', `gossip: ${field} must be one of ${choices.join(', ')}, got ${String(value)}`);
  }
}
