import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** The repository root. */
export const ROOT = resolve(__dirname, '../..');

/** Every .ts file under `dir` (repository-relative paths). */
export function files(dir: string): string[] {
  const out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(join(ROOT, dir));
  } catch {
    return out;
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) {
      if (name !== 'node_modules' && name !== 'dist') out.push(...files(path));
    } else if (/\.ts$/.test(name) && !/\.d\.ts$/.test(name)) out.push(path);
  }
  return out;
}

/** Every import of a file (type imports and dynamic imports too), as [specifier, repository path or the bare specifier]. */
export function imports(file: string): [string, string][] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found: [string, string][] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"\n]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    const spec = m[1] ?? m[2]!;
    found.push([spec, spec.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), spec)) : spec]);
  }
  return found;
}

/** The file a relative import resolves to (`x` → `x.ts` or `x/index.ts`), if it is one of `known`. */
function resolveFile(target: string, known: ReadonlySet<string>): string | undefined {
  for (const candidate of [`${target}.ts`, `${target}/index.ts`, target]) if (known.has(candidate)) return candidate;
  return undefined;
}

/** The import graph of `roots` (files → the files they import, relative imports only). */
export function fileGraph(roots: readonly string[]): Map<string, Set<string>> {
  const all = roots.flatMap((root) => (root.endsWith('.ts') ? [root] : files(root)));
  const known = new Set(all);
  const graph = new Map<string, Set<string>>();
  for (const file of all) {
    const targets = new Set<string>();
    for (const [spec, target] of imports(file)) {
      if (!spec.startsWith('.')) continue;
      const resolved = resolveFile(target, known);
      if (resolved !== undefined) targets.add(resolved);
    }
    graph.set(file, targets);
  }
  return graph;
}

/**
 * The folder graph: folder → the folders its files import. An index.ts re-exports its
 * folder's public surface and a main.ts is a program's entry (cli/main.ts registers every
 * command): they wire folders together rather than depend on them, so their edges are left
 * out (components/index.ts importing every component folder is no cycle).
 */
export function folderGraph(graph: ReadonlyMap<string, ReadonlySet<string>>): Map<string, Set<string>> {
  const folders = new Map<string, Set<string>>();
  const folder = (file: string) => dirname(file);
  for (const [file, targets] of graph) {
    const from = folder(file);
    if (!folders.has(from)) folders.set(from, new Set());
    if (/(^|\/)(index|main)\.ts$/.test(file)) continue;
    for (const target of targets) if (folder(target) !== from) folders.get(from)!.add(folder(target));
  }
  return folders;
}

/** The strongly connected components with more than one member: the cycles (Tarjan). */
export function cycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}
