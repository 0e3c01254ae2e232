/**
 * A problem found in the parsed document, before it is placed in the source text:
 * `load.ts` turns its `path` into a line and column.
 */

export type DocumentPath = readonly (string | number)[];

export interface PathProblem {
  readonly path: DocumentPath;
  /** Point at the key (unknown or missing keys) or at the value (a bad value). */
  readonly at: 'key' | 'value';
  readonly message: string;
  readonly expected?: string;
  readonly hint?: string;
  /**
   * For a missing key, its name; for an unknown key, the valid key it likely misspells.
   * Lets validation drop "missing duration" when "durations" is already reported.
   */
  readonly missingKey?: string;
  readonly misspeltKey?: string;
}

/** `services.srv.cores`, `faults.0.at`; '' for the whole document. */
export const pathText = (path: DocumentPath): string => path.join('.');

/** The value at `path` of a parsed document, and whether it is there at all. */
export function valueAt(root: unknown, path: DocumentPath): { readonly present: boolean; readonly value: unknown } {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, key)) {
      return { present: false, value: undefined };
    }
    node = (node as Record<string | number, unknown>)[key];
  }
  return { present: true, value: node };
}

/** Text quoted in a message, cut short when long: a pasted paragraph is not a useful quote. */
export const cutShort = (text: string): string => (text.length > 48 ? `${text.slice(0, 40)}…` : text);

/** A value as quoted in messages: strings in quotes (long ones cut short), collections by kind. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(cutShort(value));
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (value !== null && typeof value === 'object') return Object.keys(value).length === 0 ? 'an empty mapping' : 'a mapping';
  return String(value);
}
