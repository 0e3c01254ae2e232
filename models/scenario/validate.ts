/**
 * Validation of the parsed document against the zod schema, with each zod issue turned
 * into a problem a user can act on: the value received, what was expected, and a hint
 * (an example, or "did you mean").
 *
 * zod explains an issue only by its message, so the error map below packs what the
 * raising schema knows (`fieldInfo`) into it, and `problemsOf` unpacks it. Values are
 * quoted from the document itself, by path.
 */
import { z } from 'zod';
import { closest, suggestion } from './did-you-mean';
import { decodeDetail, encodeDetail, fieldInfo, NAME_PATTERN, type IssueDetail } from './fields';
import { pathText, show, valueAt, type DocumentPath, type PathProblem } from './path-problem';
import { minOf } from '../../sim/stats';

/** zod error map: what the schema that raised `issue` expects. */
function explain(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'unrecognized_keys') {
    const shape = (issue.inst as z.core.$ZodObject | undefined)?._zod.def.shape ?? {};
    return encodeDetail({ validKeys: Object.keys(shape) });
  }
  const schema = issue.schema ?? issue.inst;
  const info = schema === undefined ? undefined : fieldInfo.get(schema as z.core.$ZodType);
  return info === undefined ? undefined : encodeDetail(info);
}

/**
 * Parses `raw` with `schema`: the output, or every problem found (zod does not stop at
 * the first one).
 */
export function validate<T>(schema: z.ZodType<T>, raw: unknown): { readonly data?: T; readonly problems: PathProblem[] } {
  const result = schema.safeParse(raw, { error: explain });
  if (result.success) return { data: result.data, problems: [] };
  return { problems: withoutEchoes(result.error.issues.flatMap((issue) => problemsOf(issue, raw, []))) };
}

/** Drops "missing key duration" where "unknown key durations (did you mean duration?)" says it already. */
function withoutEchoes(problems: readonly PathProblem[]): PathProblem[] {
  const parentOf = (problem: PathProblem) => pathText(problem.path.slice(0, -1));
  const misspelt = new Set(problems.filter((p) => p.misspeltKey !== undefined).map((p) => `${parentOf(p)}\u0000${p.misspeltKey}`));
  return problems.filter((p) => p.missingKey === undefined || !misspelt.has(`${parentOf(p)}\u0000${p.missingKey}`));
}

/** The problems of one issue raised at `prefix` (issues inside unions are relative to it). */
function problemsOf(issue: z.core.$ZodIssue, root: unknown, prefix: DocumentPath): PathProblem[] {
  const path = [...prefix, ...(issue.path as (string | number)[])];
  switch (issue.code) {
    case 'unrecognized_keys': {
      const validKeys = decodeDetail(issue.message).validKeys ?? [];
      return issue.keys.map((key) => {
        const match = closest(key, validKeys);
        const problem: PathProblem = { path: [...path, key], at: 'key', message: `unknown key "${key}"`, hint: suggestion(key, validKeys, 'valid keys') };
        return match === undefined ? problem : { ...problem, misspeltKey: match };
      });
    }
    case 'invalid_key':
      return [invalidName(path, issue.issues[0]?.message)];
    case 'invalid_value':
      return [oneOfProblem(path, root, issue.values.map(String))];
    case 'invalid_union': {
      if (issue.discriminator !== undefined && issue.errors.length === 0) {
        // An optional discriminator (kind, absent = service) lists undefined among its values.
        const options = ((issue as { options?: unknown[] }).options ?? []).filter((option) => option !== undefined);
        return [oneOfProblem(path, root, options.map(String))];
      }
      const branch = chooseBranch(issue.errors, root, path);
      if (branch !== undefined) return branch.flatMap((inner) => problemsOf(inner, root, path));
      return [badValue(path, root, decodeDetail(issue.message))];
    }
    default:
      return [badValue(path, root, decodeDetail(issue.message))];
  }
}

