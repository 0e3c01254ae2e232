import { describe, expect, it } from 'vitest';
import { suspectUpdate, type MembershipChange, type Update } from '../../../components/gossip/index';
import { GossipWorld, ofType, type SentMessage } from '../../support/gossip-env';

const quiet = { pushPullIntervalMs: 0 };

function carries(sent: SentMessage, update: Update): boolean {
  const updates = (sent.message as { updates?: readonly Update[] }).updates;
  return updates !== undefined && updates.includes(update);
}

describe('GossipMember: failure detection (SWIM §3)', () => {
  it('probes one member per period and is satisfied by its ack', () => {
    const world = new GossipWorld();
    const [a] = world.cluster(['a', 'b', 'c', 'd'], quiet);
    world.advance(1000);
    const pings = world.sent(ofType('ping', 'a'));
    expect(pings.length).toBe(1);
    const target = pings[0]!.to;
    expect(['b', 'c', 'd']).toContain(target);
    world.deliverAll();
    expect(world.sent(ofType('ack', target, 'a')).length).toBe(1);
    world.advance(1000);
    expect(world.sent(ofType('ping-req', 'a'))).toEqual([]);
    expect(a!.stateOf(target)?.state).toBe('alive');
  });

  it('visits every member once per pass, in a fresh order each pass', () => {
    const world = new GossipWorld();
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    world.cluster(names, quiet);
    world.autoDeliver(1);
    world.advance(10_000);
    const targets = world.sent(ofType('ping', 'a')).map((sent) => sent.to);
    expect(targets.length).toBe(10);
    expect(new Set(targets.slice(0, 5))).toEqual(new Set(['b', 'c', 'd', 'e', 'f']));
    expect(new Set(targets.slice(5, 10))).toEqual(new Set(['b', 'c', 'd', 'e', 'f']));
    expect(targets.slice(5, 10)).not.toEqual(targets.slice(0, 5));
  });

  it('without a direct ack by probeTimeout, asks k others to ping-req, and an indirect ack suffices', () => {
    const world = new GossipWorld();
    const [a] = world.cluster(['a', 'b', 'c', 'd', 'e'], quiet);
    world.advance(1000);
    const ping = world.take(ofType('ping', 'a'))[0]!;
    world.deliverAll(); // everyone else's probes and acks
    world.advance(500);
    const pingReqs = world.sent(ofType('ping-req', 'a'));
    expect(pingReqs.length).toBe(3);
    for (const req of pingReqs) {
      expect(req.to).not.toBe(ping.to);
      expect(req.message.type === 'ping-req' && req.message.target).toBe(ping.to);
    }
    world.deliverAll(); // ping-req → ping → ack → relayed ack
    expect(world.sent((sent) => sent.message.type === 'ack' && sent.to === 'a' && sent.from !== ping.to).length).toBe(3);
    world.advance(500);
    expect(a!.stateOf(ping.to)?.state).toBe('alive');
  });

  it('without any ack by the end of the period, suspects; then dead after the suspicion timeout', () => {
    const world = new GossipWorld();
    const [a] = world.cluster(['a', 'b', 'c', 'd'], quiet);
    const changes: MembershipChange[] = [];
    a!.subscribe((change) => changes.push(change));
    world.advance(1000);
    const victim = world.sent(ofType('ping', 'a'))[0]!.to;
    world.member(victim).stop();
    world.isolate(victim);
    world.autoDeliver(1);
    world.deliverAll();
    world.advance(1000);
    expect(a!.stateOf(victim)).toEqual({ id: victim, state: 'suspect', incarnation: 1 });
    expect(world.metrics.counter('gossip.probes-failed')).toBeGreaterThanOrEqual(1);
    // n = 4: min 4 s, max 24 s, k = 2; the others confirm as their probes reach the victim.
    world.advance(30_000);
    expect(a!.stateOf(victim)?.state).toBe('dead');
    const dead = changes.find((change) => change.id === victim && change.state === 'dead')!;
    const suspect = changes.find((change) => change.id === victim && change.state === 'suspect')!;
    expect(suspect).toBeDefined();
    expect(dead).toBeDefined();
    for (const name of ['b', 'c', 'd'].filter((n) => n !== victim)) expect(world.member(name).stateOf(victim)?.state).toBe('dead');
  });

  it('with suspicion off, a failed probe declares the member dead at once', () => {
    const world = new GossipWorld();
    const [a] = world.cluster(['a', 'b', 'c'], { ...quiet, suspicion: false });
    world.advance(1000);
    const victim = world.sent(ofType('ping', 'a'))[0]!.to;
    world.isolate(victim);
    world.autoDeliver(1);
    world.deliverAll();
    world.advance(1000);
    expect(a!.stateOf(victim)?.state).toBe('dead');
  });

  it('a suspect refutes with a higher incarnation and everyone takes it back as alive', () => {
    const world = new GossipWorld();
    const [a, b, c] = world.cluster(['a', 'b', 'c'], quiet);
    world.autoDeliver(1);
    a!.receive('c', { type: 'gossip', size: 0, updates: [suspectUpdate('b', 1, 'c')] });
    expect(a!.stateOf('b')?.state).toBe('suspect');
    world.advance(2000);
    expect(b!.incarnation).toBe(2);
    expect(world.metrics.counter('gossip.refutations')).toBe(1);
    for (const member of [a!, c!]) expect(member.stateOf('b')).toEqual({ id: 'b', state: 'alive', incarnation: 2 });
    expect(a!.membership.suspicionCount).toBe(0);
    world.advance(20_000);
    expect(a!.stateOf('b')?.state).toBe('alive');
  });

  it('pings a suspect with the suspicion attached, so it can refute at once', () => {
    const world = new GossipWorld();
    const [a] = world.cluster(['a', 'b'], quiet);
    a!.receive('b', { type: 'gossip', size: 0, updates: [suspectUpdate('b', 1, 'x')] });
    world.drop();
    world.advance(1000);
    const ping = world.sent(ofType('ping', 'a', 'b'))[0]!;
    expect(ping.message.type === 'ping' && ping.message.updates.map((u) => u.kind)).toEqual(['suspect']);
  });

  it('ignores a ping addressed to another name', () => {
    const world = new GossipWorld();
    const [a] = world.cluster(['a', 'b'], quiet);
    a!.receive('b', { type: 'ping', size: 0, seq: 1, target: 'someone-else', updates: [] });
    expect(world.sent(ofType('ack', 'a'))).toEqual([]);
  });
});

