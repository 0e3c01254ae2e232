/**
 * The size of a scenario's source text, checked before anything parses it: the yaml
 * package took 15 s and 1.8 GB on a 50 MB file. The loader runs in the browser too, so the
 * UTF-8 length is counted here rather than with Node's Buffer.
 */
import { INPUT_LIMITS, LIMIT_REASONS } from './limits';
import type { DocumentPath } from './path-problem';

/** A problem of the source text, at a character offset. */
export interface SourceProblem {
  readonly offset: number;
  /** The path of the document down to the problem, as far as it is known. */
  readonly path: DocumentPath;
  readonly message: string;
  readonly expected: string;
  readonly hint: string;
}

const MIB = 1024 * 1024;

/** Bytes of `text` in UTF-8, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    // A surrogate pair is one 4-byte character: count 4 for the high half, none for the low.
    else if (code >= 0xd800 && code <= 0xdbff) bytes += 4;
    else if (code >= 0xdc00 && code <= 0xdfff) bytes += 0;
    else bytes += 3;
  }
  return bytes;
}

/** A byte count as people read it: 512 bytes, 3.4 KiB, 1 MiB, 50.2 MiB. */
export function byteSize(bytes: number): string {
  const [unit, size] = bytes < 1024 ? ['bytes', 1] : bytes < MIB ? ['KiB', 1024] : ['MiB', MIB];
  const value = bytes / size;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}

/** The size of `text` if it is over the limit of a scenario file; `what` names it in the message. */
export function sizeProblem(text: string, what = 'the file'): SourceProblem | undefined {
  // A string has at least as many UTF-8 bytes as characters: count only when it may fit.
  const bytes = text.length > INPUT_LIMITS.fileBytes ? text.length : utf8Length(text);
  if (bytes > INPUT_LIMITS.fileBytes) {
    const exact = utf8Length(text);
    return {
      offset: 0,
      path: [],
      message: `${what} is ${byteSize(exact)} (${exact.toLocaleString('en-US')} bytes), over the limit of ${byteSize(INPUT_LIMITS.fileBytes)} for a scenario`,
      expected: `a file of at most ${byteSize(INPUT_LIMITS.fileBytes)}`,
      hint: LIMIT_REASONS.fileBytes,
    };
  }
  return undefined;
}
