import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vizBuildState } from '../../scripts/viz-build.mjs';

function touch(path: string, seconds: number): void {
  writeFileSync(path, '');
  utimesSync(path, seconds, seconds);
}

describe('vizBuildState', () => {
  it('is missing without a build, stale when a bundled source is newer, fresh otherwise', () => {
    const root = mkdtempSync(join(tmpdir(), 'meshsim-viz-build-'));
    mkdirSync(join(root, 'viz', 'dist'), { recursive: true });
    mkdirSync(join(root, 'scenarios'));
    touch(join(root, 'scenarios', 'a.yaml'), 1000);
    expect(vizBuildState(root)).toBe('missing');
    touch(join(root, 'viz', 'dist', 'index.html'), 2000);
    expect(vizBuildState(root)).toBe('fresh');
    touch(join(root, 'viz', 'dist', 'later.js'), 5000); // the build's own files do not count
    expect(vizBuildState(root)).toBe('fresh');
    touch(join(root, 'scenarios', 'a.yaml'), 3000);
    expect(vizBuildState(root)).toBe('stale');
  });
});