describe('GossipMember: dissemination', () => {
  it('sends each update retransmitMult · ceil(log10(n + 1)) times, then stops', () => {
    const world = new GossipWorld();
    const [a] = world.cluster(['a', 'b', 'c', 'd', 'e'], quiet);
    world.autoDeliver(1);
    const update = suspectUpdate('x-unknown', 1, 'e'); // about nobody: others ignore it, so only a sends it
    a!.queue.queue(update);
    world.advance(10_000);
    // n = 5 → 4 · ceil(log10 6) = 4 transmissions, on gossip, pings and acks alike.
    expect(world.sent((sent) => sent.from === 'a' && carries(sent, update)).length).toBe(4);
    expect(a!.queue.length).toBe(0);
  });

  it('gossips only when updates wait, to `fanout` members', () => {
    const world = new GossipWorld();
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const [a] = world.cluster(names, quiet);
    world.autoDeliver(1);
    world.advance(5000);
    expect(world.sent(ofType('gossip'))).toEqual([]);
    a!.broadcast('deploy', 10);
    world.advance(200);
    const gossip = world.sent(ofType('gossip', 'a'));
    expect(gossip.length).toBe(3);
    expect(new Set(gossip.map((sent) => sent.to)).size).toBe(3);
  });

  it('fills a datagram up to messageSizeLimit, newest first', () => {
    const world = new GossipWorld();
    const [a] = world.cluster(['a', 'b'], { ...quiet, messageSizeLimitBytes: 200 });
    for (let i = 0; i < 5; i++) a!.broadcast('e', 40);
    world.advance(200);
    const first = world.sent(ofType('gossip', 'a'))[0]!;
    expect(first.message.size).toBeLessThanOrEqual(200);
    expect(first.message.type === 'gossip' && first.message.updates.map((u) => u.kind === 'user' && u.id)).toEqual(['a#5', 'a#4']);
  });

  it('delivers a user event to every member exactly once (swim mode)', () => {
    const world = new GossipWorld();
    const names = Array.from({ length: 12 }, (_, i) => `m${i}`);
    const members = world.cluster(names, quiet);
    world.autoDeliver(1);
    const deliveries = new Map<string, number>();
    for (const member of members) member.onRumour(() => deliveries.set(member.name, (deliveries.get(member.name) ?? 0) + 1));
    const id = members[3]!.broadcast('deploy', 16);
    world.advance(5000);
    expect([...deliveries.values()]).toEqual(new Array(12).fill(1));
    for (const member of members) expect(member.knowsRumour(id)).toBe(true);
  });

  it('push mode: informed members push every rumour to fanout members each interval, forever', () => {
    const world = new GossipWorld();
    const names = Array.from({ length: 8 }, (_, i) => `m${i}`);
    const members = world.cluster(names, { protocol: 'push', fanout: 1 });
    world.autoDeliver(1);
    world.advance(1000);
    expect(world.log).toEqual([]); // no probing, nothing to push
    const id = members[0]!.broadcast();
    world.advance(10_000);
    for (const member of members) expect(member.knowsRumour(id)).toBe(true);
    const before = world.log.length;
    world.advance(1000);
    expect(world.log.length - before).toBe(8 * 5); // 8 members × 5 intervals × fanout 1
    expect(world.sent((sent) => sent.message.type !== 'rumour')).toEqual([]);
  });

  it('push-pull mode: uninformed members pull the rumour', () => {
    const world = new GossipWorld();
    const names = Array.from({ length: 8 }, (_, i) => `m${i}`);
    const members = world.cluster(names, { protocol: 'push-pull', fanout: 1 });
    world.autoDeliver(1);
    const id = members[0]!.broadcast();
    world.advance(10_000);
    for (const member of members) expect(member.knowsRumour(id)).toBe(true);
    expect(world.sent(ofType('rumour-exchange-reply')).length).toBeGreaterThan(0);
  });
});