/** A missing key, or a value that is not what `detail` expects. */
function badValue(path: DocumentPath, root: unknown, detail: IssueDetail): PathProblem {
  const key = path.at(-1);
  const { present, value } = valueAt(root, path);
  const example = detail.example === undefined ? undefined : typeof key === 'string' ? `${key}: ${detail.example}` : detail.example;
  const expected = detail.expected === undefined ? {} : { expected: detail.expected };
  if (!present && typeof key === 'string') {
    return { path, at: 'key', message: `missing required key "${key}"`, ...expected, ...(example === undefined ? {} : { hint: example }), missingKey: key };
  }
  const message = detail.message ?? `expected ${detail.expected ?? 'another value'}, got ${show(value)}`;
  const hint = detail.hint ?? example;
  return { path, at: 'value', message, ...expected, ...(hint === undefined ? {} : { hint }) };
}

/** A value outside a fixed list (an enum, a discriminator such as `dist` or `policy`). */
function oneOfProblem(path: DocumentPath, root: unknown, values: readonly string[]): PathProblem {
  const { present, value } = valueAt(root, path);
  const expected = `one of ${values.join(', ')}`;
  const key = String(path.at(-1));
  if (!present) return { path, at: 'key', message: `missing required key "${key}"`, expected, hint: `${key}: ${values.join(' | ')}`, missingKey: key };
  const match = typeof value === 'string' ? closest(value, values) : undefined;
  const problem = { path, at: 'value' as const, message: `expected ${expected}, got ${show(value)}`, expected };
  return match === undefined ? problem : { ...problem, hint: `did you mean "${match}"?` };
}

/** A service or client name that does not match NAME_PATTERN. */
function invalidName(path: DocumentPath, innerMessage: string | undefined): PathProblem {
  const name = String(path.at(-1));
  const expected = (innerMessage === undefined ? undefined : decodeDetail(innerMessage).expected) ?? 'a valid name';
  // Lowercase, dashes for other characters, and no dash before digits (db-1 → db1).
  const fixed = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/-(?=\d)/g, '')
    .replace(/^[-\d]+|-+$/g, '');
  const digitWord = /-\d+$/.test(name) ? `; ${show(name)} reads as a node id (replica ${name.replace(/^.*-/, '')})` : '';
  const hint = new RegExp(NAME_PATTERN).test(fixed) ? `write "${fixed}"${digitWord}` : 'e.g. api-v2';
  return { path, at: 'key', message: `expected ${expected}, got ${show(name)}`, expected, hint };
}

/**
 * The union branch the user most likely meant, or undefined to report the union as a
 * whole. Branches whose type does not match (a mapping given to a duration) are out; of
 * the rest, the one with the fewest unknown and missing keys at its top wins, so
 * `{ at: 5s, crash: srv-0, factor: 2 }` is a crash fault with an unknown key `factor`.
 */
function chooseBranch(branches: readonly (readonly z.core.$ZodIssue[])[], root: unknown, path: DocumentPath): readonly z.core.$ZodIssue[] | undefined {
  const viable = branches.filter((issues) => !issues.some(isTypeMismatch));
  if (viable.length <= 1) return viable[0];
  const scores = viable.map((issues) => keyMismatchCount(issues, root, path));
  const best = minOf(scores);
  return scores.filter((s) => s === best).length === 1 ? viable[scores.indexOf(best)] : undefined;
}

function isTypeMismatch(issue: z.core.$ZodIssue): boolean {
  if (issue.path.length > 0) return false;
  if (issue.code === 'invalid_type' || issue.code === 'invalid_value') return true;
  return issue.code === 'invalid_union' && issue.discriminator === undefined && issue.errors.length > 0 && issue.errors.every((b) => b.some(isTypeMismatch));
}

function keyMismatchCount(issues: readonly z.core.$ZodIssue[], root: unknown, path: DocumentPath): number {
  let count = 0;
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys' && issue.path.length === 0) count += issue.keys.length;
    else if (issue.path.length === 1 && !valueAt(root, [...path, ...(issue.path as (string | number)[])]).present) count += 1;
  }
  return count;
}
