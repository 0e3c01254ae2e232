/**
 * Where a document path is in the YAML source, so problems can say file:line:column.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import type { DocumentPath } from './path-problem';

/** A 1-based line and column. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

const rangeStart = (node: unknown): number | undefined =>
  node !== null && typeof node === 'object' && 'range' in node && Array.isArray(node.range) ? (node.range[0] as number) : undefined;

/** The text of a mapping key node, as `toJS()` would make it. */
export const keyText = (key: unknown): string => (isScalar(key) ? String(key.value) : String(key));

/**
 * The position of the key or the value at `path`. When the path goes further than the
 * document (a missing key) or reaches a node without a place in the source (set by an
 * override), the last key on the way that has one.
 */
export function positionOf(doc: Document, lineCounter: LineCounter, path: DocumentPath, at: 'key' | 'value'): SourcePosition {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    if (isAlias(node)) node = node.resolve(doc);
    let keyNode: unknown;
    let valueNode: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(path[i]));
      if (pair === undefined) break;
      [keyNode, valueNode] = [pair.key, pair.value];
    } else if (isSeq(node) && Number.isInteger(Number(path[i]))) {
      keyNode = valueNode = node.items[Number(path[i])];
      if (keyNode === undefined) break;
    } else {
      break;
    }
    offset = rangeStart(keyNode) ?? offset;
    if (i === path.length - 1 && at === 'value') offset = rangeStart(valueNode) ?? offset;
    node = valueNode;
  }
  const { line, col } = lineCounter.linePos(offset);
  return { line: Math.max(line, 1), column: Math.max(col, 1) };
}
