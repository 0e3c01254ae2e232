import type { Address, Env, TimerHandle } from '../../sim/env';
import { invariantError } from '../errors';
import { checkKnownFields, checkOption, percent, positiveCount, positiveDurationMs } from '../options/check-option';
import { outlierDetectionDefaults as defaults } from './defaults';
import type { HostHealthListener } from './health-listener';
import { successRateStatistics } from './success-rate';

/**
 * How a request to a host ended, as the outlier detector sees it. Like Envoy without
 * `split_external_local_origin_errors`, local failures count as HTTP codes: 'timeout'
 * as 504 and 'reset' as 503, so both are gateway failures and 5xx; 'gateway' is a
 * 502/503/504 answer; '5xx' is any other 5xx answer.
 */
export type ResultOutcome = 'ok' | '5xx' | 'gateway' | 'timeout' | 'reset';

/** Options of outlier detection (scenario `outlierDetection:`; durations in ms). */
export interface OutlierDetectorOptions {
  /** Consecutive 5xx (any failure) that eject a host (default 5). */
  readonly consecutive5xx?: number;
  /** Chance in percent that a consecutive-5xx detection ejects (default 100). */
  readonly enforcingConsecutive5xxPercent?: number;
  /** Consecutive gateway failures (gateway, timeout, reset) that eject a host (default 5). */
  readonly consecutiveGatewayFailure?: number;
  /** Chance in percent that a gateway-failure detection ejects (default 0: counted only). */
  readonly enforcingConsecutiveGatewayFailurePercent?: number;
  /** Time between sweeps (success rate, un-ejection), ms (default 10 s). */
  readonly intervalMs?: number;
  /** Ejection time per unit of the host's ejection multiplier, ms (default 30 s). */
  readonly baseEjectionTimeMs?: number;
  /** Cap on one ejection's time, ms (default max(300 s, baseEjectionTimeMs); at least the base). */
  readonly maxEjectionTimeMs?: number;
  /** Most hosts ejected at once, in percent of hosts (default 10); one host always may be. */
  readonly maxEjectionPercent?: number;
  /** Hosts with enough requests needed before success-rate ejection runs (default 5). */
  readonly successRateMinimumHosts?: number;
  /** Requests in one interval for a host to count in success-rate analysis (default 100). */
  readonly successRateRequestVolume?: number;
  /** Hosts below mean − factor × stdev of success rates are ejected (default 1.9). */
  readonly successRateStdevFactor?: number;
  /** Chance in percent that a success-rate detection ejects (default 100; 0 disables). */
  readonly enforcingSuccessRatePercent?: number;
  /** Prefix of metric names (default 'outlier'). */
  readonly metricPrefix?: string;
}

type OutlierSettings = Required<Omit<OutlierDetectorOptions, 'metricPrefix'>>;

/** Why a host was found an outlier. */
export type EjectionKind = 'consecutive5xx' | 'consecutiveGatewayFailure' | 'successRate';

/** What the detector knows of one host. */
interface HostMonitor {
  readonly id: Address;
  /** Failures of any kind since the last success (reset on ejection and un-ejection). */
  consecutive5xx: number;
  /** Gateway failures since the last success or non-gateway 5xx. */
  consecutiveGatewayFailure: number;
  /** Requests and successes in the current interval; swapped out at each sweep. */
  requestCount: number;
  successCount: number;
  ejected: boolean;
  /** Env time of the last ejection, ms (meaningful while ejected). */
  ejectedAtMs: number;
  /** Times ejected since the host was added. */
  ejectionCount: number;
  /**
   * Envoy's `ejectTimeBackoff`: +1 per ejection, −1 per sweep the host spends not
   * ejected; the ejection lasts min(base × multiplier, max). Bounded: it stops growing
   * once base × multiplier reaches max + base.
   */
  ejectionMultiplier: number;
}

const optionNames: readonly (keyof OutlierDetectorOptions)[] = [
  'consecutive5xx',
  'enforcingConsecutive5xxPercent',
  'consecutiveGatewayFailure',
  'enforcingConsecutiveGatewayFailurePercent',
  'intervalMs',
  'baseEjectionTimeMs',
  'maxEjectionTimeMs',
  'maxEjectionPercent',
  'successRateMinimumHosts',
  'successRateRequestVolume',
  'successRateStdevFactor',
  'enforcingSuccessRatePercent',
  'metricPrefix',
];

