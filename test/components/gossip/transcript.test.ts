import { describe, expect, it } from 'vitest';
import { GossipWorld } from '../../support/gossip-env';

/**
 * Transcript test: a scripted crash in a 4-member cluster, as a reviewer would read it.
 * Regenerate with `npx vitest run test/components/gossip/transcript.test.ts -u` and review
 * the diff: the world is seeded, so the transcript is byte-stable.
 */
describe('transcript: crash of d in a 4-member cluster (aligned timers, 1 ms links)', () => {
  it('a suspects d, the others confirm, everyone declares d dead', () => {
    const world = new GossipWorld(3);
    const names = ['a', 'b', 'c', 'd'];
    const members = world.cluster(names, { pushPullIntervalMs: 0 });
    world.autoDeliver(1);
    const lines: string[] = [];
    for (const member of members.slice(0, 3)) {
      member.subscribe((change) => lines.push(`${world.now()} ms ${member.name}: ${change.id} ${change.previous} → ${change.state}@${change.incarnation}`));
    }
    world.advance(1500);
    members[3]!.stop();
    world.isolate('d');
    world.advance(30_000);
    const counts = new Map<string, number>();
    for (const sent of world.log) counts.set(sent.message.type, (counts.get(sent.message.type) ?? 0) + 1);
    lines.push(`messages: ${[...counts].map(([type, count]) => `${type} ${count}`).join(', ')}`);
    expect(lines.join('\n')).toMatchInlineSnapshot(`
      "3000 ms b: d alive → suspect@1
      3001 ms c: d alive → suspect@1
      3201 ms a: d alive → suspect@1
      7000 ms b: d suspect → dead@1
      7001 ms c: d suspect → dead@1
      7002 ms a: d suspect → dead@1
      messages: ping 102, ack 90, ping-req 8, gossip 30"
    `);
  });
});
