import { spawnSync } from 'node:child_process';

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the built `meshsim` command as a user would (stdout/stderr are pipes, not a TTY). */
export function meshsim(...args: string[]): CliRun {
  const r = spawnSync(process.execPath, ['bin/meshsim.mjs', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
