/**
 * Parsing a scenario's source text within bounds: how deeply it nests, that it holds one
 * document, and (early) how long its lists are. The yaml package's composer recurses once
 * per nesting level (100,000 `[` overflow the stack) and meets a second document with
 * advice meant for library users, so neither may reach it.
 *
 * So the loader drives the package's lexer, CST parser and composer itself, one token at
 * a time, as `parseDocument` does inside. The CST parser keeps open collections on an
 * explicit stack, which gives the depth without recursion; parsing stops at the first
 * level over the limit (the CST parser also slows down with depth, 8.5 s for 500,000
 * levels, so it must never see them all) and at the start of a second document, and the
 * composer only ever sees a document within bounds.
 */
import { Composer, CST, Lexer, Parser, type Document, type LineCounter } from 'yaml';
import { INPUT_LIMITS, LIMIT_REASONS, LIST_LIMITS } from './limits';
import { listRule, LOOSEST_LIST_RULE, tooMany } from './list-lengths';
import type { DocumentPath } from './path-problem';
import type { SourceProblem } from './source-size';

export interface ParseSourceOptions {
  /** Fed with the offset of every line, for the positions of later problems. */
  readonly lineCounter?: LineCounter;
  /** Where the text goes in a scenario: [] for a file, the path of an override's value. */
  readonly at?: DocumentPath;
}

/**
 * Parses YAML `text` as the yaml package's `parseDocument` does, but stops, before the
 * composer sees them, at nesting deeper than `INPUT_LIMITS.nestingDepth`, at a second
 * document, and at a list or mapping far longer than its bound (list-lengths.ts: the CST
 * parser slows down as a collection grows, 7 s for 300,000 entries). Syntax errors are
 * left in the document's `errors`, as `parseDocument` leaves them.
 */
export function parseSource(text: string, options: ParseSourceOptions = {}): { readonly doc: Document.Parsed } | { readonly problem: SourceProblem } {
  const at = options.at ?? [];
  const parser = new Parser(options.lineCounter?.addNewLine);
  options.lineCounter?.addNewLine(0);
  const composer = new Composer({ prettyErrors: false, uniqueKeys: true });
  let doc: Document.Parsed | undefined;
  let documents = 0;
  /** Hands a finished CST token to the composer, unless it starts a second document. */
  const compose = (token: CST.Token): SourceProblem | undefined => {
    if (token.type === 'document' && ++documents > 1) return secondDocument(token.offset);
    for (const composed of composer.next(token)) doc ??= composed;
    return undefined;
  };
  for (const lexeme of new Lexer().lex(text)) {
    const offset = parser.offset;
    for (const token of parser.next(lexeme)) {
      const problem = compose(token);
      if (problem !== undefined) return { problem };
    }
    const problem = openProblem(parser.stack, at, offset);
    if (problem !== undefined) return { problem };
  }
  for (const token of parser.end()) {
    const problem = compose(token);
    if (problem !== undefined) return { problem };
  }
  for (const composed of composer.end(true, text.length)) doc ??= composed;
  return { doc: doc! };
}

/** Entries between two looks at the length of the innermost open collection. */
const LENGTH_CHECK_EVERY = 256;

/** Too deep a nesting, or too long a collection, among those open on the CST parser's stack. */
function openProblem(stack: readonly CST.Token[], at: DocumentPath, offset: number): SourceProblem | undefined {
  const depthMax = INPUT_LIMITS.nestingDepth;
  if (at.length + collectionsOpen(stack) > depthMax) {
    // At the collection that opened the level too many, found on top of the stack.
    return { offset: stack.at(-1)?.offset ?? offset, path: [...at, ...openPath(stack).path], message: `nesting too deep (limit ${depthMax})`, expected: `mappings and lists nested at most ${depthMax} levels deep`, hint: LIMIT_REASONS.nestingDepth };
  }
  // Counted entries may include a trailing empty one, so this stops only past max + 1;
  // list-lengths.ts checks the exact count of the parsed value.
  let index = stack.length - 1;
  while (index >= 0 && !isCollection(stack[index]!)) index--;
  const innermost = stack[index] as CST.BlockMap | CST.BlockSequence | CST.FlowCollection | undefined;
  const length = innermost?.items.length ?? 0;
  if (innermost === undefined || length <= LIST_LIMITS.calls || length % LENGTH_CHECK_EVERY !== 0) return undefined;
  const open = openPath(stack.slice(0, index + 1));
  const path = [...at, ...open.path];
  // Without the whole path the collection could be any list: hold it to the loosest bound.
  const rule = open.complete ? listRule(path) : LOOSEST_LIST_RULE;
  return length > rule.max + 1 ? { offset: innermost.offset, ...tooMany(path, rule, innermost.type !== 'block-map' && !isFlowMap(innermost)) } : undefined;
}

const isFlowMap = (token: CST.Token): boolean => token.type === 'flow-collection' && token.start.source === '{';

function secondDocument(offset: number): SourceProblem {
  return {
    offset,
    path: [],
    message: 'one YAML document per scenario file: a second document starts here',
    expected: 'one YAML document',
    hint: `${LIMIT_REASONS.documents}, or remove this "---"`,
  };
}

const isCollection = (token: CST.Token): boolean => token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection';

function collectionsOpen(stack: readonly CST.Token[]): number {
  let open = 0;
  for (const token of stack) if (isCollection(token)) open++;
  return open;
}

/** Keys shown of a path to a too-deep collection: its start says where it is, the rest is noise. */
const SHOWN_KEYS = 6;

/**
 * Keys and indices down to the collection on top of `stack`, outermost first, through
 * block collections only (the CST parser settles a flow collection's items when it
 * closes), cut to SHOWN_KEYS with a final '…'; `complete` when nothing was left out.
 */
function openPath(stack: readonly CST.Token[]): { readonly path: DocumentPath; readonly complete: boolean } {
  const path: (string | number)[] = [];
  for (const token of stack.slice(0, -1)) {
    if (token.type === 'document') continue;
    if (path.length === SHOWN_KEYS) return { path: [...path, '…'], complete: false };
    const key = token.type === 'block-map' ? blockMapKey(token) : token.type === 'block-seq' ? blockSeqIndex(token) : undefined;
    if (key === undefined) return { path, complete: false };
    path.push(key);
  }
  return { path, complete: true };
}

/** The key whose value is being parsed, if it is a scalar. */
function blockMapKey(map: CST.BlockMap): string | undefined {
  const item = map.items.at(-1);
  return item?.sep === undefined || item.key === undefined || item.key === null ? undefined : CST.resolveAsScalar(item.key)?.value;
}

/** The index of the item being parsed: the parser attaches it when it is done. */
function blockSeqIndex(seq: CST.BlockSequence): number {
  return seq.items.at(-1)?.value === undefined ? seq.items.length - 1 : seq.items.length;
}
