import { Balancer } from '../../components/balancer/balancer';
import { healthCheckReply } from '../../components/resilience/health-checker';
import { createPolicy } from '../../components/balancer/policies';
import type { Address } from '../../sim/env';
import { MetricsRegistry } from '../../sim/metrics';
import { RngStreams } from '../../sim/rng';
import { SimEnv, type TraceSink } from '../../sim/sim-env';
import { Simulation, type Progress } from '../../sim/simulation';
import { Caller, type CallerOptions } from '../request/caller';
import { Client } from '../request/client';
import { keySampler } from '../sampling/keys';
import { sampler } from '../sampling/distributions';
import { scheduleFaults, type FaultInterval } from './faults';
import { Network } from '../request/network';
import { Replica, type DownstreamStep } from '../request/replica';
import { RequestStats } from '../request/request-stats';
import type { BalancerSpec, DiscoverySpec, Scenario } from '../scenario/types';
import { Registry } from '../../components/discovery/registry';
import { RegistryAgent } from '../../components/discovery/registry-agent';
import { RegistryWatcher } from '../../components/discovery/registry-watcher';
import { TimeSeries } from './time-series';
import { KvCluster } from '../kv/kv-cluster';
import { kvWorkload } from '../kv/kv-workload';
import { WINDOWS_PER_REPLICATION_MAX } from '../scenario/run-size';

/** Upper bound on time-series windows per run; longer runs get wider windows. The loader's run-size check uses the same bound. */
export const MAX_WINDOWS = WINDOWS_PER_REPLICATION_MAX;

/** Address of the service registry when the scenario has `discovery`. */
export const REGISTRY = 'registry';

export interface WorldOptions {
  readonly trace?: TraceSink;
}

/**
 * One replication of a scenario, built and ready to run: the simulation, the network,
 * every replica and client, their balancers and the faults. `run` advances it; the
 * result is read from the public fields by `collectResult`.
 */
export class World {
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
  readonly callers: { readonly caller: Caller; readonly service: string }[] = [];
  readonly series: TimeSeries;
  readonly faults: FaultInterval[];
  /** The kv services (`kind: kv`), by name. */
  readonly kv = new Map<string, KvCluster>();

