import { Balancer, createPolicy } from '../../components/balancer/index';
import { healthCheckReply } from '../../components/resilience/index';
import type { Address } from '../../sim/env';
import { MetricsRegistry } from '../../sim/metrics';
import { RngStreams } from '../../sim/rng';
import { SimEnv, type TraceSink } from '../../sim/sim-env';
import { Simulation, type Progress } from '../../sim/simulation';
import { Caller, type CallerOptions } from '../request/caller';
import { Client } from '../request/client';
import { keySampler } from '../sampling/keys';
import { sampler } from '../sampling/distributions';
import { scheduleFaults } from './faults';
import type { FaultInterval } from '../subsystem/fault-interval';
import { Network } from '../request/network';
import { Replica, type DownstreamStep, type ReplicaCapacity } from '../request/replica';
import { RequestStats } from '../request/request-stats';
import type { BalancerSpec, ClientSpec, Scenario, ServiceSpec } from '../scenario/types';
import type { Call } from '../request/request';
import type { Subsystem, SubsystemRun } from '../subsystem/subsystem';
import type { BuildListener, WorldHost } from '../subsystem/world-host';
import { SUBSYSTEMS } from './subsystems';
import { TimeSeries } from './time-series';
import { WINDOWS_PER_REPLICATION_MAX } from '../scenario/run-size';

/** Upper bound on time-series windows per run; longer runs get wider windows. The loader's run-size check uses the same bound. */
export const MAX_WINDOWS = WINDOWS_PER_REPLICATION_MAX;

export interface WorldOptions {
  readonly trace?: TraceSink;
  /** The subsystems that may take part (default: every registered one, models/run/subsystems.ts). */
  readonly subsystems?: readonly Subsystem[] | undefined;
}

/**
 * One replication of a scenario, built and ready to run: the simulation, the network,
 * every replica and client, their balancers, the subsystems the scenario uses (each in
 * the same simulation, on the same clock) and the faults. `run` advances it; the result
 * is read from the public fields by `collectResult`.
 */
export class World implements WorldHost {
  readonly sim = new Simulation();
  readonly streams: RngStreams;
  readonly metrics = new MetricsRegistry();
  readonly network: Network;
  readonly replicas = new Map<Address, Replica>();
  /** Replica ids per service, in index order. */
  readonly serviceReplicas = new Map<string, Replica[]>();
  readonly serviceStats = new Map<string, RequestStats>();
  readonly clientStats = new Map<string, RequestStats>();
  readonly clients: Client[] = [];
  /** Every caller and the service it calls. */
  private readonly callerList: { readonly caller: Caller; readonly service: string }[] = [];
  readonly series: TimeSeries;
  readonly faults: FaultInterval[];
  readonly trace: TraceSink | undefined;
  /** The parts of the subsystems this scenario uses, by subsystem name, in registry order. */
  readonly parts = new Map<string, SubsystemRun>();
  /** Endpoints set by a subsystem, by service; a service absent here balances over all its replicas. */
  private readonly endpoints = new Map<string, readonly { readonly id: Address; readonly weight?: number }[]>();
  private readonly buildListeners: BuildListener[] = [];

  constructor(readonly scenario: Scenario, readonly seed: number, options: WorldOptions = {}) {
    this.trace = options.trace;
    this.streams = new RngStreams(seed);
    this.network = new Network(this.sim, scenario.network, this.streams.get('network'));
    // At most MAX_WINDOWS points, so a very long validation run cannot fill memory with windows.
    this.series = new TimeSeries(Math.max(scenario.windowMs, scenario.durationMs / MAX_WINDOWS));
    const subsystems = options.subsystems ?? SUBSYSTEMS;
    for (const subsystem of subsystems) {
      const part = subsystem.attach(this);
      if (part !== undefined) this.parts.set(subsystem.name, part);
    }
    const parts = [...this.parts.values()];
    this.buildServices(subsystems);
    this.connectServices();
    this.buildClients(parts);
    for (const part of parts) part.start?.();
    this.faults = scheduleFaults(this.sim, scenario.faults, this.replicas, this.network, scenario.durationMs, parts);
    this.metrics.enabled = scenario.warmupMs === 0;
    if (scenario.warmupMs > 0) this.sim.at(scenario.warmupMs, () => this.endWarmup());
    for (const client of this.clients) client.start();
  }

  /** Run to the scenario's end. Returns false if interrupted. */
  run(onProgress?: (progress: Progress) => void): boolean {
    const done = this.sim.run({ untilMs: this.scenario.durationMs, onProgress });
    if (done) this.series.finish(this.scenario.durationMs);
    return done;
  }

  // --- WorldHost: what subsystems may use --------------------------------------------------

  env(address: Address, prefix = address): SimEnv {
    return new SimEnv(this.sim, this.streams, address, this.network, this.metrics, this.trace, prefix);
  }

  addReplica(service: string, replica: Replica): void {
    this.replicas.set(replica.id, replica);
    let list = this.serviceReplicas.get(service);
    if (list === undefined) this.serviceReplicas.set(service, (list = []));
    list.push(replica);
  }

  replicasOf(service: string): readonly Replica[] {
    return this.serviceReplicas.get(service) ?? [];
  }

  callers(): readonly { readonly caller: Caller; readonly service: string }[] {
    return this.callerList;
  }

