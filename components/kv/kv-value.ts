import { kvDefaults } from './kv-defaults';

/**
 * What a store holds for a key: the version of the last write it applied and the size
 * of the value. The simulator needs no value bytes, only their count; versions decide
 * which write wins (see `version-clock.ts`).
 */
export interface KvValue {
  /** Last-writer-wins version; greater wins. Always > 0 (0 means "no value" on the wire). */
  readonly version: number;
  /** Size of the value in bytes. */
  readonly valueBytes: number;
}

/** Bytes of a stored or streamed entry: key (one byte per character) + 16 + value. */
export function entryBytes(key: string, valueBytes: number): number {
  return key.length + kvDefaults.entryOverheadBytes + valueBytes;
}

/** Whether `incoming` should replace `current` under last-writer-wins. */
export function newer(incoming: KvValue, current: KvValue | undefined): boolean {
  return current === undefined || incoming.version > current.version;
}
