import { describe, expect, it } from 'vitest';
import { aliveUpdate, deadUpdate, suspectUpdate, type GossipMember, type MemberState } from '../../../components/gossip/index';
import { GossipWorld } from '../../support/gossip-env';

/** A member 'x' that knows 's' (and 'y', 'z'), with 's' brought to `state` at incarnation 1. */
function memberWith(state: MemberState): GossipMember {
  const world = new GossipWorld();
  const x = world.add('x', { bootstrap: 'converged', knownMembers: ['x', 's', 'y', 'z'], config: { timerPhase: 'aligned' } });
  x.start();
  const m = x.membership;
  const s = x.directory.indexOf('s');
  if (state === 'suspect') m.suspectNode(s, 1, 'y', null);
  if (state === 'dead') m.deadNode(s, 1, 'y', null);
  if (state === 'left') m.deadNode(s, 1, 's', null);
  expect(x.stateOf('s')).toEqual({ id: 's', state, incarnation: 1 });
  return x;
}

type Kind = 'alive' | 'suspect' | 'dead' | 'leave';

function apply(x: GossipMember, kind: Kind, incarnation: number): void {
  const update =
    kind === 'alive'
      ? aliveUpdate('s', incarnation)
      : kind === 'suspect'
        ? suspectUpdate('s', incarnation, 'z')
        : kind === 'dead'
          ? deadUpdate('s', incarnation, 'z')
          : deadUpdate('s', incarnation, 's');
  x.receive('z', { type: 'gossip', size: 0, updates: [update] });
}

// [current state at incarnation 1, update, update incarnation, expected state, expected incarnation]
const table: [MemberState, Kind, number, MemberState, number][] = [
  // alive j overrides anything when j > i, nothing otherwise
  ['alive', 'alive', 1, 'alive', 1],
  ['alive', 'alive', 2, 'alive', 2],
  ['suspect', 'alive', 1, 'suspect', 1],
  ['suspect', 'alive', 2, 'alive', 2],
  ['dead', 'alive', 1, 'dead', 1],
  ['dead', 'alive', 2, 'alive', 2], // a dead member rejoins with a higher incarnation
  ['left', 'alive', 2, 'alive', 2],
  // suspect j overrides alive when j >= i; on a suspect it only confirms; never on dead
  ['alive', 'suspect', 0, 'alive', 1],
  ['alive', 'suspect', 1, 'suspect', 1],
  ['alive', 'suspect', 2, 'suspect', 2],
  ['suspect', 'suspect', 2, 'suspect', 1],
  ['dead', 'suspect', 2, 'dead', 1],
  ['left', 'suspect', 1, 'left', 1],
  // dead j overrides alive and suspect when j >= i; dead and left are final
  ['alive', 'dead', 0, 'alive', 1],
  ['alive', 'dead', 1, 'dead', 1],
  ['suspect', 'dead', 1, 'dead', 1],
  ['suspect', 'dead', 2, 'dead', 2],
  ['dead', 'dead', 2, 'dead', 1],
  ['alive', 'leave', 1, 'left', 1],
  ['suspect', 'leave', 1, 'left', 1],
  ['dead', 'leave', 1, 'dead', 1],
];

describe('Membership precedence (SWIM §4.2, memberlist state.go)', () => {
  it.each(table)('%s@1 + %s@%i → %s@%i', (current, kind, incarnation, state, expectedIncarnation) => {
    const x = memberWith(current);
    apply(x, kind, incarnation);
    expect(x.stateOf('s')).toEqual({ id: 's', state, incarnation: expectedIncarnation });
    x.checkInvariants();
  });

  it('ignores updates about members it has never heard of, except alive', () => {
    const x = memberWith('alive');
    x.receive('z', { type: 'gossip', size: 0, updates: [suspectUpdate('new', 5, 'z'), deadUpdate('new', 5, 'z')] });
    expect(x.stateOf('new')).toBeUndefined();
    x.receive('z', { type: 'gossip', size: 0, updates: [aliveUpdate('new', 1)] });
    expect(x.stateOf('new')).toEqual({ id: 'new', state: 'alive', incarnation: 1 });
  });

  it('re-gossips the very record it applied, and nothing it ignored', () => {
    const x = memberWith('alive');
    const update = suspectUpdate('s', 1, 'z');
    x.receive('z', { type: 'gossip', size: 0, updates: [update] });
    expect(x.queue.pending()).toContain(update);
    const stale = aliveUpdate('s', 1);
    x.receive('z', { type: 'gossip', size: 0, updates: [stale] });
    expect(x.queue.pending()).not.toContain(stale);
  });

  it('refutes a suspicion about itself with a higher incarnation', () => {
    const x = memberWith('alive');
    x.receive('z', { type: 'gossip', size: 0, updates: [suspectUpdate('x', 1, 'z')] });
    expect(x.incarnation).toBe(2);
    expect(x.stateOf('x')).toEqual({ id: 'x', state: 'alive', incarnation: 2 });
    expect(x.queue.pending()).toContainEqual(aliveUpdate('x', 2));
    // An accusation at a higher incarnation is beaten by one more.
    x.receive('z', { type: 'gossip', size: 0, updates: [deadUpdate('x', 7, 'z')] });
    expect(x.incarnation).toBe(8);
    x.checkInvariants();
  });

  it('a leaving member accepts its own death as left', () => {
    const world = new GossipWorld();
    const [x] = world.cluster(['x', 'y']);
    x!.leave();
    expect(x!.stateOf('x')?.state).toBe('left');
    x!.checkInvariants();
  });

  it('a suspicion times out into dead after the minimum timeout when no confirmation is expected', () => {
    // n = 3: k = suspicionMult − 2 = 2 > n − 2, so k = 0 and the timeout is 4·max(1, log10 3)·1 s = 4 s.
    const world = new GossipWorld();
    const [a] = world.cluster(['a', 'b', 'c'], { pushPullIntervalMs: 0 });
    const changes: string[] = [];
    a!.subscribe((change) => change.id === 'c' && changes.push(`${world.now()} ${change.id} ${change.state}`));
    a!.membership.suspectNode(a!.directory.indexOf('c'), 1, 'b', null);
    // Every message is lost, so c cannot refute (a also comes to suspect b: not checked here).
    world.isolate('a');
    world.advance(3999);
    expect(a!.stateOf('c')?.state).toBe('suspect');
    world.advance(1);
    expect(changes).toEqual(['0 c suspect', '4000 c dead']);
  });
});
