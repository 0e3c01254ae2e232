import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoundedLoadRing } from '../../../components/ring/bounded-load-ring';
import { HashRing } from '../../../components/ring/hash-ring';
import { JumpHash } from '../../../components/ring/jump-hash';
import { MaglevHash } from '../../../components/ring/maglev-hash';
import type { Placement } from '../../../components/ring/placement';
import { RendezvousHash } from '../../../components/ring/rendezvous-hash';

// Every Placement against a trivial model (the list of nodes): random adds and removes,
// then lookups must land on a current node and invariants must hold.
const makers: Record<string, () => Placement> = {
  'hash-ring': () => new HashRing({ vnodes: 16 }),
  jump: () => new JumpHash(),
  rendezvous: () => new RendezvousHash(),
  maglev: () => new MaglevHash({ tableSize: 251 }),
  'bounded-load': () => new BoundedLoadRing({ vnodes: 16 }),
};

describe.each(Object.entries(makers))('Placement contract: %s', (name, make) => {
  it('reports its name', () => {
    expect(make().name).toBe(name);
  });

  it('matches the model under random adds and removes (property, seed 42)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(11), { minLength: 1, maxLength: 60 }), (ops) => {
        const placement = make();
        const model: string[] = [];
        for (const op of ops) {
          const node = `node-${op}`;
          if (model.includes(node)) {
            placement.remove(node);
            model.splice(model.indexOf(node), 1);
          } else {
            placement.add(node);
            model.push(node);
          }
          placement.checkInvariants();
          expect(placement.nodes()).toEqual(model);
          for (let k = 0; k < 5 && model.length > 0; k++) expect(model).toContain(placement.lookup(`key-${op}-${k}`));
        }
      }),
      { seed: 42, numRuns: 40 },
    );
  });

  it('throws on an empty placement, a duplicate and an unknown node, with the "ring:" prefix', () => {
    const placement = make();
    expect(() => placement.lookup('k')).toThrow(/^ring: /);
    placement.add('a');
    expect(() => placement.add('a')).toThrow(/^ring: .*already present/);
    expect(() => placement.remove('b')).toThrow(/^ring: .*unknown node "b"/);
  });
});
