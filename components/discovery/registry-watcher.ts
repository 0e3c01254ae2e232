import type { Address, Env, Message, TimerHandle } from '../../sim/env';
import { checkKnownFields, checkOption, positiveDurationMs } from '../options/check-option';
import { discoveryDefaults } from './defaults';
import type { Discovery, DiscoveryEndpoint, DiscoveryListener } from './discovery';
import { isSnapshotMessage, type PollMessage } from './registry-messages';

/** Options of a registry watcher. */
export interface RegistryWatcherOptions {
  /** Address of the registry. */
  readonly registry: Address;
  /** Time between polls, ms (default 1 s). */
  readonly pollIntervalMs?: number;
}

interface WatchedService {
  /** Index of the snapshot in `endpoints` (0: none yet). */
  index: number;
  endpoints: readonly DiscoveryEndpoint[];
  readonly listeners: Set<DiscoveryListener>;
}

const optionNames: readonly (keyof RegistryWatcherOptions)[] = ['registry', 'pollIntervalMs'];
const noEndpoints: readonly DiscoveryEndpoint[] = Object.freeze([]);

/**
 * A client's remote view of the registry: it polls the registry for every subscribed
 * service every `pollIntervalMs` and tells subscribers when a snapshot with a newer
 * index arrives. A change therefore reaches a balancer between one network round trip
 * and one poll interval plus a round trip after the registry saw it, and a crash
 * reaches it after the TTL on top. While the registry is unreachable the watcher keeps
 * serving its last view, as Consul's agent cache does.
 *
 * Polls of all services go out together on one timer whose phase is drawn from the
 * 'discovery.poll' stream, so many watchers do not poll in lockstep. Snapshots older
 * than the current view (reordered by the network) are ignored. A registry restart that
 * resets its indexes is not modelled.
 *
 * Driver contract: `start` once, `receive` for messages arriving at the watcher's
 * address (false for others), `stop` to cancel the timer.
 */
export class RegistryWatcher implements Discovery {
  readonly registry: Address;
  readonly pollIntervalMs: number;
  private readonly services = new Map<string, WatchedService>();
  private timer: TimerHandle | undefined;

  constructor(
    private readonly env: Env,
    options: RegistryWatcherOptions,
  ) {
    checkKnownFields('registry-watcher', options, optionNames);
    this.registry = options.registry;
    this.pollIntervalMs = checkOption(
      'registry-watcher',
      'pollIntervalMs',
      options.pollIntervalMs,
      discoveryDefaults.pollIntervalMs,
      positiveDurationMs,
    );
  }

  /** Poll every watched service now, then every interval from a random phase. */
  start(): void {
    if (this.timer !== undefined) return;
    for (const service of this.services.keys()) this.poll(service);
    const phaseMs = this.env.rng('discovery.poll').next() * this.pollIntervalMs;
    this.timer = this.env.schedule(phaseMs, () => this.tick());
  }

  stop(): void {
    if (this.timer !== undefined) this.env.cancel(this.timer);
    this.timer = undefined;
  }

  endpoints(service: string): readonly DiscoveryEndpoint[] {
    return this.services.get(service)?.endpoints ?? noEndpoints;
  }

  /** Watch `service` (polling it at once when running) and report its changes. */
  subscribe(service: string, listener: DiscoveryListener): () => void {
    let watched = this.services.get(service);
    if (watched === undefined) {
      watched = { index: 0, endpoints: noEndpoints, listeners: new Set() };
      this.services.set(service, watched);
      if (this.timer !== undefined) this.poll(service);
    }
    const listeners = watched.listeners;
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  /** Handle a message that arrived at the watcher; false when it is not a snapshot for it. */
  receive(from: Address, message: Message): boolean {
    if (from !== this.registry || !isSnapshotMessage(message)) return false;
    const watched = this.services.get(message.service);
    if (watched === undefined || message.index <= watched.index) return true;
    watched.index = message.index;
    watched.endpoints = Object.freeze(message.endpoints.map(({ id, weight }) => ({ id, weight })));
    for (const listener of [...watched.listeners]) listener(watched.endpoints);
    return true;
  }

  private tick(): void {
    this.timer = this.env.schedule(this.pollIntervalMs, () => this.tick());
    for (const service of this.services.keys()) this.poll(service);
  }

  private poll(service: string): void {
    const message: PollMessage = { type: 'registry.poll', service, index: this.services.get(service)?.index ?? 0 };
    this.env.send(this.registry, message);
  }
}
