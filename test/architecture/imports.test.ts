import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The one-way imports of docs/architecture.md, enforced:
//   cli, viz, live, planner → sim, models, components
//   models → sim, components
//   components → sim/env only (the Env type), and other components
//   sim → nothing above it
// plus: no Node built-ins in code that also runs in the browser worker.

const ROOT = resolve(__dirname, '../..');

function files(dir: string): string[] {
  const out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(join(ROOT, dir));
  } catch {
    return out;
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...files(path));
    else if (/\.ts$/.test(name)) out.push(path);
  }
  return out;
}

/** Every import of a file, as [specifier, resolved repository path or the bare specifier]. */
function imports(file: string): [string, string][] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found: [string, string][] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"\n]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    const spec = m[1] ?? m[2]!;
    found.push([spec, spec.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), spec)) : spec]);
  }
  return found;
}

function violations(dir: string, allowed: (target: string, spec: string) => boolean): string[] {
  const bad: string[] = [];
  for (const file of files(dir)) {
    for (const [spec, target] of imports(file)) if (!allowed(target, spec)) bad.push(`${file} imports ${spec}`);
  }
  return bad;
}

const inside = (target: string, ...dirs: string[]) => dirs.some((d) => target === d || target.startsWith(`${d}/`));

describe('one-way imports', () => {
  it('components import only sim/env, other components and pure packages', () => {
    expect(violations('components', (target, spec) =>
      spec.startsWith('.') ? inside(target, 'components') || target === 'sim/env' : !spec.startsWith('node:'))).toEqual([]);
  });

  it('the proxy driver (models/request/caller.ts) holds no protocol: no timers, no resilience components', () => {
    // Timeouts, retries, hedging and the breaker live in components/proxy, which also runs
    // on a LiveEnv; the model's driver only transmits attempts and delivers outcomes.
    const file = 'models/request/caller.ts';
    const text = readFileSync(join(ROOT, file), 'utf8');
    expect(imports(file).map(([, target]) => target).filter((t) => inside(t, 'components/resilience') || t === 'sim/simulation')).toEqual([]);
    expect(text.match(/\.(at|timer|schedule)\(/g) ?? []).toEqual([]);
  });

  it('models import only sim, components and models', () => {
    expect(violations('models', (target, spec) =>
      spec.startsWith('.') ? inside(target, 'sim', 'components', 'models', 'package.json') : true)).toEqual([]);
  });

  it('sim imports nothing above the engine', () => {
    expect(violations('sim', (target, spec) => (spec.startsWith('.') ? inside(target, 'sim') : !spec.startsWith('node:')))).toEqual([]);
  });

  it('planner does not import the CLI or the browser app', () => {
    expect(violations('planner', (target, spec) => !spec.startsWith('.') || !inside(target, 'cli', 'viz', 'live'))).toEqual([]);
  });

  it('simulated code has no Node built-ins except the documented file readers', () => {
    const nodeOnly = new Set(['models/scenario/read-file.ts']);
    const bad = ['sim', 'models', 'components'].flatMap((dir) =>
      files(dir).filter((f) => !nodeOnly.has(f)).flatMap((f) => imports(f).filter(([spec]) => spec.startsWith('node:')).map(([spec]) => `${f} imports ${spec}`)));
    expect(bad).toEqual([]);
  });

  it('models/ is in rooms, one concept each, with no loose modules at its top', () => {
    const loose = readdirSync(join(ROOT, 'models')).filter((name) => /\.ts$/.test(name) && name !== 'index.ts');
    expect(loose).toEqual([]);
    expect(readdirSync(join(ROOT, 'models')).filter((name) => statSync(join(ROOT, 'models', name)).isDirectory()).sort())
      .toEqual(['gossip', 'kv', 'observe', 'request', 'run', 'sampling', 'scenario']);
  });

  it('simulated code never reads the wall clock or Math.random', () => {
    const bad: string[] = [];
    for (const dir of ['sim', 'models', 'components', 'planner']) {
      for (const file of files(dir)) {
        const text = readFileSync(join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
        if (/\bMath\.random\(|\bDate\.now\(|performance\.now\(|\bsetTimeout\(|\bsetInterval\(|new Date\(\)/.test(text)) bad.push(file);
      }
    }
    expect(bad).toEqual([]);
  });
});
