import { describe, expect, it } from 'vitest';
import { MemberDirectory, UpdateDedupe, aliveUpdate } from '../../../components/gossip/index';

describe('UpdateDedupe', () => {
  it('remembers appliers per record, few or many, and grows with the directory', () => {
    const directory = new MemberDirectory();
    for (let i = 0; i < 20; i++) directory.intern(`m-${i}`);
    const dedupe = new UpdateDedupe(directory);
    const a = aliveUpdate('m-1', 1);
    const b = aliveUpdate('m-1', 1); // equal but another record
    for (let i = 0; i < 20; i += 2) dedupe.add(a, i);
    for (let i = 0; i < 20; i++) expect(dedupe.has(a, i)).toBe(i % 2 === 0);
    expect(dedupe.has(b, 0)).toBe(false);
    for (let i = 20; i < 100; i++) directory.intern(`m-${i}`);
    dedupe.add(a, 99);
    expect(dedupe.has(a, 99)).toBe(true);
    expect(dedupe.has(a, 97)).toBe(false);
    expect(dedupe.has(a, 1000)).toBe(false);
  });

  it('a member must share the dedupe directory', async () => {
    const { GossipWorld } = await import('../../support/gossip-env');
    const world = new GossipWorld();
    expect(() => world.add('a', { dedupe: new UpdateDedupe(new MemberDirectory()) })).toThrow(/dedupe must use the member's directory/);
  });
});
