import { describe, expect, it } from 'vitest';
import { discoveryDefaults } from '../../../components/discovery/defaults';
import { Registry, type RegistryOptions } from '../../../components/discovery/registry';
import { ScriptedNetwork } from '../../support/scripted-env';

function setup(options: RegistryOptions = {}) {
  const network = new ScriptedNetwork(1);
  const env = network.env('registry');
  const registry = new Registry(env, options);
  env.listen((from, message) => registry.receive(from, message));
  return { network, env, registry };
}

const ids = (registry: Registry, service = 'api'): string[] => registry.endpoints(service).map((e) => e.id);

describe('Registry', () => {
  it('has the documented defaults: TTL 10 s, removal 60 s after expiry, poll 1 s, heartbeat 3 s', () => {
    expect(setup().registry.settings).toEqual({ ttlMs: 10_000, deregisterCriticalAfterMs: 60_000, instancesMax: 100_000 });
    expect([discoveryDefaults.pollIntervalMs, discoveryDefaults.heartbeatIntervalMs]).toEqual([1_000, 3_000]);
  });

  it('lists passing registrations in registration order, with weights', () => {
    const { registry } = setup();
    registry.register('api', 'b');
    registry.register('api', 'a', { weight: 3 });
    registry.register('db', 'c');
    expect(registry.endpoints('api')).toEqual([
      { id: 'b', weight: 1 },
      { id: 'a', weight: 3 },
    ]);
    expect(registry.index('api')).toBe(2);
    expect(registry.endpoints('unknown')).toEqual([]);
  });

  it('expires a registration exactly ttlMs after its last heartbeat', () => {
    const { env, registry } = setup();
    registry.register('api', 'a');
    env.advance(4_000);
    expect(registry.heartbeat('api', 'a')).toBe(true);
    env.advance(9_999);
    expect(ids(registry)).toEqual(['a']);
    env.advance(1);
    expect(ids(registry)).toEqual([]);
    expect(registry.registrations('api')[0]!.status).toBe('critical');
    expect(env.metrics.counter('registry.expirations')).toBe(1);
    registry.checkInvariants();
  });

  it('stays passing while heartbeats come within the TTL, with one timer per entry', () => {
    const { env, registry } = setup();
    registry.register('api', 'a');
    for (let t = 0; t < 100; t++) {
      env.advance(3_000);
      registry.heartbeat('api', 'a');
      expect(env.clock.pendingTimerCount()).toBe(1);
    }
    expect(ids(registry)).toEqual(['a']);
    expect(registry.index('api')).toBe(1);
  });

  it('a heartbeat revives a critical registration, which then expires on time again', () => {
    const { env, registry } = setup();
    registry.register('api', 'a');
    env.advance(15_000);
    expect(ids(registry)).toEqual([]);
    registry.heartbeat('api', 'a');
    expect(ids(registry)).toEqual(['a']);
    env.advance(10_000);
    expect(ids(registry)).toEqual([]);
    expect(registry.index('api')).toBe(4);
  });

  it('removes a registration critical for deregisterCriticalAfterMs', () => {
    const { env, registry } = setup();
    registry.register('api', 'a');
    env.advance(69_999);
    expect(registry.registrations('api')).toHaveLength(1);
    env.advance(1);
    expect(registry.registrations('api')).toHaveLength(0);
    expect(env.metrics.counter('registry.removals')).toBe(1);
    expect(registry.heartbeat('api', 'a')).toBe(false);
    expect(env.clock.pendingTimerCount()).toBe(0);
    registry.checkInvariants();
  });

  it('deregister removes at once and tells local subscribers', () => {
    const { registry } = setup();
    const seen: string[][] = [];
    const unsubscribe = registry.subscribe('api', (endpoints) => seen.push(endpoints.map((e) => e.id)));
    registry.register('api', 'a');
    registry.register('api', 'b');
    registry.deregister('api', 'a');
    unsubscribe();
    registry.deregister('api', 'b');
    expect(seen).toEqual([['a'], ['a', 'b'], ['b']]);
  });

  it('speaks the message protocol: register, heartbeat, deregister, poll → snapshot', () => {
    const { network, registry } = setup();
    network.env('a').send('registry', { type: 'registry.register', service: 'api', id: 'a', ttlMs: 5_000 });
    network.env('b').send('registry', { type: 'registry.heartbeat', service: 'api', id: 'b', weight: 2 });
    network.env('client').send('registry', { type: 'registry.poll', service: 'api', index: 0 });
    network.env('b').send('registry', { type: 'registry.deregister', service: 'api', id: 'b' });
    network.deliverAll();
    const snapshot = network.log.find((m) => m.message.type === 'registry.snapshot')!;
    expect(snapshot.to).toBe('client');
    expect(snapshot.message).toEqual({
      type: 'registry.snapshot',
      service: 'api',
      index: 2,
      endpoints: [
        { id: 'a', weight: 1 },
        { id: 'b', weight: 2 },
      ],
    });
    expect(registry.registrations('api').map((r) => [r.id, r.ttlMs])).toEqual([['a', 5_000]]);
    expect(registry.receive('x', { type: 'gossip' })).toBe(false);
  });

  it('refuses registrations beyond instancesMax', () => {
    const { env, registry } = setup({ instancesMax: 2 });
    expect(['a', 'b', 'c'].map((id) => registry.register('api', id))).toEqual([true, true, false]);
    expect(env.metrics.counter('registry.overflow')).toBe(1);
  });

  it('rejects bad options and weights', () => {
    expect(() => setup({ ttlMs: 0 })).toThrow('registry: ttlMs must be a number in (0, 3600000], got 0');
    expect(() => setup({ ttl: 5 } as never)).toThrow(/unknown option "ttl"/);
    expect(() => setup().registry.register('api', 'a', { weight: 0 })).toThrow(/weight must be a number in \(0, 1000000\]/);
  });
});
