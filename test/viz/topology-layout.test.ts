import { describe, expect, it } from 'vitest';
import type { Topology, TopologyService } from '../../models/observe/observe';
import { layoutTopology, type Glyph } from '../../viz/views/topology-layout';

function service(name: string, replicas: number, calls: string[] = []): TopologyService {
  return { name, replicas: Array.from({ length: replicas }, (_, i) => `${name}-${i}`), cores: 1, discipline: 'fifo', calls, policy: 'round-robin' };
}

function topology(services: TopologyService[], target = services[0]!.name): Topology {
  return {
    scenario: 't', seed: 1, durationMs: 1000, warmupMs: 0, windowMs: 100, intervalMs: 100,
    services,
    clients: [{ name: 'load', target, addresses: ['load-0', 'load-1'], policy: 'random' }],
    nodes: services.flatMap((s) => s.replicas),
    faults: [],
    parts: {},
    warnings: [],
  };
}

/** Glyphs are squares of side `size` centred on (x, y). */
function overlaps(a: Glyph, b: Glyph, size: number): boolean {
  return Math.abs(a.x - b.x) < size && Math.abs(a.y - b.y) < size;
}

describe('layoutTopology', () => {
  it('puts clients left and services in columns by call depth', () => {
    const layout = layoutTopology(topology([service('front', 3, ['mid', 'db']), service('mid', 2, ['db']), service('db', 2)]), 900, 400);
    const x = (id: string) => layout.positions.get(id)!.x;
    expect(x('load-0')).toBeLessThan(x('front-0'));
    expect(x('front-0')).toBeLessThan(x('mid-0'));
    expect(x('mid-0')).toBeLessThan(x('db-0')); // db is called by mid, so one column further
    expect(layout.positions.get('load-1')).toBe(layout.positions.get('load-0')); // instances share the client's glyph
  });

  it('stacks a few replicas with labels, and fans edges out to each of them', () => {
    const layout = layoutTopology(topology([service('api', 3)]), 600, 320);
    expect(layout.labels).toBe(true);
    expect(layout.size).toBe(56);
    expect(new Set(layout.replicas.map((g) => g.x)).size).toBe(1); // one column
    expect(layout.edges.filter((e) => !e.bundled)).toHaveLength(3);
  });

  it('fits 1,000 replicas inside the drawing without overlap, with one bundled edge', () => {
    const layout = layoutTopology(topology([service('svc', 1000)]), 640, 300);
    expect(layout.replicas).toHaveLength(1000);
    expect(layout.labels).toBe(false);
    for (const g of layout.replicas) {
      expect(g.x - layout.size / 2).toBeGreaterThanOrEqual(0);
      expect(g.x + layout.size / 2).toBeLessThanOrEqual(640);
      expect(g.y - layout.size / 2).toBeGreaterThanOrEqual(0);
      expect(g.y + layout.size / 2).toBeLessThanOrEqual(300);
    }
    const sorted = [...layout.replicas].sort((a, b) => a.y - b.y || a.x - b.x);
    for (let i = 1; i < sorted.length; i++) expect(overlaps(sorted[i - 1]!, sorted[i]!, layout.size)).toBe(false);
    expect(layout.edges).toEqual([expect.objectContaining({ bundled: true })]);
  });

  it('orders replica glyphs as the topology lists its nodes', () => {
    const t = topology([service('a', 2), service('b', 2)]);
    expect(layoutTopology(t, 500, 300).replicas.map((g) => g.id)).toEqual(t.nodes);
  });
});
