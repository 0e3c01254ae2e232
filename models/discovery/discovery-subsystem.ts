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
      world.replicasOf(service).forEach((replica, index) => {
        const agent = new RegistryAgent(world.env(replica.id, `${replica.id}/registry`), {
          registry: REGISTRY, service, id: replica.id, ttlMs: spec.ttlMs, heartbeatIntervalMs: spec.heartbeatIntervalMs,
          weight: serviceSpec.weights?.[index] ?? 1,
        });
        replica.lifecycle.push({ crashed: () => agent.stop({ deregister: false }), restarted: () => agent.start() });
        agent.start();
      });
    }
    for (const { caller, service } of world.callers()) {
      const watcher = new RegistryWatcher(world.env(caller.address, `${caller.address}->${service}/discovery`), { registry: REGISTRY, pollIntervalMs: spec.pollIntervalMs });
      world.network.listen(caller.address, (from, message) => watcher.receive(from, message));
      watcher.subscribe(service, (endpoints) => caller.setHosts(endpoints));
      watcher.start();
    }
  }
}
