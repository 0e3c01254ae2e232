/**
 * Service discovery (`discovery:` in a scenario): a registry at address "registry", an
 * agent beside each replica that registers it and heartbeats (and stops when the process
 * crashes), and a watcher beside each caller that polls the registry and feeds the
 * caller's balancer. The components are components/discovery; this wires them into a World.
 */
import { Registry, RegistryAgent, RegistryWatcher } from '../../components/discovery/index';
import type { DiscoverySpec } from './discovery-spec';
import type { Subsystem, SubsystemRun } from '../subsystem/subsystem';
import type { WorldHost } from '../subsystem/world-host';
import type { Caller } from '../request/caller';
import type { Replica } from '../request/replica';
import { discoveryScenarioPart } from './discovery-scenario-part';

/** Address of the service registry. */
export const REGISTRY = 'registry';

export const discoverySubsystem: Subsystem = {
  name: 'discovery',
  scenario: discoveryScenarioPart,
  attach: (world) => (world.scenario.discovery === undefined ? undefined : new DiscoveryRun(world, world.scenario.discovery)),
};

class DiscoveryRun implements SubsystemRun {
  constructor(private readonly world: WorldHost, private readonly spec: DiscoverySpec) {}

  start(): void {
    const { world, spec } = this;
    const registry = new Registry(world.env(REGISTRY), { ttlMs: spec.ttlMs, deregisterCriticalAfterMs: spec.deregisterCriticalAfterMs });
    world.network.listen(REGISTRY, (from, message) => registry.receive(from, message));
    for (const [service, serviceSpec] of world.scenario.services) {
      world.replicasOf(service).forEach((replica, index) => this.register(service, replica, serviceSpec.weights?.[index] ?? 1));
    }
    for (const { caller, service } of world.callers()) this.watch(caller, service);
    // Replicas and callers built later (a subsystem's pods) register and watch the same way.
    world.onBuild({ replicaBuilt: (service, replica) => this.register(service, replica, 1), callerBuilt: (caller, service) => this.watch(caller, service) });
  }

  /** An agent beside `replica` that registers it and heartbeats while its process is up. */
  private register(service: string, replica: Replica, weight: number): void {
    const { world, spec } = this;
    const agent = new RegistryAgent(world.env(replica.id, `${replica.id}/registry`), {
      registry: REGISTRY, service, id: replica.id, ttlMs: spec.ttlMs, heartbeatIntervalMs: spec.heartbeatIntervalMs, weight,
    });
    replica.lifecycle.push({ crashed: () => agent.stop({ deregister: false }), restarted: () => agent.start() });
    agent.start();
  }

  /** A watcher beside `caller` that polls the registry and feeds its balancer. */
  private watch(caller: Caller, service: string): void {
    const { world, spec } = this;
    const watcher = new RegistryWatcher(world.env(caller.address, `${caller.address}->${service}/discovery`), { registry: REGISTRY, pollIntervalMs: spec.pollIntervalMs });
    world.network.listen(caller.address, (from, message) => watcher.receive(from, message));
    watcher.subscribe(service, (endpoints) => caller.setHosts(endpoints));
    watcher.start();
  }
}