/**
 * Envoy's passive outlier detection for one caller's view of one upstream cluster.
 *
 * - Consecutive errors are detected inline: the result that makes a host's count reach
 *   the threshold ejects it at once (subject to enforcement and the ejection limit).
 *   The count is reset after each detection and whenever the host is un-ejected.
 * - Every `intervalMs` a sweep runs, as Envoy's interval timer: first each ejected host
 *   whose time is up is un-ejected (so ejections end on a sweep, between the ejection
 *   time and one interval later) and each host not ejected has its multiplier
 *   decremented; then success-rate analysis runs over the requests of the interval just
 *   ended, among hosts not ejected with at least `successRateRequestVolume` requests,
 *   provided there are at least `successRateMinimumHosts` of them.
 * - Ejection limit: a host may be ejected when none is, or when the ejected hosts
 *   including it are at most `maxEjectionPercent` of all hosts. (Envoy's source compares
 *   the share before the ejection, which can overshoot the percentage by one host.)
 * - Enforcement percentages draw from the 'outlier.enforcement' stream, and only when
 *   strictly between 0 and 100, so the defaults draw nothing.
 *
 * Driver contract: `setHosts` whenever membership changes, `recordResult` for every
 * request that ends (results for unknown hosts, e.g. removed while in flight, are
 * ignored), `start` once, `stop` to cancel the sweep timer. The listener hears `eject`
 * and `uneject`; removed hosts are forgotten without an `uneject`.
 *
 * Metrics: `<prefix>.ejections` and `<prefix>.ejections.<kind>` (enforced ejections),
 * `<prefix>.detections.<kind>`, `<prefix>.overflow` (refused by the limit),
 * `<prefix>.ejectedTimeMs` (total time hosts spent ejected, counted when each ejection
 * ends; `ejectedSoFarMs` gives the part of those still running), gauge `<prefix>.ejected`
 * (hosts ejected now).
 */
export class OutlierDetector {
  readonly settings: Readonly<OutlierSettings>;
  readonly metricPrefix: string;
  private readonly monitors = new Map<Address, HostMonitor>();
  /** Number of monitors with `ejected` set. */
  private ejectedHostCount = 0;
  private timer: TimerHandle | undefined;

  constructor(
    private readonly env: Env,
    private readonly listener: HostHealthListener,
    options: OutlierDetectorOptions = {},
  ) {
    this.settings = Object.freeze(readSettings(options));
    this.metricPrefix = options.metricPrefix ?? 'outlier';
  }

  /** Replace the host set. New hosts start clean; removed hosts are forgotten. O(n). */
  setHosts(ids: readonly Address[]): void {
    const keep = new Set(ids);
    for (const monitor of [...this.monitors.values()]) {
      if (keep.has(monitor.id)) continue;
      if (monitor.ejected) this.endEjection(monitor);
      this.monitors.delete(monitor.id);
    }
    for (const id of ids) if (!this.monitors.has(id)) this.monitors.set(id, newMonitor(id));
    this.env.metrics.gauge(`${this.metricPrefix}.ejected`, this.ejectedHostCount);
  }

  /** Start the periodic sweep (every `intervalMs`). */
  start(): void {
    if (this.timer !== undefined) return;
    this.timer = this.env.schedule(this.settings.intervalMs, () => this.sweep());
  }

  /** Stop sweeping. Ejected hosts stay ejected until the next sweep after `start`. */
  stop(): void {
    if (this.timer !== undefined) this.env.cancel(this.timer);
    this.timer = undefined;
  }

  /** Record how a request to `hostId` ended. O(1), plus the ejection when one fires. */
  recordResult(hostId: Address, outcome: ResultOutcome): void {
    const monitor = this.monitors.get(hostId);
    if (monitor === undefined) return;
    monitor.requestCount++;
    if (outcome === 'ok') {
      monitor.successCount++;
      monitor.consecutive5xx = 0;
      monitor.consecutiveGatewayFailure = 0;
      return;
    }
    // Envoy checks the gateway count first, then the 5xx count; each fires when it
    // reaches its threshold exactly, so a host already ejected is not re-detected.
    if (outcome === '5xx') monitor.consecutiveGatewayFailure = 0;
    else if (++monitor.consecutiveGatewayFailure === this.settings.consecutiveGatewayFailure) {
      this.detected(monitor, 'consecutiveGatewayFailure');
    }
    if (++monitor.consecutive5xx === this.settings.consecutive5xx) this.detected(monitor, 'consecutive5xx');
  }

