import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('the meshsim entry point', () => {
  it('exits quietly when the reader closes the pipe early (meshsim schema | head -1)', () => {
    const schema = spawnSync('/bin/sh', ['-c', `"${process.execPath}" bin/meshsim.mjs schema | head -c 1`], { encoding: 'utf8' });
    expect(schema.stderr).toBe('');
    expect(schema.stdout).toBe('{');
    const help = spawnSync('/bin/sh', ['-c', `"${process.execPath}" bin/meshsim.mjs --help | head -c 1`], { encoding: 'utf8' });
    expect(help.stderr).toBe('');
    expect(help.stdout).toBe('U');
  });
});
