import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { files, imports, ROOT } from './import-graph';

// The one-way imports of docs/architecture.md, enforced:
//   cli, viz, live, planner → sim, models, components
//   models → sim, components
//   components → sim/env only (the Env type), and other components
//   sim → nothing above it
// plus: no Node built-ins in code that also runs in the browser worker.

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
      .toEqual(['discovery', 'gossip', 'kv', 'observe', 'report', 'request', 'run', 'sampling', 'scenario', 'subsystem']);
  });

  it('code outside components/ reaches a component folder through its index (its other files are private)', () => {
    const bad: string[] = [];
    for (const dir of ['models', 'planner', 'cli', 'viz', 'bench', 'scripts', 'index.ts']) {
      for (const file of dir.endsWith('.ts') ? [dir] : files(dir)) {
        for (const [spec, target] of imports(file)) {
          const deep = /^components\/[a-z-]+\/(?!index$)[a-z-]+$/.test(target);
          if (spec.startsWith('.') && deep) bad.push(`${file} imports ${spec}`);
        }
      }
    }
    expect(bad).toEqual([]);
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