  /**
   * The caller at `address` towards `service`: its own Env (random streams namespaced by
   * caller and target), balancer and resilience components.
   */
  callerFor(address: Address, service: string, balancer: BalancerSpec, options: CallerOptions): Caller {
    const env = this.env(address, `${address}->${service}`);
    const lb = new Balancer(createPolicy(balancer.policy, env, balancer.options), { panicThresholdPercent: balancer.panicThresholdPercent });
    const weights = this.scenario.services.get(service)!.weights;
    const set = this.endpoints.get(service);
    lb.setHosts(set === undefined ? this.serviceReplicas.get(service)!.map((r, i) => ({ id: r.id, weight: weights?.[i] ?? 1 })) : set.map((e) => ({ id: e.id, weight: e.weight ?? 1 })));
    const caller = new Caller({ env, network: this.network, address, balancer: lb, receivers: this.replicas, ...options });
    this.callerList.push({ caller, service });
    for (const listener of this.buildListeners) listener.callerBuilt?.(caller, service);
    return caller;
  }

  buildReplica(service: string, id: Address, capacity?: ReplicaCapacity): Replica {
    const spec = this.scenario.services.get(service)!;
    const replica = this.makeReplica(service, id, spec, this.serviceStats.get(service)!, capacity);
    this.connectReplica(replica, spec);
    for (const listener of this.buildListeners) listener.replicaBuilt?.(service, replica);
    return replica;
  }

  setEndpoints(service: string, endpoints: readonly { readonly id: Address; readonly weight?: number }[]): void {
    this.endpoints.set(service, endpoints);
    for (const entry of this.callerList) if (entry.service === service) entry.caller.setHosts(endpoints);
  }

  onBuild(listener: BuildListener): void {
    this.buildListeners.push(listener);
  }

  private buildServices(subsystems: readonly Subsystem[]): void {
    for (const [name, spec] of this.scenario.services) {
      const stats = new RequestStats();
      this.serviceStats.set(name, stats);
      // A subsystem's service is built, wired and preloaded by its part.
      const owner = subsystems.find((subsystem) => subsystem.ownsService?.(spec) === true);
      if (owner !== undefined) {
        this.parts.get(owner.name)!.buildService!(name, spec, stats);
        continue;
      }
      this.serviceReplicas.set(name, []);
      for (let i = 0; i < spec.replicas; i++) this.makeReplica(name, `${name}-${i}`, spec, stats);
    }
  }

  /** A replica of a plain service, registered, answering health checks while up. */
  private makeReplica(service: string, id: Address, spec: ServiceSpec, stats: RequestStats, capacity?: ReplicaCapacity): Replica {
    const replica = new Replica({ sim: this.sim, network: this.network, id, service, spec, stats,
      errorRng: this.streams.get(`${id}/errors`), demandRng: this.streams.get(`${id}/demand`), ...(capacity === undefined ? {} : { capacity }) });
    this.addReplica(service, replica);
    // Answer active health checks while up; a crashed process answers nothing.
    this.network.listen(id, (from, message) => {
      const reply = replica.node.up ? healthCheckReply(message) : undefined;
      if (reply !== undefined) this.network.send(id, from, reply);
    });
    return replica;
  }

  private connectServices(): void {
    for (const [name, spec] of this.scenario.services) {
      for (const replica of this.serviceReplicas.get(name)!) this.connectReplica(replica, spec);
    }
  }

  /** A caller for each of the replica's downstream calls (after every replica of the start exists). */
  private connectReplica(replica: Replica, spec: ServiceSpec): void {
    const steps: DownstreamStep[] = spec.calls.map((call) => {
      const callee = this.scenario.services.get(call.service)!;
      const caller = this.callerFor(replica.id, call.service, spec.balancer,
        { timeoutMs: spec.callTimeoutMs, requestSizeBytes: callee.requestSizeBytes, resilience: spec.resilience, demand: sampler(callee.serviceTime) });
      return { spec: call, caller, demand: sampler(callee.serviceTime) };
    });
    replica.connect(steps);
  }

  private buildClients(parts: readonly SubsystemRun[]): void {
    for (const [name, spec] of this.scenario.clients) {
      const target = this.scenario.services.get(spec.target)!;
      const callers: Caller[] = [];
      for (let i = 0; i < spec.instances; i++) {
        const address = `${name}-${i}`;
        callers.push(this.callerFor(address, spec.target, spec.balancer,
          { timeoutMs: spec.timeoutMs, requestSizeBytes: target.requestSizeBytes, resilience: spec.resilience, demand: sampler(target.serviceTime) }));
      }
      const stats = new RequestStats();
      this.clientStats.set(name, stats);
      const arrival = spec.arrival;
      const think = arrival.process === 'closed' ? sampler(arrival.thinkTime) : () => 0;
      // Streams named after the client only: the policy under test never shifts them.
      this.clients.push(new Client({
        sim: this.sim,
        name,
        arrival,
        callers,
        demand: sampler(target.serviceTime),
        thinkTime: think,
        streams: {
          demand: this.streams.get(`workload/${name}/demand`),
          arrivals: this.streams.get(`workload/${name}/arrivals`),
          think: this.streams.get(`workload/${name}/think`),
          keys: this.streams.get(`workload/${name}/keys`),
        },
        sinks: { stats, series: this.series },
        warmupMs: this.scenario.warmupMs,
        trace: this.trace && ((record) => this.trace!({ ...record, at: `${name}` })),
        keys: spec.keys && keySampler(spec.keys),
        onIssue: clientHook(parts, name, spec),
      }));
    }
  }

  private endWarmup(): void {
    const now = this.sim.now();
    for (const replica of this.replicas.values()) replica.node.resetStats(now);
    this.metrics.enabled = true;
    this.network.dropped = 0;
  }
}

/** The hook of the first subsystem that has one for this client. */
function clientHook(parts: readonly SubsystemRun[], name: string, spec: ClientSpec): ((call: Call) => void) | undefined {
  for (const part of parts) {
    const hook = part.clientHook?.(name, spec);
    if (hook !== undefined) return hook;
  }
  return undefined;
}
