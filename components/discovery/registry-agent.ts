import type { Address, Env, TimerHandle } from '../../sim/env';
import { ComponentError } from '../errors';
import { checkKnownFields, checkOption, positiveDurationMs } from '../options/check-option';
import { discoveryDefaults } from './defaults';
import type { DeregisterMessage, RegisterMessage } from './registry-messages';

/** Options of an instance's registry agent. */
export interface RegistryAgentOptions {
  /** Address of the registry. */
  readonly registry: Address;
  /** Service this instance belongs to. */
  readonly service: string;
  /** This instance's id, the address balancers send to. */
  readonly id: Address;
  /** Balancing weight (default 1). */
  readonly weight?: number;
  /** TTL asked of the registry, ms (default 10 s). */
  readonly ttlMs?: number;
  /** Time between heartbeats, ms (default 3 s; must be below ttlMs). */
  readonly heartbeatIntervalMs?: number;
}

const optionNames: readonly (keyof RegistryAgentOptions)[] = ['registry', 'service', 'id', 'weight', 'ttlMs', 'heartbeatIntervalMs'];

/**
 * The instance side of registration, as a Consul agent with a TTL check: on `start` it
 * registers, then sends a heartbeat every `heartbeatIntervalMs`, each carrying the full
 * registration so a lost register heals on the next beat.
 *
 * Driver contract: `start` when the instance comes up (also after a restart);
 * `stop()` on a graceful shutdown (sends a deregister); `stop({ deregister: false })`
 * when the instance crashes, so the registry only learns through the TTL.
 */
export class RegistryAgent {
  readonly weight: number;
  readonly ttlMs: number;
  readonly heartbeatIntervalMs: number;
  private timer: TimerHandle | undefined;

  constructor(
    private readonly env: Env,
    readonly options: RegistryAgentOptions,
  ) {
    checkKnownFields('registry-agent', options, optionNames);
    this.weight = checkOption('registry-agent', 'weight', options.weight, 1, { min: 0, max: 1_000_000, minExclusive: true });
    this.ttlMs = checkOption('registry-agent', 'ttlMs', options.ttlMs, discoveryDefaults.ttlMs, positiveDurationMs);
    this.heartbeatIntervalMs = checkOption(
      'registry-agent',
      'heartbeatIntervalMs',
      options.heartbeatIntervalMs,
      discoveryDefaults.heartbeatIntervalMs,
      { min: 0, max: this.ttlMs, minExclusive: true },
    );
    if (this.heartbeatIntervalMs === this.ttlMs) {
      throw new ComponentError(
        'option.out-of-range',
        `registry-agent: heartbeatIntervalMs must be below ttlMs (${this.ttlMs}), got ${this.heartbeatIntervalMs}`,
      );
    }
  }

  get running(): boolean {
    return this.timer !== undefined;
  }

  /** Register now and heartbeat from then on. */
  start(): void {
    if (this.timer !== undefined) return;
    this.beat('registry.register');
  }

  /** Stop heartbeating; deregister unless `deregister` is false (a crash). */
  stop({ deregister = true }: { deregister?: boolean } = {}): void {
    if (this.timer === undefined) return;
    this.env.cancel(this.timer);
    this.timer = undefined;
    if (!deregister) return;
    const message: DeregisterMessage = { type: 'registry.deregister', service: this.options.service, id: this.options.id };
    this.env.send(this.options.registry, message);
  }

  private beat(type: RegisterMessage['type']): void {
    this.timer = this.env.schedule(this.heartbeatIntervalMs, () => this.beat('registry.heartbeat'));
    const { service, id } = this.options;
    const message: RegisterMessage = { type, service, id, weight: this.weight, ttlMs: this.ttlMs };
    this.env.send(this.options.registry, message);
  }
}