  constructor(readonly scenario: Scenario, readonly seed: number, private readonly options: WorldOptions = {}) {
    this.streams = new RngStreams(seed);
    this.network = new Network(this.sim, scenario.network, this.streams.get('network'));
    // At most MAX_WINDOWS points, so a very long validation run cannot fill memory with windows.
    this.series = new TimeSeries(Math.max(scenario.windowMs, scenario.durationMs / MAX_WINDOWS));
    this.buildServices();
    this.connectServices();
    this.buildClients();
    if (scenario.discovery !== undefined) this.startDiscovery(scenario.discovery);
    this.faults = scheduleFaults(this.sim, scenario.faults, this.replicas, this.network, scenario.durationMs,
      { change: (fault) => this.kv.get(fault.service)!.change(fault) });
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

  /**
   * The caller at `address` towards `service`: its own Env (random streams namespaced by
   * caller and target), balancer and resilience components.
   */
  callerFor(address: Address, service: string, balancer: BalancerSpec, options: CallerOptions): Caller {
    const env = new SimEnv(this.sim, this.streams, address, this.network, this.metrics, this.options.trace, `${address}->${service}`);
    const lb = new Balancer(createPolicy(balancer.policy, env, balancer.options), { panicThresholdPercent: balancer.panicThresholdPercent });
    const weights = this.scenario.services.get(service)!.weights;
    lb.setHosts(this.serviceReplicas.get(service)!.map((r, i) => ({ id: r.id, weight: weights?.[i] ?? 1 })));
    const caller = new Caller(env, this.network, address, lb, this.replicas, options);
    this.callers.push({ caller, service });
    return caller;
  }

  private buildServices(): void {
    for (const [name, spec] of this.scenario.services) {
      const stats = new RequestStats();
      this.serviceStats.set(name, stats);
      if (spec.kv !== undefined) {
        // KV store nodes: built, wired and preloaded by their cluster (models/kv).
        const cluster = new KvCluster(this, name, spec, stats);
        this.kv.set(name, cluster);
        this.serviceReplicas.set(name, [...cluster.replicas]);
        continue;
      }
      const list: Replica[] = [];
      for (let i = 0; i < spec.replicas; i++) {
        const id = `${name}-${i}`;
        const replica = new Replica(this.sim, this.network, id, name, spec, stats,
          this.streams.get(`${id}/errors`), this.streams.get(`${id}/demand`));
        this.replicas.set(id, replica);
        list.push(replica);
        // Answer active health checks while up; a crashed process answers nothing.
        this.network.listen(id, (from, message) => {
          const reply = replica.node.up ? healthCheckReply(message) : undefined;
          if (reply !== undefined) this.network.send(id, from, reply);
        });
      }
      this.serviceReplicas.set(name, list);
    }
  }

  private connectServices(): void {
    for (const [name, spec] of this.scenario.services) {
      for (const replica of this.serviceReplicas.get(name)!) {
        const steps: DownstreamStep[] = spec.calls.map((call) => {
          const callee = this.scenario.services.get(call.service)!;
          const caller = this.callerFor(replica.id, call.service, spec.balancer,
            { timeoutMs: spec.callTimeoutMs, requestSizeBytes: callee.requestSizeBytes, resilience: spec.resilience, demand: sampler(callee.serviceTime) });
          return { spec: call, caller, demand: sampler(callee.serviceTime) };
        });
        replica.connect(steps);
      }
    }
  }

  private buildClients(): void {
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
      this.clients.push(new Client(this.sim, name, arrival, callers, sampler(target.serviceTime),
        this.streams.get(`workload/${name}/demand`), this.streams.get(`workload/${name}/arrivals`),
        this.streams.get(`workload/${name}/think`), think, { stats, series: this.series }, this.scenario.warmupMs,
        this.options.trace && ((record) => this.options.trace!({ ...record, at: `${name}` })),
        spec.keys && keySampler(spec.keys), this.streams.get(`workload/${name}/keys`),
        spec.kv && kvWorkload(spec.kv, this.streams.get(`workload/${name}/ops`))));
    }
  }

  /**
   * A registry at address "registry": each replica's agent registers and heartbeats (and
   * stops when the process crashes), each caller polls and feeds its balancer.
   */
  private startDiscovery(spec: DiscoverySpec): void {
    const env = (address: Address, prefix = address) =>
      new SimEnv(this.sim, this.streams, address, this.network, this.metrics, this.options.trace, prefix);
    const registry = new Registry(env(REGISTRY), { ttlMs: spec.ttlMs, deregisterCriticalAfterMs: spec.deregisterCriticalAfterMs });
    this.network.listen(REGISTRY, (from, message) => registry.receive(from, message));
    for (const [service, replicas] of this.serviceReplicas) {
      for (const replica of replicas) {
        const agent = new RegistryAgent(env(replica.id, `${replica.id}/registry`), {
          registry: REGISTRY, service, id: replica.id, ttlMs: spec.ttlMs, heartbeatIntervalMs: spec.heartbeatIntervalMs,
          weight: this.scenario.services.get(service)!.weights?.[replicas.indexOf(replica)] ?? 1,
        });
        replica.lifecycle.push({ crashed: () => agent.stop({ deregister: false }), restarted: () => agent.start() });
        agent.start();
      }
    }
    for (const { caller, service } of this.callers) {
      const watcherEnv = env(caller.address, `${caller.address}->${service}/discovery`);
      const watcher = new RegistryWatcher(watcherEnv, { registry: REGISTRY, pollIntervalMs: spec.pollIntervalMs });
      this.network.listen(caller.address, (from, message) => watcher.receive(from, message));
      watcher.subscribe(service, (endpoints) => caller.setHosts(endpoints));
      watcher.start();
    }
  }

  private endWarmup(): void {
    const now = this.sim.now();
    for (const replica of this.replicas.values()) replica.node.resetStats(now);
    this.metrics.enabled = true;
    this.network.dropped = 0;
  }
}
