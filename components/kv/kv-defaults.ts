/**
 * Defaults and limits of the KV store, in one frozen profile. Each value carries the
 * reason it was chosen; options are filled in from here (`kv-options.ts`) and nowhere
 * else. The quorum sizes W and R default to a majority of `replication`, which is
 * computed (`majority`), not stored.
 */
export const kvDefaults = Object.freeze({
  /** Copies of each key: 3, Dynamo's and Cassandra's usual N; survives one failure with majority quorums. */
  replication: 3,
  /**
   * How long a coordinator waits for a replica's answer before it routes around it (a hint
   * at a fallback for writes) and, after a second wait, fails the operation. 500 ms: well
   * above a healthy round trip plus an fsync, well below Cassandra's 2 s write timeout,
   * so a dead replica costs a client one short stall rather than its whole budget.
   */
  replicaTimeoutMs: 500,
  /**
   * How long a replica that missed a timeout stays suspected: writes meanwhile go to a
   * fallback with a hint at once instead of waiting. 5 s, about a gossip failure
   * detector's suspicion time; any message from the replica clears it sooner.
   */
  suspectMs: 5_000,
  /** Sloppy quorum and hinted handoff on, as in Dynamo: writes stay available while a replica is down. */
  hintedHandoff: true,
  /** Read repair on, as in Dynamo and Cassandra: a read fixes the stale replicas it saw. */
  readRepair: true,
  /** Operations a coordinator holds at once; more are refused at once (a bound on memory). */
  inFlightMax: 100_000,
  /** Bytes of header on every KV message (ids, key length, version); values and keys come on top. */
  messageOverheadBytes: 64,
  /**
   * Bytes of a stored or streamed entry besides its key and value: the 8-byte version and
   * an 8-byte length header. An entry is key length + 16 + value bytes.
   */
  entryOverheadBytes: 16,
  /** Time between hinted-handoff rounds: each round offers one batch to each node with hints. */
  handoffIntervalMs: 1_000,
  /** Hints per handoff batch: 256 entries of 1 KB is one 256 KB message, one fsync at the receiver. */
  handoffBatchMax: 256,
  /**
   * Outbound streaming rate of one node while rebalancing, in bytes per second: 25 MB/s,
   * Cassandra's stream_throughput_outbound default of 200 Mbit/s, so a joining node does
   * not starve client traffic of disk and network.
   */
  streamBytesPerSecond: 25_000_000,
  /** Bytes per stream chunk (one message, one fsync at the receiver): 64 KiB, a typical transfer unit. */
  streamChunkBytes: 65_536,
  /** Unacknowledged chunks per stream session: 4 keeps the pipe full over a millisecond round trip. */
  streamWindow: 4,
  /** A chunk not acknowledged within this time is sent again (the receiver may be down or the chunk lost). */
  streamRetryMs: 2_000,
  /** B+tree order of each node's store: 32, the btree module's default. */
  treeOrder: 32,
  /** Write-buffer capacity of each node's store: 1024, the btree module's default. */
  writeBufferCapacity: 1_024,
  /** Largest node index: versions keep 10 bits for the writing coordinator. */
  nodeIndexMax: 1_023,
});

/** The majority quorum of `replication` copies: floor(N/2) + 1. */
export function majority(replication: number): number {
  return Math.floor(replication / 2) + 1;
}
