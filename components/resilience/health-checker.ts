import type { Address, Env, Message, TimerHandle } from '../../sim/env';
import { invariantError } from '../errors';
import { checkKnownFields, checkOption, positiveCount, positiveDurationMs } from '../options/check-option';
import { healthCheckDefaults as defaults } from './defaults';
import type { HostHealthListener } from './health-listener';

/** A probe sent to a host; `id` matches the reply to the probe. */
export interface HealthCheckMessage extends Message {
  readonly type: 'health-check';
  readonly id: number;
}

/** A host's answer: 'health-ok' passes the check, 'health-fail' fails it at once. */
export interface HealthReplyMessage extends Message {
  readonly type: 'health-ok' | 'health-fail';
  readonly id: number;
}

/** Options of active health checking (scenario `healthCheck:`; durations in ms). */
export interface HealthCheckerOptions {
  /** Time from the end of one check of a host (reply or timeout) to the next, ms (default 5 s). */
  readonly intervalMs?: number;
  /** Time to wait for a reply before the check fails, ms (default 1 s). */
  readonly timeoutMs?: number;
  /** Consecutive failures that mark a healthy host unhealthy (default 3). */
  readonly unhealthyThreshold?: number;
  /** Consecutive successes that mark an unhealthy host healthy (default 2). */
  readonly healthyThreshold?: number;
  /** Prefix of metric names (default 'healthCheck'). */
  readonly metricPrefix?: string;
}

type HealthCheckSettings = Required<Omit<HealthCheckerOptions, 'metricPrefix'>>;

const optionNames: readonly (keyof HealthCheckerOptions)[] = [
  'intervalMs',
  'timeoutMs',
  'unhealthyThreshold',
  'healthyThreshold',
  'metricPrefix',
];

/** What the checker knows of one host. */
interface HostCheck {
  readonly id: Address;
  healthy: boolean;
  /** Consecutive passes (reset by a failure); < healthyThreshold while unhealthy. */
  successes: number;
  /** Consecutive failures (reset by a pass); < unhealthyThreshold while healthy. */
  failures: number;
  /** Id of the probe awaiting its reply, or undefined between probes. */
  pendingCheckId: number | undefined;
  /** The timeout of the pending probe, or the timer of the next probe. */
  timer: TimerHandle | undefined;
}

/**
 * Active health checking, as Envoy's health checker, over the Env's network.
 *
 * Each host is probed on its own schedule: the first probe at a uniformly random time in
 * [0, intervalMs) from 'health-check.jitter' (so checks of many hosts, and of many
 * callers, do not align), then `intervalMs` after each probe ends. A probe sends
 * `{ type: 'health-check', id }` to the host with env.send and passes when
 * `{ type: 'health-ok', id }` comes back within `timeoutMs`; a timeout or a
 * `health-fail` reply fails it. Late replies (after the timeout) are ignored.
 * `unhealthyThreshold` consecutive failures mark a healthy host unhealthy
 * (listener.eject); `healthyThreshold` consecutive passes mark it healthy again
 * (listener.uneject). Hosts start healthy, so probing costs nothing until a host fails;
 * Envoy instead holds new hosts out until their first pass.
 *
 * Driver contract: `setHosts` on membership changes, `start` once, `receive` for every
 * message that arrives at the caller (it returns false for messages not its own), `stop`
 * to cancel all timers. Servers answer with `healthCheckReply`.
 *
 * Metrics: `<prefix>.probes`, `<prefix>.failures`, `<prefix>.timeouts`,
 * `<prefix>.unhealthy` and `<prefix>.healthy` (transitions).
 */
export class HealthChecker {
  readonly settings: Readonly<HealthCheckSettings>;
  readonly metricPrefix: string;
  private readonly hosts = new Map<Address, HostCheck>();
  private running = false;
  /** Ids are unique per checker, so a reply can never match another probe. */
  private nextCheckId = 1;

  constructor(
    private readonly env: Env,
    private readonly listener: HostHealthListener,
    options: HealthCheckerOptions = {},
  ) {
    this.settings = Object.freeze(readSettings(options));
    this.metricPrefix = options.metricPrefix ?? 'healthCheck';
  }

  /** Replace the host set; new hosts start healthy and, when running, get a jittered first probe. */
  setHosts(ids: readonly Address[]): void {
    const keep = new Set(ids);
    for (const host of [...this.hosts.values()]) {
      if (keep.has(host.id)) continue;
      this.cancelTimer(host);
      this.hosts.delete(host.id);
    }
    for (const id of ids) {
      if (this.hosts.has(id)) continue;
      const host: HostCheck = { id, healthy: true, successes: 0, failures: 0, pendingCheckId: undefined, timer: undefined };
      this.hosts.set(id, host);
      if (this.running) this.scheduleFirst(host);
    }
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    for (const host of this.hosts.values()) this.scheduleFirst(host);
  }

