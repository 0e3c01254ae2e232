import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as gossip from '../../../components/gossip/index';

const folder = join(import.meta.dirname, '../../../components/gossip');
const sources = readdirSync(folder).filter((file) => file.endsWith('.ts'));

describe('components/gossip', () => {
  it('exports the public surface from index.ts', () => {
    expect(Object.keys(gossip).sort()).toEqual(
      [
        'BroadcastQueue', 'FailureDetector', 'GossipMember', 'MemberDirectory', 'Membership', 'MembershipView',
        'Outbox', 'ProbeOrder', 'RumourLog', 'SharedBaseline', 'Suspicion', 'UpdateDedupe', 'aliveUpdate',
        'deadUpdate', 'entryIncarnation', 'entryState', 'gossipLanProfile', 'gossipLocalProfile', 'gossipWanProfile',
        'isDeadOrLeft', 'isLeave', 'noUpdates', 'packEntry', 'pushPullIntervalScaledMs', 'pushPullScaleThreshold',
        'resolveGossipConfig', 'retransmitLimit', 'snapshotEntry', 'stateAlive', 'stateDead', 'stateLeft', 'stateName',
        'stateSuspect', 'stateUnknown', 'suspectUpdate', 'suspicionTimeoutAfterMs', 'suspicionTimeoutMs', 'updateKey',
        'userEvent', 'wireSize',
      ].sort(),
    );
  });

  it('index.ts only re-exports', () => {
    const lines = readFileSync(join(folder, 'index.ts'), 'utf8').split('\n');
    for (const line of lines) expect(line).toMatch(/^(export |\s|\}|$)/);
  });

  it.each(sources)('%s imports only siblings, ../errors, ../options/* and ../../sim/env', (file) => {
    const text = readFileSync(join(folder, file), 'utf8');
    for (const [, specifier] of text.matchAll(/from '([^']+)'/g)) {
      expect(specifier).toMatch(/^(\.\/[a-z0-9-]+|\.\.\/errors|\.\.\/options\/[a-z0-9-]+|\.\.\/\.\.\/sim\/env)$/);
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
