import { execFileSync } from 'node:child_process';

// CLI tests run the bundled command, as users do: rebuild it so it matches the sources.
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