describe('GossipMember: join, leave, push-pull', () => {
  it('joins through a seed with a push-pull, and learns and spreads the membership', () => {
    const world = new GossipWorld();
    world.autoDeliver(1);
    const config = { timerPhase: 'aligned' as const };
    const a = world.add('a', { config });
    a.start();
    const b = world.add('b', { config });
    b.start();
    b.join(['a']);
    world.advance(10);
    expect(b.joined).toBe(true);
    expect(a.alive().sort()).toEqual(['a', 'b']);
    expect(b.alive().sort()).toEqual(['a', 'b']);
    const c = world.add('c', { config });
    c.start();
    c.join(['b']);
    world.advance(5000);
    for (const member of [a, b, c]) expect(member.alive().sort()).toEqual(['a', 'b', 'c']);
    for (const member of [a, b, c]) member.checkInvariants();
  });

  it('retries a join without reply, and gives up after joinAttemptsMax', () => {
    const world = new GossipWorld();
    const b = world.add('b', { config: { joinAttemptsMax: 3, joinRetryIntervalMs: 100 } });
    b.start();
    b.join(['nobody']);
    world.advance(1000);
    expect(world.sent(ofType('push-pull', 'b', 'nobody')).length).toBe(3);
    expect(world.metrics.counter('gossip.join-failures')).toBe(1);
    expect(b.joined).toBe(false);
  });

  it('a graceful leave is recorded as left, not dead, and the member then stops', () => {
    const world = new GossipWorld();
    const members = world.cluster(['a', 'b', 'c', 'd'], quiet);
    world.autoDeliver(1);
    world.advance(500);
    const d = members[3]!;
    let stopped = -1;
    d.onStop(() => (stopped = world.now()));
    d.leave();
    world.advance(5000);
    expect(d.running).toBe(false);
    expect(stopped).toBeGreaterThan(0);
    expect(stopped).toBeLessThan(5500);
    for (const member of members.slice(0, 3)) expect(member.stateOf('d')).toEqual({ id: 'd', state: 'left', incarnation: 1 });
    world.advance(60_000);
    for (const member of members.slice(0, 3)) expect(member.stateOf('d')?.state).not.toBe('dead');
  });

  it('push-pull merges: remote alive with a higher incarnation wins, remote dead becomes a local suspicion', () => {
    const world = new GossipWorld();
    const [a, b] = world.cluster(['a', 'b', 'x', 'y'], quiet);
    const x = a!.directory.indexOf('x');
    const y = a!.directory.indexOf('y');
    b!.membership.deadNode(b!.directory.indexOf('x'), 1, 'b', null);
    b!.membership.aliveNode(b!.directory.indexOf('y'), 3, null);
    world.drop();
    a!.receive('b', { type: 'push-pull', size: 0, join: false, reply: true, state: b!.view.snapshot(), rumours: [] });
    expect(a!.stateOf('x')).toEqual({ id: 'x', state: 'suspect', incarnation: 1 });
    expect(a!.stateOf('y')).toEqual({ id: 'y', state: 'alive', incarnation: 3 });
    expect(a!.membership.suspicion(x)).toBeDefined();
    expect(a!.membership.suspicion(y)).toBeUndefined();
  });

  it('answers a push-pull with its own state, then merges', () => {
    const world = new GossipWorld();
    const [a, b] = world.cluster(['a', 'b', 'z'], quiet);
    b!.membership.deadNode(b!.directory.indexOf('z'), 1, 'z', null); // z left, as b saw it
    world.drop();
    b!.receive('a', { type: 'push-pull', size: 0, join: false, reply: false, state: a!.view.snapshot(), rumours: [] });
    const reply = world.take(ofType('push-pull', 'b', 'a'))[0]!;
    expect(reply.message.type === 'push-pull' && reply.message.reply).toBe(true);
    a!.receive('b', reply.message);
    expect(a!.stateOf('z')?.state).toBe('left');
  });

  it('syncs periodically with one random member, every pushPullInterval scaled by n', () => {
    const world = new GossipWorld();
    world.cluster(['a', 'b', 'c'], { pushPullIntervalMs: 10_000 });
    world.autoDeliver(1);
    world.advance(60_000);
    const requests = world.sent((sent) => sent.from === 'a' && sent.message.type === 'push-pull' && !sent.message.reply);
    // first after phase (aligned: 10 s) + one interval, then every 10 s: 20, 30, 40, 50, 60 s
    expect(requests.map((sent) => sent.sentAtMs)).toEqual([20_000, 30_000, 40_000, 50_000, 60_000]);
  });
});