  /** Cancel every probe and timer; health stays as it is. */
  stop(): void {
    this.running = false;
    for (const host of this.hosts.values()) {
      this.cancelTimer(host);
      host.pendingCheckId = undefined;
    }
  }

  /**
   * Handle a message that arrived from `from`. Returns true for any health reply (it is
   * consumed, even when stale or from an unknown host) and false for other messages.
   */
  receive(from: Address, message: Message): boolean {
    if (message.type !== 'health-ok' && message.type !== 'health-fail') return false;
    const host = this.hosts.get(from);
    if (host === undefined || host.pendingCheckId === undefined || message.id !== host.pendingCheckId) return true;
    this.cancelTimer(host);
    this.probeEnded(host, message.type === 'health-ok');
    return true;
  }

  isHealthy(hostId: Address): boolean {
    return this.hosts.get(hostId)?.healthy ?? false;
  }

  /** Throws if a host's counters contradict its state. */
  checkInvariants(): void {
    const { unhealthyThreshold, healthyThreshold } = this.settings;
    for (const host of this.hosts.values()) {
      if (host.successes > 0 && host.failures > 0) {
        throw invariantError('resilience.invariant-violated', `health-checker: invariant violated: ${host.id} passes and fails`);
      }
      if (host.healthy && host.failures >= unhealthyThreshold) {
        throw invariantError(
          'resilience.invariant-violated',
          `health-checker: invariant violated: ${host.id} healthy after ${host.failures} failures`,
        );
      }
      if (!host.healthy && host.successes >= healthyThreshold) {
        throw invariantError(
          'resilience.invariant-violated',
          `health-checker: invariant violated: ${host.id} unhealthy after ${host.successes} passes`,
        );
      }
    }
  }

  private scheduleFirst(host: HostCheck): void {
    const delayMs = this.env.rng('health-check.jitter').next() * this.settings.intervalMs;
    host.timer = this.env.schedule(delayMs, () => this.probe(host));
  }

  private probe(host: HostCheck): void {
    const id = this.nextCheckId++;
    host.pendingCheckId = id;
    host.timer = this.env.schedule(this.settings.timeoutMs, () => this.probeTimedOut(host, id));
    this.env.metrics.count(`${this.metricPrefix}.probes`);
    const message: HealthCheckMessage = { type: 'health-check', id };
    this.env.send(host.id, message);
  }

  private probeTimedOut(host: HostCheck, id: number): void {
    if (host.pendingCheckId !== id) return;
    host.timer = undefined;
    this.env.metrics.count(`${this.metricPrefix}.timeouts`);
    this.probeEnded(host, false);
  }

  private probeEnded(host: HostCheck, passed: boolean): void {
    host.pendingCheckId = undefined;
    if (passed) {
      host.failures = 0;
      host.successes++;
      if (!host.healthy && host.successes >= this.settings.healthyThreshold) this.transition(host, true);
    } else {
      this.env.metrics.count(`${this.metricPrefix}.failures`);
      host.successes = 0;
      host.failures++;
      if (host.healthy && host.failures >= this.settings.unhealthyThreshold) this.transition(host, false);
    }
    if (this.running) host.timer = this.env.schedule(this.settings.intervalMs, () => this.probe(host));
  }

  private transition(host: HostCheck, healthy: boolean): void {
    host.healthy = healthy;
    host.successes = 0;
    host.failures = 0;
    this.env.metrics.count(`${this.metricPrefix}.${healthy ? 'healthy' : 'unhealthy'}`);
    this.env.trace?.({ type: healthy ? 'health-check.healthy' : 'health-check.unhealthy', host: host.id });
    if (healthy) this.listener.uneject(host.id);
    else this.listener.eject(host.id);
  }

  private cancelTimer(host: HostCheck): void {
    if (host.timer !== undefined) this.env.cancel(host.timer);
    host.timer = undefined;
  }
}

/**
 * The server side of a health check: the reply to send back for `message`, or undefined
 * when it is not a health check. `healthy` false answers 'health-fail' (a draining host).
 */
export function healthCheckReply(message: Message, healthy = true): HealthReplyMessage | undefined {
  if (message.type !== 'health-check' || typeof message.id !== 'number') return undefined;
  return { type: healthy ? 'health-ok' : 'health-fail', id: message.id };
}

function readSettings(options: HealthCheckerOptions): HealthCheckSettings {
  checkKnownFields('health-checker', options, optionNames);
  return {
    intervalMs: checkOption('health-checker', 'intervalMs', options.intervalMs, defaults.intervalMs, positiveDurationMs),
    timeoutMs: checkOption('health-checker', 'timeoutMs', options.timeoutMs, defaults.timeoutMs, positiveDurationMs),
    unhealthyThreshold: checkOption('health-checker', 'unhealthyThreshold', options.unhealthyThreshold, defaults.unhealthyThreshold, positiveCount),
    healthyThreshold: checkOption('health-checker', 'healthyThreshold', options.healthyThreshold, defaults.healthyThreshold, positiveCount),
  };
}
