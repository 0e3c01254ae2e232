/**
 * The scenario loader: YAML text in, normalised `Scenario` out, or a `ScenarioError` with
 * every problem of the file placed at its line and column.
 *
 *   text → size, nesting depth and one document (checked before parsing; each stops here)
 *        → YAML document (syntax errors stop here) → overrides → list lengths (stop here)
 *        → schema validation + cross-section checks (both always run, so all problems
 *          show at once) → normalise (defaults filled in) → the size of the run
 *
 * No Node APIs here: the browser worker loads scenarios too (see read-file.ts for files).
 */
import { LineCounter, type Document, type YAMLError } from 'yaml';
import { crossCheck } from './cross-check';
import { ScenarioError, type ScenarioProblem } from './errors';
import { listLengthProblems } from './list-lengths';
import { normalise } from './normalise';
import { applyOverrides, overrideText, type ScenarioOverride } from './overrides';
import { parseSource } from './parse-source';
import { cutShort, pathText, type PathProblem } from './path-problem';
import { runSizeProblems } from './run-size';
import type { ScenarioPart } from './scenario-part';
import type { ScenarioDoc } from './schema';
import { sizeProblem, type SourceProblem } from './source-size';
import { positionOf } from './source-position';
import type { Scenario } from './types';
import { validate } from './validate';
import type { z } from 'zod';

export interface LoadOptions {
  /** `path=value` settings applied to the document before validation, in order. */
  readonly overrides?: readonly ScenarioOverride[];
}

/** A language to load in: its parts and its schema (language.ts). */
export interface Grammar {
  readonly parts: readonly ScenarioPart[];
  readonly schema: z.ZodType<ScenarioDoc>;
}

/**
 * Parses, validates and normalises a scenario written in `grammar`.
 *
 * @param text the YAML source
 * @param file the file name used in problem locations (not read)
 * @param opts overrides to apply to the document
 * @returns the normalised scenario (durations in ms, rates per second, sizes in bytes)
 * @throws ScenarioError listing every problem found, in source order
 */
export function loadIn(grammar: Grammar, text: string, file: string, opts: LoadOptions = {}): Scenario {
  // A file too big is refused before it is read any further: at its start.
  const tooBig = sizeProblem(text);
  if (tooBig !== undefined) throw new ScenarioError([placeSourceProblem(tooBig, { line: 1, col: 1 }, file)]);
  const lineCounter = new LineCounter();
  const parsed = parseSource(text, { lineCounter });
  if ('problem' in parsed) throw new ScenarioError([placeSourceProblem(parsed.problem, lineCounter.linePos(parsed.problem.offset), file)]);
  const doc = parsed.doc;
  // Past a syntax error the structure of the document is a guess, and later errors are
  // mostly echoes of the first: report that one and stop.
  if (doc.errors.length > 0) throw new ScenarioError([syntaxProblem(doc.errors[0]!, doc.errors.length - 1, lineCounter, file)]);
  const overrides = opts.overrides ?? [];
  const overrideProblems = applyOverrides(doc, overrides);
  const place = (problems: readonly PathProblem[], notedOverrides: readonly ScenarioOverride[]) =>
    problems.map((problem) => placeProblem(problem, doc, lineCounter, file, notedOverrides));
  const fail = (documentProblems: readonly PathProblem[]): never => {
    const placed = [...place(overrideProblems, []), ...place(documentProblems, overrides)];
    // Array.prototype.sort is stable, so problems at one place keep the order found.
    throw new ScenarioError(placed.sort((a, b) => a.line - b.line || a.column - b.column));
  };
  const raw = documentValue(doc, file);
  // Over-long lists stop here: validating a million entries would take minutes.
  const tooLong = listLengthProblems(raw);
  if (tooLong.length > 0) fail(tooLong);
  const { data, problems } = validate(grammar.schema, raw);
  const documentProblems = [...problems, ...crossCheck(raw, grammar.parts)];
  if (overrideProblems.length > 0 || documentProblems.length > 0) fail(documentProblems);
  const scenario = normalise(data!, grammar.parts);
  const sizeProblems = runSizeProblems(scenario, grammar.parts);
  if (sizeProblems.length > 0) fail(sizeProblems);
  return scenario;
}

/** A problem of the source text at its position (the lexer fed the line counter up to it). */
function placeSourceProblem(problem: SourceProblem, { line, col }: { line: number; col: number }, file: string): ScenarioProblem {
  return { file, line, column: col, path: pathText(problem.path), message: problem.message, expected: problem.expected, hint: problem.hint };
}

function syntaxProblem(error: YAMLError, more: number, lineCounter: LineCounter, file: string): ScenarioProblem {
  const { line, col } = lineCounter.linePos(error.pos[0]);
  // The parser quotes the offending text, which can be a whole paragraph: keep its start.
  const message = error.message.split('\n')[0]!.replace(/"([^"]*)"/g, (_, quoted: string) => `"${cutShort(quoted)}"`);
  const hint = more === 0 ? undefined : `${more} more syntax error${more === 1 ? '' : 's'} may follow from this one; fix it first`;
  return { file, line: Math.max(line, 1), column: Math.max(col, 1), path: '', message: `YAML syntax error: ${message}`, ...(hint === undefined ? {} : { hint }) };
}

/** The document as plain data (mappings as objects, keys as strings). */
function documentValue(doc: Document, file: string): unknown {
  try {
    return doc.toJS();
  } catch (error) {
    // Too many aliases (a "billion laughs" document), for one.
    throw new ScenarioError([{ file, line: 1, column: 1, path: '', message: `YAML: ${(error as Error).message}` }]);
  }
}

/** Gives a problem its source position, and notes the override that set its value if any. */
function placeProblem(problem: PathProblem, doc: Document, lineCounter: LineCounter, file: string, overrides: readonly ScenarioOverride[]): ScenarioProblem {
  const path = pathText(problem.path);
  const override = [...overrides].reverse().find((o) => path === o.path || path.startsWith(`${o.path}.`));
  const { line, column } = positionOf(doc, lineCounter, problem.path, problem.at);
  return {
    file,
    line,
    column,
    path,
    message: override === undefined ? problem.message : `${problem.message} (set by override ${overrideText(override)})`,
    ...(problem.expected === undefined ? {} : { expected: problem.expected }),
    ...(problem.hint === undefined ? {} : { hint: problem.hint }),
  };
}
