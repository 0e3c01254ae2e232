/**
 * Lengths of the lists and mappings of a parsed document, checked before the schema: zod
 * validates every entry before it looks at the count, and a million faults took over a
 * minute and 3 GB to validate. Each known list has its own bound (`LIST_LIMITS`); any
 * other list or mapping has `LIST_LIMITS.other`.
 */
import { LIMIT_REASONS, LIST_LIMITS } from './limits';
import type { DocumentPath, PathProblem } from './path-problem';

export interface ListRule {
  /** Keys from the root, '*' for any key; a leading '**' matches any path ending with the rest. */
  readonly pattern: readonly string[];
  readonly max: number;
  /** What the entries are, plural. */
  readonly noun: string;
  /** Why the bound is enough, for the hint. */
  readonly why: string;
}

const RULES: readonly ListRule[] = [
  { pattern: ['services'], max: LIST_LIMITS.services, noun: 'services', why: 'a model of a whole microservice estate fits in 1,000 services' },
  { pattern: ['clients'], max: LIST_LIMITS.clients, noun: 'clients', why: '1,000 clients is one for each of the most services a scenario may have' },
  { pattern: ['faults'], max: LIST_LIMITS.faults, noun: 'faults', why: 'a fault every 10 s for a day is 8,640' },
  { pattern: ['clients', '*', 'arrival', 'rate'], max: LIST_LIMITS.steps, noun: 'rate steps', why: 'a day of steps 10 s apart is 8,640' },
  { pattern: ['services', '*', 'calls'], max: LIST_LIMITS.calls, noun: 'calls', why: '1,000 calls is one to each of the most services a scenario may have' },
  { pattern: ['**', 'samples'], max: LIST_LIMITS.samples, noun: 'samples', why: '10,000 measurements put 10 of them above the p99.9' },
];

const OTHER: ListRule = { pattern: [], max: LIST_LIMITS.other, noun: 'entries', why: 'the longest list the format needs is weights, one per replica (at most 100,000)' };

function matches(pattern: readonly string[], path: DocumentPath): boolean {
  if (pattern[0] === '**') {
    const tail = pattern.slice(1);
    return path.length >= tail.length && tail.every((key, i) => key === String(path[path.length - tail.length + i]));
  }
  return pattern.length === path.length && pattern.every((key, i) => key === '*' || key === String(path[i]));
}

/** The bound on the list or mapping at `path`. */
export function listRule(path: DocumentPath): ListRule {
  return RULES.find((rule) => matches(rule.pattern, path)) ?? OTHER;
}

/** The rule for a collection whose path is not known: the largest bound, which holds for any. */
export const LOOSEST_LIST_RULE: ListRule = OTHER;

/**
 * The problem of a list (or mapping) at `path` with more entries than its rule allows:
 * `length` of them, or more than the bound when the count was cut short.
 */
export function tooMany(path: DocumentPath, rule: ListRule, isList: boolean, length?: number): { path: DocumentPath; message: string; expected: string; hint: string } {
  const max = rule.max.toLocaleString('en-US');
  const count = length === undefined ? `more than ${max}` : length.toLocaleString('en-US');
  return {
    path,
    message: `too many ${rule.noun}: ${isList ? 'a list' : 'a mapping'} of ${count} (limit ${max})`,
    expected: `at most ${max} ${rule.noun}`,
    hint: `${rule.why}; ${LIMIT_REASONS.list}`,
  };
}

/**
 * Every list or mapping of `root` longer than its bound, outermost first; the entries of
 * one that is too long are not looked into. The walk visits each value once, and the
 * source checks have already bounded the nesting depth.
 */
export function listLengthProblems(root: unknown): PathProblem[] {
  const problems: PathProblem[] = [];
  const visit = (value: unknown, path: DocumentPath): void => {
    if (value === null || typeof value !== 'object') return;
    const keys: readonly (string | number)[] = Array.isArray(value) ? [] : Object.keys(value);
    const length = Array.isArray(value) ? value.length : keys.length;
    const rule = listRule(path);
    if (length > rule.max) {
      problems.push({ at: 'value', ...tooMany(path, rule, Array.isArray(value), length) });
      return;
    }
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...path, i]));
    else for (const key of keys) visit((value as Record<string, unknown>)[key as string], [...path, key]);
  };
  visit(root, []);
  return problems;
}
