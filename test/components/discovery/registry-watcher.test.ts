import { describe, expect, it } from 'vitest';
import { Balancer } from '../../../components/balancer/balancer';
import { roundRobinPolicy } from '../../../components/balancer/round-robin';
import { Registry } from '../../../components/discovery/registry';
import { RegistryAgent } from '../../../components/discovery/registry-agent';
import { RegistryWatcher } from '../../../components/discovery/registry-watcher';
import { ScriptedNetwork } from '../../support/scripted-env';

/** A registry, three instances of 'api' with agents, and a client whose balancer follows a watcher. */
function world() {
  const network = new ScriptedNetwork(4);
  network.autoDeliver(5);
  const registryEnv = network.env('registry');
  const registry = new Registry(registryEnv);
  registryEnv.listen((from, message) => registry.receive(from, message));
  const agents = ['api-1', 'api-2', 'api-3'].map(
    (id) => new RegistryAgent(network.env(id), { registry: 'registry', service: 'api', id }),
  );
  const clientEnv = network.env('client');
  const watcher = new RegistryWatcher(clientEnv, { registry: 'registry' });
  clientEnv.listen((from, message) => watcher.receive(from, message));
  const balancer = new Balancer(roundRobinPolicy());
  watcher.subscribe('api', (endpoints) => balancer.setHosts(endpoints));
  const hosts = (): string[] => balancer.endpoints().map((h) => h.id);
  for (const agent of agents) agent.start();
  watcher.start();
  return { network, registry, agents, watcher, balancer, hosts, clock: network.clock };
}

describe('RegistryWatcher', () => {
  it('delivers the registry’s view to the balancer one round trip after start', () => {
    const { clock, hosts, watcher } = world();
    clock.advance(9);
    expect(hosts()).toEqual([]);
    clock.advance(1);
    expect(hosts()).toEqual(['api-1', 'api-2', 'api-3']);
    expect(watcher.endpoints('api')).toHaveLength(3);
  });

  it('propagates a crash after the TTL plus at most one poll interval and a round trip', () => {
    const { clock, hosts, agents } = world();
    clock.advanceTo(20_000);
    agents[1]!.stop({ deregister: false }); // last heartbeat sent at 18 s, arrived 18.005 s
    clock.advanceTo(28_004);
    expect(hosts()).toContain('api-2');
    clock.advanceTo(28_005 + 1_000 + 10);
    expect(hosts()).toEqual(['api-1', 'api-3']);
  });

  it('propagates a restart within one poll interval and a round trip', () => {
    const { clock, hosts, agents } = world();
    clock.advanceTo(20_000);
    agents[1]!.stop({ deregister: false });
    clock.advanceTo(40_000);
    expect(hosts()).toEqual(['api-1', 'api-3']);
    agents[1]!.start();
    clock.advanceTo(40_005 + 1_000 + 10);
    expect(hosts()).toEqual(['api-1', 'api-2', 'api-3']);
  });

  it('propagates a graceful shutdown without waiting for the TTL', () => {
    const { clock, hosts, agents } = world();
    clock.advanceTo(5_000);
    agents[0]!.stop();
    clock.advance(5 + 1_000 + 10);
    expect(hosts()).toEqual(['api-2', 'api-3']);
  });

  it('keeps its last view while the registry is unreachable', () => {
    const { network, clock, hosts, agents } = world();
    clock.advanceTo(5_000);
    network.isolate('client');
    agents[0]!.stop();
    clock.advance(10_000);
    expect(hosts()).toEqual(['api-1', 'api-2', 'api-3']);
    network.heal();
    clock.advance(1_010);
    expect(hosts()).toEqual(['api-2', 'api-3']);
  });

  it('ignores snapshots older than its view and messages from elsewhere', () => {
    const network = new ScriptedNetwork();
    const watcher = new RegistryWatcher(network.env('client'), { registry: 'registry' });
    const seen: number[] = [];
    watcher.subscribe('api', (endpoints) => seen.push(endpoints.length));
    const snapshot = (index: number, count: number) => ({
      type: 'registry.snapshot',
      service: 'api',
      index,
      endpoints: Array.from({ length: count }, (_, i) => ({ id: `h${i}` })),
    });
    expect(watcher.receive('registry', snapshot(5, 2))).toBe(true);
    watcher.receive('registry', snapshot(4, 1));
    expect(watcher.receive('intruder', snapshot(9, 3))).toBe(false);
    watcher.receive('registry', snapshot(6, 3));
    expect(seen).toEqual([2, 3]);
  });

  it('stop() cancels polling', () => {
    const network = new ScriptedNetwork();
    const watcher = new RegistryWatcher(network.env('client'), { registry: 'registry' });
    watcher.subscribe('api', () => {});
    watcher.start();
    watcher.stop();
    expect(network.clock.pendingTimerCount()).toBe(0);
    expect(() => new RegistryWatcher(network.env('c'), { registry: 'r', pollIntervalMs: -1 })).toThrow(
      'registry-watcher: pollIntervalMs must be a number in (0, 3600000], got -1',
    );
  });
});
