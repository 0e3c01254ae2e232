import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../../models/scenario/errors';
import { loadScenario, SCENARIO_LANGUAGE } from '../../../planner/scenario-file';

const scenario = (faults: string) => `
name: g
seed: 1
duration: 60s
network: { latency: 1ms }
services:
  api: { serviceTime: 1ms }
  members: { kind: gossip, replicas: 5 }
clients:
  load: { target: api, arrival: { process: poisson, rate: 1/s } }
faults:
${faults}
`;

function problems(text: string): string[] {
  try {
    loadScenario(text, 'g.yaml');
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems.map((p) => `${p.path}: ${p.message} (hint: ${p.hint ?? ''})`);
    throw error;
  }
  return [];
}

describe("gossip's part of the scenario language", () => {
  it('normalises join and leave with the nodes they name', () => {
    const s = loadScenario(scenario('  - { at: 10s, join: members, count: 2 }\n  - { at: 20s, leave: members-3 }\n  - { at: 30s, leave: members, for: 5s }'), 'g.yaml');
    expect(s.faults).toEqual([
      { kind: 'join', atMs: 10_000, service: 'members', count: 2 },
      { kind: 'leave', atMs: 20_000, targets: ['members-3'] },
      { kind: 'leave', atMs: 30_000, forMs: 5000, targets: ['members-0', 'members-1', 'members-2', 'members-3', 'members-4'] },
    ]);
    expect([...s.gossip!.keys()]).toEqual(['members']);
    expect([...s.services.keys()]).toEqual(['api']);
  });

  it('refuses a join of a service that does not gossip, and a leave of a node that is not a member', () => {
    expect(problems(scenario('  - { at: 10s, join: api }\n  - { at: 20s, leave: api-0 }\n  - { at: 20s, leave: members-7 }'))).toEqual([
      'faults.0.join: join needs a gossip cluster, got "api" (hint: gossip clusters: members)',
      'faults.1.leave: leave needs a gossip cluster or one of its members, got "api-0" (hint: gossip clusters: members)',
      'faults.2.leave: leave needs a gossip cluster or one of its members, got "members-7" (hint: gossip clusters: members)',
    ]);
  });

  it('counts its protocol rounds in the run-size estimate', () => {
    const s = loadScenario(scenario('  []'), 'g.yaml');
    // 5 members × 60 s × (a probe per 1 s + a gossip round per 200 ms) + 60 client requests.
    expect(SCENARIO_LANGUAGE.expectedRequests(s)).toBeCloseTo(5 * 60 * (1 + 5) + 60, 6);
  });
});
