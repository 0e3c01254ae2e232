import type { Address, Env, Message, TimerHandle } from '../../sim/env';
import { invariantError } from '../errors';
import { checkKnownFields, checkOption, positiveCount, positiveDurationMs } from '../options/check-option';
import { discoveryDefaults } from './defaults';
import type { Discovery, DiscoveryEndpoint, DiscoveryListener } from './discovery';
import { isDeregisterMessage, isPollMessage, isRegisterMessage, type SnapshotMessage } from './registry-messages';

/** Options of a registry (scenario `discovery:`; durations in ms). */
export interface RegistryOptions {
  /** TTL of registrations that do not bring their own, ms (default 10 s). */
  readonly ttlMs?: number;
  /** Time critical before a registration is removed, ms (default 60 s). */
  readonly deregisterCriticalAfterMs?: number;
  /** Most registrations held (default 100,000); further ones are refused. */
  readonly instancesMax?: number;
  /** Prefix of metric names (default 'registry'). */
  readonly metricPrefix?: string;
}

/** 'passing' while heartbeats arrive within the TTL, 'critical' after it lapsed. */
export type RegistrationStatus = 'passing' | 'critical';

/** One registered instance of a service. */
export interface Registration {
  readonly service: string;
  readonly id: Address;
  readonly weight: number;
  readonly ttlMs: number;
  readonly status: RegistrationStatus;
  /** Env time of the last register or heartbeat, ms. */
  readonly lastHeartbeatMs: number;
}

interface Entry {
  readonly service: string;
  readonly id: Address;
  weight: number;
  ttlMs: number;
  status: RegistrationStatus;
  lastHeartbeatMs: number;
  /** Env time the TTL lapsed, ms (meaningful while critical). */
  criticalSinceMs: number;
  /** Always pending while the entry exists: the next TTL or removal check. */
  timer: TimerHandle | undefined;
}

interface ServiceState {
  readonly service: string;
  /** Registrations in registration order. */
  readonly entries: Map<Address, Entry>;
  /** Increases by one on every change of the passing endpoints (Consul's ModifyIndex). */
  index: number;
  /** Passing endpoints, rebuilt on change; undefined when stale. */
  passing: readonly DiscoveryEndpoint[] | undefined;
  readonly listeners: Set<DiscoveryListener>;
}

type RegistrySettings = Required<Omit<RegistryOptions, 'metricPrefix'>>;

const optionNames: readonly (keyof RegistryOptions)[] = ['ttlMs', 'deregisterCriticalAfterMs', 'instancesMax', 'metricPrefix'];
const noEndpoints: readonly DiscoveryEndpoint[] = Object.freeze([]);

/**
 * A Consul/etcd-style service registry at one address, with TTL health checks.
 *
 * Message based: instances (RegistryAgent) send register, heartbeat and deregister
 * messages; watchers (RegistryWatcher) poll and receive snapshots. The driver hands
 * every message that arrives at the registry's address to `receive`. The same verbs are
 * methods (`register`, `heartbeat`, `deregister`) for drivers that model the calls
 * without a network.
 *
 * A registration is 'passing' until `ttlMs` passes without a heartbeat, then
 * 'critical' (out of `endpoints`), and removed after `deregisterCriticalAfterMs` more.
 * A heartbeat makes it passing again. Each entry has a single timer, re-armed lazily:
 * when it fires it checks the time of the last heartbeat, so heartbeats never cancel
 * timers (one schedule per TTL instead of one cancel per heartbeat).
 *
 * `subscribe` here is local and immediate; remote views see changes through polling,
 * after the poll interval and network delay. Metrics: `<prefix>.registrations` (new),
 * `<prefix>.expirations` (TTL lapsed), `<prefix>.removals` (critical too long),
 * `<prefix>.deregistrations`, `<prefix>.overflow`, `<prefix>.polls`.
 */
