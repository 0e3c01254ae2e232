import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as kv from '../../../components/kv/index';
import { kvDefaults, majority } from '../../../components/kv/kv-defaults';

const folder = join(import.meta.dirname, '../../../components/kv');
const sources = readdirSync(folder).filter((file) => file.endsWith('.ts'));

describe('components/kv', () => {
  it('exports the public surface from index.ts', () => {
    expect(Object.keys(kv).sort()).toEqual(
      [
        'BoundedLoadPartitioner', 'KvCoordinator', 'KvMembership', 'KvStore', 'RingPartitioner', 'StreamSender', 'VersionClock',
        'checkCount', 'entryBytes', 'immediateBackend', 'isCoordinatorMessage', 'isKvMessage', 'kvDefaults', 'majority', 'newer',
        'resolveCoordinatorOptions', 'resolveStoreOptions', 'versionNode', 'versionTimeMs',
      ].sort(),
    );
  });

  it('index.ts only re-exports', () => {
    for (const line of readFileSync(join(folder, 'index.ts'), 'utf8').split('\n')) expect(line).toMatch(/^(export |\s|\}|$)/);
  });

  it.each(sources)('%s imports only siblings, ../ring/*, ../btree/*, ../options/*, ../errors and ../../sim/env', (file) => {
    const text = readFileSync(join(folder, file), 'utf8');
    for (const [, specifier] of text.matchAll(/from '([^']+)'/g)) {
      expect(specifier).toMatch(/^(\.\/[a-z0-9-]+|\.\.\/(ring|btree|options)\/[a-z0-9-]+|\.\.\/errors|\.\.\/\.\.\/sim\/env)$/);
    }
  });

  it.each(sources)('%s uses no wall clock, global randomness or timers', (file) => {
    expect(readFileSync(join(folder, file), 'utf8')).not.toMatch(/Math\.random|Date\.now|performance\.now|setTimeout|setInterval|from 'node:/);
  });

  it.each(sources)('%s has a kebab-case name', (file) => {
    expect(file).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.ts$/);
  });

  it('has the expected defaults', () => {
    expect(kvDefaults).toEqual({
      replication: 3,
      replicaTimeoutMs: 500,
      suspectMs: 5_000,
      hintedHandoff: true,
      readRepair: true,
      inFlightMax: 100_000,
      messageOverheadBytes: 64,
      entryOverheadBytes: 16,
      handoffIntervalMs: 1_000,
      handoffBatchMax: 256,
      streamBytesPerSecond: 25_000_000,
      streamChunkBytes: 65_536,
      streamWindow: 4,
      streamRetryMs: 2_000,
      treeOrder: 32,
      writeBufferCapacity: 1_024,
      nodeIndexMax: 1_023,
    });
    expect([1, 2, 3, 4, 5].map(majority)).toEqual([1, 2, 2, 3, 3]);
  });
});