  /** How long the hosts ejected now have been out, summed: what `ejectedTimeMs` will add when they return. */
  ejectedSoFarMs(): number {
    if (this.ejectedHostCount === 0) return 0;
    const now = this.env.now();
    let total = 0;
    for (const monitor of this.monitors.values()) if (monitor.ejected) total += now - monitor.ejectedAtMs;
    return total;
  }

  isEjected(hostId: Address): boolean {
    return this.monitors.get(hostId)?.ejected ?? false;
  }

  /** Hosts ejected now. */
  ejectedCount(): number {
    return this.ejectedHostCount;
  }

  /** Times `hostId` has been ejected since it was added (0 for unknown hosts). */
  ejectionCount(hostId: Address): number {
    return this.monitors.get(hostId)?.ejectionCount ?? 0;
  }

  /** How long an ejection of `hostId` starting now would last, ms. */
  ejectionTimeMs(hostId: Address): number {
    const monitor = this.monitors.get(hostId);
    const multiplier = monitor === undefined ? 1 : nextMultiplier(monitor.ejectionMultiplier, this.settings);
    return Math.min(this.settings.baseEjectionTimeMs * multiplier, this.settings.maxEjectionTimeMs);
  }

  /** Throws if the ejected count disagrees with the monitors or a counter is negative. */
  checkInvariants(): void {
    let ejected = 0;
    for (const monitor of this.monitors.values()) {
      if (monitor.ejected) ejected++;
      if (monitor.successCount > monitor.requestCount || monitor.ejectionMultiplier < 0) {
        throw invariantError('resilience.invariant-violated', `outlier-detector: invariant violated: counters of ${monitor.id}`);
      }
    }
    if (ejected !== this.ejectedHostCount) {
      throw invariantError(
        'resilience.invariant-violated',
        `outlier-detector: invariant violated: ${ejected} hosts ejected, count says ${this.ejectedHostCount}`,
      );
    }
  }

  private detected(monitor: HostMonitor, kind: EjectionKind): void {
    if (monitor.ejected) return;
    this.env.metrics.count(`${this.metricPrefix}.detections.${kind}`);
    this.eject(monitor, kind);
    if (kind === 'consecutive5xx') monitor.consecutive5xx = 0;
    else monitor.consecutiveGatewayFailure = 0;
  }

  private eject(monitor: HostMonitor, kind: EjectionKind): void {
    const allowed =
      this.ejectedHostCount === 0 ||
      (this.ejectedHostCount + 1) * 100 <= this.settings.maxEjectionPercent * this.monitors.size;
    if (!allowed) {
      this.env.metrics.count(`${this.metricPrefix}.overflow`);
      return;
    }
    if (!this.enforced(kind)) return;
    monitor.ejected = true;
    monitor.ejectedAtMs = this.env.now();
    monitor.ejectionCount++;
    monitor.ejectionMultiplier = nextMultiplier(monitor.ejectionMultiplier, this.settings);
    this.ejectedHostCount++;
    this.env.metrics.count(`${this.metricPrefix}.ejections`);
    this.env.metrics.count(`${this.metricPrefix}.ejections.${kind}`);
    this.env.metrics.gauge(`${this.metricPrefix}.ejected`, this.ejectedHostCount);
    this.env.trace?.({ type: 'outlier.eject', host: monitor.id, kind });
    this.listener.eject(monitor.id);
  }

  private enforced(kind: EjectionKind): boolean {
    const chance =
      kind === 'consecutive5xx'
        ? this.settings.enforcingConsecutive5xxPercent
        : kind === 'consecutiveGatewayFailure'
          ? this.settings.enforcingConsecutiveGatewayFailurePercent
          : this.settings.enforcingSuccessRatePercent;
    if (chance >= 100) return true;
    if (chance <= 0) return false;
    return this.env.rng('outlier.enforcement').next() * 100 < chance;
  }

