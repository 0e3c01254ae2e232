import type { Env, TimerHandle } from '../../sim/env';
import type { KvBackend } from './kv-backend';
import type { KvValue } from './kv-value';
import { entryBytes } from './kv-value';
import type { KvEntry, StreamMessage } from './messages';
import type { ResolvedStoreOptions } from './kv-options';

/** What a stream session needs from its store. */
export interface StreamSource {
  /** The store's current value of `key`, read when its chunk is built. */
  read(key: string): KvValue | undefined;
  /**
   * Reserve the node's outbound stream bandwidth for `bytes`; returns the delay (ms) until
   * the chunk may leave. Shared by all sessions of a node, so its total rate is capped.
   */
  reserve(bytes: number): number;
  readonly backend: KvBackend;
}

interface Chunk {
  readonly seq: number;
  readonly entries: readonly KvEntry[];
  readonly bytes: number;
  timer: TimerHandle | undefined;
}

/**
 * One rebalancing stream: the keys one node hands to one new owner, sent in chunks of
 * about `streamChunkBytes` at the node's paced rate, at most `streamWindow` chunks
 * unacknowledged, each resent after `streamRetryMs` until acknowledged (the receiver may
 * be down; applying a chunk twice is harmless under last-writer-wins). Values are read
 * when a chunk is built, so later writes travel too; writes after that reach the new
 * owner directly (see KvMembership).
 *
 * Memory: the key list plus at most `streamWindow` chunks.
 */
export class StreamSender {
  /** Keys and bytes acknowledged by the receiver (each chunk counted once). */
  keyCount = 0;
  byteCount = 0;
  private nextKey = 0;
  private nextSeq = 0;
  private readonly inFlight = new Map<number, Chunk>();
  private finished = false;

  constructor(
    private readonly env: Env,
    readonly session: number,
    readonly target: string,
    private readonly keys: readonly string[],
    private readonly source: StreamSource,
    private readonly options: ResolvedStoreOptions,
    private readonly done: (sender: StreamSender) => void,
  ) {}

  get complete(): boolean {
    return this.finished;
  }

  start(): void {
    this.pump();
  }

  /** The receiver acknowledged chunk `seq`. */
  acknowledged(seq: number): void {
    const chunk = this.inFlight.get(seq);
    if (chunk === undefined) return; // a duplicate acknowledgement of a resent chunk
    if (chunk.timer !== undefined) this.env.cancel(chunk.timer);
    this.inFlight.delete(seq);
    this.keyCount += chunk.entries.length;
    this.byteCount += chunk.bytes;
    this.pump();
  }

  /** Stop sending (the node crashed); nothing more happens. */
  stop(): void {
    for (const chunk of this.inFlight.values()) if (chunk.timer !== undefined) this.env.cancel(chunk.timer);
    this.inFlight.clear();
    this.finished = true;
  }

  /** Build and schedule chunks while the window has room; report completion. */
  private pump(): void {
    if (this.finished) return;
    while (this.inFlight.size < this.options.streamWindow && this.nextKey < this.keys.length) {
      const chunk = this.buildChunk();
      if (chunk.entries.length === 0) continue;
      this.inFlight.set(chunk.seq, chunk);
      this.schedule(chunk);
    }
    if (this.inFlight.size === 0 && this.nextKey >= this.keys.length) {
      this.finished = true;
      this.done(this);
    }
  }

  /** The next entries up to about streamChunkBytes (at least one), read now. */
  private buildChunk(): Chunk {
    const entries: KvEntry[] = [];
    let bytes = 0;
    while (this.nextKey < this.keys.length && (entries.length === 0 || bytes < this.options.streamChunkBytes)) {
      const key = this.keys[this.nextKey++]!;
      const value = this.source.read(key);
      if (value === undefined) continue;
      entries.push({ key, version: value.version, valueBytes: value.valueBytes });
      bytes += entryBytes(key, value.valueBytes);
    }
    return { seq: this.nextSeq++, entries, bytes, timer: undefined };
  }

  /** Wait for bandwidth, read the chunk from disk, send it and arm its resend timer. */
  private schedule(chunk: Chunk): void {
    const delayMs = this.source.reserve(chunk.bytes);
    this.env.schedule(delayMs, () => {
      if (this.finished || !this.inFlight.has(chunk.seq)) return;
      this.source.backend.perform({ kind: 'stream-read', keyCount: chunk.entries.length, bytes: chunk.bytes }, () => this.send(chunk));
    });
  }

  private send(chunk: Chunk): void {
    if (this.finished || !this.inFlight.has(chunk.seq)) return;
    const message: StreamMessage = {
      type: 'kv.stream',
      session: this.session,
      seq: chunk.seq,
      entries: chunk.entries,
      size: this.options.messageOverheadBytes + chunk.bytes,
    };
    this.env.send(this.target, message);
    chunk.timer = this.env.schedule(this.options.streamRetryMs, () => {
      chunk.timer = undefined;
      if (!this.finished && this.inFlight.has(chunk.seq)) this.schedule(chunk);
    });
  }
}