export class Registry implements Discovery {
  readonly settings: Readonly<RegistrySettings>;
  readonly metricPrefix: string;
  private readonly services = new Map<string, ServiceState>();
  private instanceCount = 0;

  constructor(
    private readonly env: Env,
    options: RegistryOptions = {},
  ) {
    checkKnownFields('registry', options, optionNames);
    this.settings = Object.freeze({
      ttlMs: checkOption('registry', 'ttlMs', options.ttlMs, discoveryDefaults.ttlMs, positiveDurationMs),
      deregisterCriticalAfterMs: checkOption(
        'registry',
        'deregisterCriticalAfterMs',
        options.deregisterCriticalAfterMs,
        discoveryDefaults.deregisterCriticalAfterMs,
        positiveDurationMs,
      ),
      instancesMax: checkOption('registry', 'instancesMax', options.instancesMax, discoveryDefaults.instancesMax, positiveCount),
    });
    this.metricPrefix = options.metricPrefix ?? 'registry';
  }

  /** Handle a message that arrived at the registry; false when it is not a registry message. */
  receive(from: Address, message: Message): boolean {
    if (isRegisterMessage(message)) {
      this.register(message.service, message.id, { weight: message.weight, ttlMs: message.ttlMs });
    } else if (isDeregisterMessage(message)) {
      this.deregister(message.service, message.id);
    } else if (isPollMessage(message)) {
      this.env.metrics.count(`${this.metricPrefix}.polls`);
      const state = this.services.get(message.service);
      const snapshot: SnapshotMessage = {
        type: 'registry.snapshot',
        service: message.service,
        index: state?.index ?? 0,
        endpoints: this.endpoints(message.service),
      };
      this.env.send(from, snapshot);
    } else {
      return false;
    }
    return true;
  }

  /**
   * Create or refresh the registration of `id` in `service` (a register and a heartbeat
   * are the same upsert). Returns false when refused because the registry is full.
   */
  register(service: string, id: Address, options: { weight?: number; ttlMs?: number } = {}): boolean {
    const weight = checkOption('registry', 'weight', options.weight, 1, { min: 0, max: 1_000_000, minExclusive: true });
    const ttlMs = checkOption('registry', 'ttlMs', options.ttlMs, this.settings.ttlMs, positiveDurationMs);
    const state = this.serviceState(service);
    const entry = state.entries.get(id);
    if (entry === undefined) return this.add(state, service, id, weight, ttlMs);
    entry.lastHeartbeatMs = this.env.now();
    entry.ttlMs = ttlMs;
    const revived = entry.status === 'critical';
    if (revived) {
      // The pending timer is the removal check, later than the new TTL: re-arm it.
      entry.status = 'passing';
      this.arm(entry, ttlMs);
    }
    if (revived || entry.weight !== weight) {
      entry.weight = weight;
      this.changed(state);
    }
    return true;
  }

  /** Refresh `id`'s TTL; false when it is not registered (the agent should register). */
  heartbeat(service: string, id: Address): boolean {
    const entry = this.services.get(service)?.entries.get(id);
    if (entry === undefined) return false;
    return this.register(service, id, { weight: entry.weight, ttlMs: entry.ttlMs });
  }

  /** Remove `id` from `service` at once (a graceful shutdown). */
  deregister(service: string, id: Address): void {
    const state = this.services.get(service);
    const entry = state?.entries.get(id);
    if (state === undefined || entry === undefined) return;
    this.env.metrics.count(`${this.metricPrefix}.deregistrations`);
    this.remove(state, entry);
  }

  endpoints(service: string): readonly DiscoveryEndpoint[] {
    const state = this.services.get(service);
    if (state === undefined) return noEndpoints;
    if (state.passing === undefined) {
      const passing: DiscoveryEndpoint[] = [];
      for (const entry of state.entries.values()) {
        if (entry.status === 'passing') passing.push({ id: entry.id, weight: entry.weight });
      }
      state.passing = Object.freeze(passing);
    }
    return state.passing;
  }