  private sweep(): void {
    this.timer = this.env.schedule(this.settings.intervalMs, () => this.sweep());
    const now = this.env.now();
    const rates: number[] = [];
    const candidates: HostMonitor[] = [];
    for (const monitor of this.monitors.values()) {
      this.checkForUneject(monitor, now);
      const { requestCount, successCount } = monitor;
      monitor.requestCount = 0;
      monitor.successCount = 0;
      if (!monitor.ejected && requestCount >= this.settings.successRateRequestVolume) {
        rates.push((100 * successCount) / requestCount);
        candidates.push(monitor);
      }
    }
    if (candidates.length < this.settings.successRateMinimumHosts) return;
    const { threshold } = successRateStatistics(rates, this.settings.successRateStdevFactor);
    candidates.forEach((monitor, i) => {
      if (rates[i]! < threshold) {
        this.env.metrics.count(`${this.metricPrefix}.detections.successRate`);
        this.eject(monitor, 'successRate');
      }
    });
  }

  private checkForUneject(monitor: HostMonitor, now: number): void {
    if (!monitor.ejected) {
      if (monitor.ejectionMultiplier > 0) monitor.ejectionMultiplier--;
      return;
    }
    const durationMs = Math.min(this.settings.baseEjectionTimeMs * monitor.ejectionMultiplier, this.settings.maxEjectionTimeMs);
    if (now - monitor.ejectedAtMs < durationMs) return;
    this.endEjection(monitor);
    monitor.consecutive5xx = 0;
    monitor.consecutiveGatewayFailure = 0;
    this.env.metrics.gauge(`${this.metricPrefix}.ejected`, this.ejectedHostCount);
    this.env.trace?.({ type: 'outlier.uneject', host: monitor.id });
    this.listener.uneject(monitor.id);
  }

  private endEjection(monitor: HostMonitor): void {
    monitor.ejected = false;
    this.ejectedHostCount--;
    this.env.metrics.count(`${this.metricPrefix}.ejectedTimeMs`, this.env.now() - monitor.ejectedAtMs);
  }
}

function newMonitor(id: Address): HostMonitor {
  return {
    id,
    consecutive5xx: 0,
    consecutiveGatewayFailure: 0,
    requestCount: 0,
    successCount: 0,
    ejected: false,
    ejectedAtMs: 0,
    ejectionCount: 0,
    ejectionMultiplier: 0,
  };
}

/** Envoy: the multiplier grows by one per ejection while base × it is below max + base. */
function nextMultiplier(multiplier: number, settings: OutlierSettings): number {
  return multiplier * settings.baseEjectionTimeMs < settings.maxEjectionTimeMs + settings.baseEjectionTimeMs
    ? multiplier + 1
    : multiplier;
}

function readSettings(options: OutlierDetectorOptions): OutlierSettings {
  checkKnownFields('outlier-detector', options, optionNames);
  const read = (field: keyof OutlierSettings, range: typeof percent): number =>
    checkOption('outlier-detector', field, options[field], defaults[field], range);
  const baseEjectionTimeMs = read('baseEjectionTimeMs', positiveDurationMs);
  return {
    consecutive5xx: read('consecutive5xx', positiveCount),
    enforcingConsecutive5xxPercent: read('enforcingConsecutive5xxPercent', percent),
    consecutiveGatewayFailure: read('consecutiveGatewayFailure', positiveCount),
    enforcingConsecutiveGatewayFailurePercent: read('enforcingConsecutiveGatewayFailurePercent', percent),
    intervalMs: read('intervalMs', positiveDurationMs),
    baseEjectionTimeMs,
    // Envoy: absent, the cap is 300 s or the base ejection time, whichever is larger.
    maxEjectionTimeMs: checkOption(
      'outlier-detector',
      'maxEjectionTimeMs',
      options.maxEjectionTimeMs,
      Math.max(defaults.maxEjectionTimeMs, baseEjectionTimeMs),
      { ...positiveDurationMs, min: baseEjectionTimeMs, minExclusive: false },
    ),
    maxEjectionPercent: read('maxEjectionPercent', percent),
    successRateMinimumHosts: read('successRateMinimumHosts', positiveCount),
    successRateRequestVolume: read('successRateRequestVolume', positiveCount),
    successRateStdevFactor: read('successRateStdevFactor', { min: 0, max: 100 }),
    enforcingSuccessRatePercent: read('enforcingSuccessRatePercent', percent),
  };
}
