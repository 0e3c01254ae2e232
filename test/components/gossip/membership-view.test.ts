import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MemberDirectory,
  MembershipView,
  SharedBaseline,
  packEntry,
  snapshotEntry,
  stateAlive,
  stateDead,
  stateLeft,
  stateSuspect,
  stateUnknown,
} from '../../../components/gossip/index';

const size = 12;
const states = [stateUnknown, stateAlive, stateSuspect, stateDead, stateLeft];

type Op =
  | { kind: 'set'; view: number; index: number; state: number; incarnation: number }
  | { kind: 'compact' }
  | { kind: 'rebase'; view: number }
  | { kind: 'detach'; view: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('set' as const), view: fc.nat(3), index: fc.nat(size - 1), state: fc.constantFrom(...states), incarnation: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'compact' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rebase' as const), view: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('detach' as const), view: fc.nat(3) }) },
);

function setup() {
  const directory = new MemberDirectory();
  const names = Array.from({ length: size }, (_, i) => `m-${i}`);
  for (const name of names) directory.intern(name);
  const baseline = SharedBaseline.agreed(directory, names.slice(0, 8));
  // Views 0-2 share the baseline, view 3 has none; the reference is a plain array per view.
  const views = [0, 1, 2, 3].map((v) => new MembershipView(directory, v < 3 ? baseline : null));
  const reference = views.map((view) => Array.from({ length: size }, (_, i) => view.entry(i)));
  return { directory, baseline, views, reference };
}

describe('MembershipView on a SharedBaseline', () => {
  it('behaves as a plain array per member under sets, compactions, rebases and detaches', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const { baseline, views, reference } = setup();
        let now = 0;
        for (const o of ops) {
          now += 1;
          if (o.kind === 'set') {
            const packed = o.state === stateUnknown ? stateUnknown : packEntry(o.state, o.incarnation);
            views[o.view]!.set(o.index, packed, now);
            reference[o.view]![o.index] = packed;
          } else if (o.kind === 'compact') baseline.compact();
          else if (o.kind === 'rebase') views[o.view]!.rebase(baseline);
          else views[o.view]!.detach();
          for (const [v, view] of views.entries()) {
            view.checkInvariants();
            for (let i = 0; i < size; i++) expect(view.entry(i)).toBe(reference[v]![i]);
          }
        }
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('compaction promotes entries every view agrees on and frees their overrides', () => {
    const { baseline, views } = setup();
    const refuted = packEntry(stateAlive, 2);
    for (const view of views.slice(0, 3)) view.set(5, refuted, 1);
    expect(views[0]!.overrideCount).toBe(1);
    expect(baseline.compact()).toBe(1);
    expect(baseline.entry(5)).toBe(refuted);
    expect(views.slice(0, 3).map((view) => view.overrideCount)).toEqual([0, 0, 0]);
    expect(views[0]!.entry(5)).toBe(refuted);
  });

  it('never promotes a dead entry that is waiting to be reaped', () => {
    const { baseline, views } = setup();
    for (const view of views.slice(0, 3)) view.set(5, packEntry(stateDead, 1), 1);
    expect(baseline.compact()).toBe(0);
    for (const view of views.slice(0, 3)) view.set(5, stateUnknown, 2); // reaped everywhere
    expect(baseline.compact()).toBe(1);
    expect(baseline.entry(5)).toBe(stateUnknown);
  });

  it('a snapshot keeps its values after the baseline is compacted (copy-on-write)', () => {
    const { baseline, views } = setup();
    const before = views[1]!.snapshot();
    for (const view of views.slice(0, 3)) view.set(6, packEntry(stateAlive, 7), 1);
    baseline.compact();
    expect(snapshotEntry(before, 6)).toBe(packEntry(stateAlive, 1));
    expect(snapshotEntry(views[1]!.snapshot(), 6)).toBe(packEntry(stateAlive, 7));
  });

  it('tracks known members and dead timestamps', () => {
    const { views } = setup();
    const view = views[0]!;
    expect(view.knownCount).toBe(8);
    view.set(9, packEntry(stateAlive, 1), 0);
    view.set(2, packEntry(stateDead, 1), 50);
    expect(view.knownCount).toBe(9);
    expect(view.deadSince(2)).toBe(50);
    view.set(2, packEntry(stateAlive, 2), 60);
    expect(view.deadSince(2)).toBeUndefined();
  });
});
