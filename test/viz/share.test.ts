import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare } from '../../viz/app/share';

// Node 20 has the same CompressionStream as the browser, so the link format is tested here.
describe('share links', () => {
  const text = readFileSync('scenarios/quickstart.yaml', 'utf8');

  it('round-trip the scenario, file, seed, moment and compare override', async () => {
    const state = { text, file: 'quickstart.yaml', seed: 7, tMs: 21_000, compare: { path: 'clients.web.balancer.policy', value: 'least-request' } };
    const hash = await encodeShare(state);
    expect(hash).toMatch(/^v=1&file=quickstart\.yaml&seed=7&t=21000&cmp=clients\.web\.balancer\.policy%3Dleast-request&s=[\w-]+$/);
    expect(await decodeShare(`#${hash}`)).toEqual(state);
  });

  it('compress the scenario: the link is shorter than the file', async () => {
    const hash = await encodeShare({ text, file: 'quickstart.yaml' });
    expect(hash.length).toBeLessThan(text.length);
    expect(await decodeShare(hash)).toEqual({ text, file: 'quickstart.yaml' });
  });

  it('a hash without a scenario is no link; an unknown version is an error', async () => {
    expect(await decodeShare('')).toBeUndefined();
    expect(await decodeShare('#seed=3')).toBeUndefined();
    await expect(decodeShare('#v=9&s=AAAA')).rejects.toThrow('viz: share link version "9" is not supported (expected 1)');
  });

  it('a link whose seed is not a safe whole number ≥ 0 is an error, not another seed', async () => {
    const hash = await encodeShare({ text, file: 'quickstart.yaml', seed: 7 });
    for (const seed of ['1.5', '-1', '', '1e999', '9007199254740993']) {
      await expect(decodeShare(hash.replace('seed=7', `seed=${seed}`)), seed).rejects.toThrow(/^viz: share link: seed: .* is not a seed/);
    }
  });
});
