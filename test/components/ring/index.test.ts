import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as ring from '../../../components/ring/index';

const folder = join(import.meta.dirname, '../../../components/ring');
const sources = readdirSync(folder).filter((file) => file.endsWith('.ts'));

describe('components/ring', () => {
  it('exports the public surface from index.ts', () => {
    expect(Object.keys(ring).sort()).toEqual(
      [
        'BoundedLoadRing', 'HashRing', 'JumpHash', 'MaglevHash', 'RendezvousHash', 'RingError',
        'analysisKey', 'buildMaglevTable', 'checkTableSize', 'encodeUtf8Into', 'isPrime', 'jumpBucketCountMax',
        'jumpConsistentHash', 'keyMovement', 'loadCounts', 'loadShares', 'loadStats', 'maglevBackend',
        'movedFraction', 'murmur3', 'murmur3String', 'ringDefaults', 'utf8LengthMax',
      ].sort(),
    );
  });

  it('index.ts only re-exports', () => {
    const lines = readFileSync(join(folder, 'index.ts'), 'utf8').split('\n');
    for (const line of lines) expect(line).toMatch(/^(export |\s|\}|$)/);
  });

  it.each(sources)('%s imports only siblings, ../balancer/*, ../errors and ../../sim/env', (file) => {
    const text = readFileSync(join(folder, file), 'utf8');
    for (const [, specifier] of text.matchAll(/from '([^']+)'/g)) {
      expect(specifier).toMatch(/^(\.\/[a-z0-9-]+|\.\.\/balancer\/[a-z0-9-]+|\.\.\/errors|\.\.\/\.\.\/sim\/env)$/);
    }
  });

  it.each(sources)('%s uses no wall clock, global randomness or timers', (file) => {
    const text = readFileSync(join(folder, file), 'utf8');
    expect(text).not.toMatch(/Math\.random|Date\.now|performance\.now|setTimeout|setInterval|from 'node:/);
  });

  it.each(sources)('%s has a kebab-case name', (file) => {
    expect(file).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.ts$/);
  });
});
