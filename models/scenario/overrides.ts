/**
 * Overrides: `path=value` settings applied to the YAML document before validation, as the
 * CLI's `--vary`/`--set` do (`services.srv.replicas=8`,
 * `clients.load.balancer.policy=least-request`, `faults.0.at=10s`).
 *
 * The path is dotted, with list items by index. Every key on the way must exist; the last
 * one may be new, so an override can set an optional field the file leaves out. The value
 * is read as YAML, so `8` is a number, `10ms` a string and `[a, b]` a list.
 */
import { isMap, isSeq, type Document } from 'yaml';
import { suggestion } from './did-you-mean';
import { parseSource } from './parse-source';
import { cutShort, pathText, type PathProblem } from './path-problem';
import { keyText } from './source-position';
import { sizeProblem } from './source-size';

export interface ScenarioOverride {
  /** Dotted path into the document, e.g. `services.srv.replicas`. */
  readonly path: string;
  /** The value, as YAML text, e.g. `8`. */
  readonly value: string;
}

/** `path=value`, as written on a command line (a long value cut short). */
export const overrideText = (override: ScenarioOverride): string => `${override.path}=${cutShort(override.value).replace(/\n/g, '\\n')}`;

/**
 * Sets each override in `doc`, in order. Returns the problems of the overrides that could
 * not be applied; the others are applied.
 */
export function applyOverrides(doc: Document, overrides: readonly ScenarioOverride[]): PathProblem[] {
  const problems: PathProblem[] = [];
  for (const override of overrides) {
    const problem = applyOverride(doc, override);
    if (problem !== undefined) problems.push(problem);
  }
  return problems;
}

function applyOverride(doc: Document, override: ScenarioOverride): PathProblem | undefined {
  const path = override.path.split('.');
  const fail = (message: string, hint?: string): PathProblem => ({
    path,
    at: 'key',
    message: `override ${overrideText(override)}: ${message}`,
    ...(hint === undefined ? {} : { hint }),
  });
  if (path.some((key) => key === '')) return fail('empty key in the path', 'write a dotted path, e.g. services.api.replicas=4');
  // The value gets the checks of a file's text, as if it were written at its path.
  const tooBig = sizeProblem(override.value, 'the value');
  if (tooBig !== undefined) return fail(tooBig.message, tooBig.hint);
  const parsed = parseSource(override.value, { at: path });
  if ('problem' in parsed) return fail(`the value: ${parsed.problem.message}`, parsed.problem.hint);
  const value = parsed.doc;
  if (value.errors.length > 0) return fail(`the value is not valid YAML (${value.errors[0]!.message.split(' at line')[0]})`, 'quote it');
  let node: unknown = doc.contents;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const where = i === 0 ? 'the document' : pathText(path.slice(0, i));
    const last = i === path.length - 1;
    if (isMap(node)) {
      const keys = node.items.map((pair) => keyText(pair.key));
      if (last) {
        node.set(key, doc.createNode(value.toJS()));
        return undefined;
      }
      if (!keys.includes(key)) return fail(`no key "${key}" in ${where}`, suggestion(key, keys, 'keys there'));
      node = node.get(key, true);
    } else if (isSeq(node)) {
      const index = Number(key);
      if (!Number.isInteger(index) || index < 0 || index >= node.items.length) {
        const hint = node.items.length === 0 ? undefined : `use an index from 0 to ${node.items.length - 1}`;
        return fail(`no item ${key} in ${where}, which has ${node.items.length} item(s)`, hint);
      }
      if (last) {
        node.set(index, doc.createNode(value.toJS()));
        return undefined;
      }
      node = node.get(index, true);
    } else {
      return fail(`${where} is not a mapping or a list, so it has no "${key}"`);
    }
  }
  return undefined;
}