  subscribe(service: string, listener: DiscoveryListener): () => void {
    const listeners = this.serviceState(service).listeners;
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  /** Every registration of `service`, passing or critical, in registration order. */
  registrations(service: string): Registration[] {
    return [...(this.services.get(service)?.entries.values() ?? [])].map(({ timer: _timer, criticalSinceMs: _since, ...rest }) => rest);
  }

  /** The change index of `service` (0 when never registered). */
  index(service: string): number {
    return this.services.get(service)?.index ?? 0;
  }

  /** Throws if the instance count or a timer disagrees with the entries. */
  checkInvariants(): void {
    let count = 0;
    for (const state of this.services.values()) {
      for (const entry of state.entries.values()) {
        count++;
        if (entry.timer === undefined) {
          throw invariantError('discovery.invariant-violated', `registry: invariant violated: ${entry.service}/${entry.id} has no timer`);
        }
      }
    }
    if (count !== this.instanceCount) {
      throw invariantError(
        'discovery.invariant-violated',
        `registry: invariant violated: ${count} entries, count says ${this.instanceCount}`,
      );
    }
  }

  private add(state: ServiceState, service: string, id: Address, weight: number, ttlMs: number): boolean {
    if (this.instanceCount >= this.settings.instancesMax) {
      this.env.metrics.count(`${this.metricPrefix}.overflow`);
      return false;
    }
    const entry: Entry = { service, id, weight, ttlMs, status: 'passing', lastHeartbeatMs: this.env.now(), criticalSinceMs: 0, timer: undefined };
    state.entries.set(id, entry);
    this.instanceCount++;
    this.arm(entry, ttlMs);
    this.env.metrics.count(`${this.metricPrefix}.registrations`);
    this.changed(state);
    return true;
  }

  private remove(state: ServiceState, entry: Entry): void {
    if (entry.timer !== undefined) this.env.cancel(entry.timer);
    entry.timer = undefined;
    state.entries.delete(entry.id);
    this.instanceCount--;
    if (entry.status === 'passing') this.changed(state);
  }

  private arm(entry: Entry, delayMs: number): void {
    if (entry.timer !== undefined) this.env.cancel(entry.timer);
    entry.timer = this.env.schedule(delayMs, () => this.check(entry));
  }

  /** The entry's timer fired: expire it, remove it, or re-arm for the time left. */
  private check(entry: Entry): void {
    entry.timer = undefined;
    const state = this.services.get(entry.service)!;
    const now = this.env.now();
    if (entry.status === 'passing') {
      const expiresAtMs = entry.lastHeartbeatMs + entry.ttlMs;
      if (now < expiresAtMs) return this.arm(entry, expiresAtMs - now);
      entry.status = 'critical';
      entry.criticalSinceMs = now;
      this.env.metrics.count(`${this.metricPrefix}.expirations`);
      this.env.trace?.({ type: 'registry.expired', service: entry.service, id: entry.id });
      this.arm(entry, this.settings.deregisterCriticalAfterMs);
      this.changed(state);
      return;
    }
    const removeAtMs = entry.criticalSinceMs + this.settings.deregisterCriticalAfterMs;
    if (now < removeAtMs) return this.arm(entry, removeAtMs - now);
    this.env.metrics.count(`${this.metricPrefix}.removals`);
    this.remove(state, entry);
  }

  private changed(state: ServiceState): void {
    state.index++;
    state.passing = undefined;
    if (state.listeners.size === 0) return;
    const endpoints = this.endpoints(state.service);
    for (const listener of [...state.listeners]) listener(endpoints);
  }

  private serviceState(service: string): ServiceState {
    let state = this.services.get(service);
    if (state === undefined) {
      state = { service, entries: new Map(), index: 0, passing: undefined, listeners: new Set() };
      this.services.set(service, state);
    }
    return state;
  }
}