describe('GossipMember: discovery interface and lifecycle', () => {
  it('members(), alive() and subscribe() expose the view', () => {
    const world = new GossipWorld();
    const [a] = world.cluster(['a', 'b', 'c'], quiet);
    const seen: string[] = [];
    const unsubscribe = a!.subscribe((change) => seen.push(`${change.id}:${change.previous}->${change.state}@${change.incarnation}`));
    a!.receive('c', { type: 'gossip', size: 0, updates: [suspectUpdate('b', 1, 'c')] });
    expect(a!.members()).toEqual([
      { id: 'a', state: 'alive', incarnation: 1 },
      { id: 'b', state: 'suspect', incarnation: 1 },
      { id: 'c', state: 'alive', incarnation: 1 },
    ]);
    expect(a!.alive()).toEqual(['a', 'b', 'c']); // a suspect is still a member
    expect(seen).toEqual(['b:alive->suspect@1']);
    unsubscribe();
    a!.membership.deadNode(1, 1, 'c', null);
    expect(seen.length).toBe(1);
    expect(a!.alive()).toEqual(['a', 'c']);
  });

  it('after stop, sends nothing and ignores messages', () => {
    const world = new GossipWorld();
    const [a] = world.cluster(['a', 'b'], quiet);
    a!.stop();
    world.advance(10_000);
    expect(world.sent((sent) => sent.from === 'a')).toEqual([]);
    a!.receive('b', { type: 'ping', size: 0, seq: 1, target: 'a', updates: [] });
    expect(world.sent((sent) => sent.from === 'a')).toEqual([]);
    expect(() => a!.start()).toThrow(/started twice/);
  });

  it('a converged start needs a baseline or known members', () => {
    const world = new GossipWorld();
    expect(() => world.add('a', { bootstrap: 'converged' })).toThrow(/needs a baseline or knownMembers/);
  });

  it('random timer phases differ between members but are reproducible', () => {
    const firstPings = (seed: number) => {
      const world = new GossipWorld(seed);
      const names = ['a', 'b', 'c', 'd'];
      for (const name of names) world.add(name, { bootstrap: 'converged', knownMembers: names, config: quiet }).start();
      world.advance(1000);
      return world.sent(ofType('ping')).map((sent) => `${sent.from}@${sent.sentAtMs.toFixed(3)}`);
    };
    const run = firstPings(5);
    expect(firstPings(5)).toEqual(run);
    expect(new Set(run.map((entry) => entry.split('@')[1])).size).toBe(4);
  });
});
