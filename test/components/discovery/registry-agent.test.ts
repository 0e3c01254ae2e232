import { describe, expect, it } from 'vitest';
import { RegistryAgent } from '../../../components/discovery/registry-agent';
import { ScriptedNetwork } from '../../support/scripted-env';

function setup() {
  const network = new ScriptedNetwork(1);
  const env = network.env('api-1');
  const agent = new RegistryAgent(env, { registry: 'registry', service: 'api', id: 'api-1' });
  return { network, env, agent };
}

describe('RegistryAgent', () => {
  it('registers on start, then heartbeats every 3 s with the full registration', () => {
    const { network, env, agent } = setup();
    agent.start();
    env.advance(9_000);
    expect(network.log.map((m) => `${m.message.type}@${m.sentAtMs}`)).toEqual([
      'registry.register@0',
      'registry.heartbeat@3000',
      'registry.heartbeat@6000',
      'registry.heartbeat@9000',
    ]);
    expect(network.log[1]!.message).toEqual({ type: 'registry.heartbeat', service: 'api', id: 'api-1', weight: 1, ttlMs: 10_000 });
    expect(network.log.every((m) => m.to === 'registry')).toBe(true);
  });

  it('deregisters on a graceful stop and stays silent after a crash', () => {
    const graceful = setup();
    graceful.agent.start();
    graceful.agent.stop();
    expect(graceful.network.log.map((m) => m.message.type)).toEqual(['registry.register', 'registry.deregister']);

    const crash = setup();
    crash.agent.start();
    crash.agent.stop({ deregister: false });
    crash.env.advance(60_000);
    expect(crash.network.log.map((m) => m.message.type)).toEqual(['registry.register']);
    expect(crash.agent.running).toBe(false);
  });

  it('rejects a heartbeat interval that is not below the TTL', () => {
    const env = new ScriptedNetwork().env('x');
    const base = { registry: 'r', service: 'api', id: 'x' };
    expect(() => new RegistryAgent(env, { ...base, ttlMs: 3_000 })).toThrow(
      'registry-agent: heartbeatIntervalMs must be below ttlMs (3000), got 3000',
    );
    expect(() => new RegistryAgent(env, { ...base, heartbeatIntervalMs: 20_000 })).toThrow(
      'registry-agent: heartbeatIntervalMs must be a number in (0, 10000], got 20000',
    );
  });
});
