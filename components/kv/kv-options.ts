import { ComponentError, numericOptionCode } from '../errors';
import { checkOptionalOption } from '../options/check-option';
import { kvDefaults, majority } from './kv-defaults';

/**
 * Options of a KvCoordinator. Absent fields take their value from `kvDefaults`; every
 * field is validated at construction and a bad value is rejected, never clamped.
 */
export interface KvCoordinatorOptions {
  /** Index of this node among the service's nodes, integer in [0, 1023]; the low bits of its versions. */
  readonly nodeIndex: number;
  /**
   * W: replica acknowledgements a put needs, integer in [1, replication]. Default the
   * majority floor(N/2) + 1. W + R > N makes every read quorum meet every write quorum.
   */
  readonly writeQuorum?: number;
  /** R: replica answers a get needs, integer in [1, replication]. Default the majority. */
  readonly readQuorum?: number;
  /** Wait for a replica before routing around it (puts) or giving up (gets), ms > 0. Default 500. */
  readonly replicaTimeoutMs?: number;
  /** How long a replica that missed a timeout is routed around, ms ≥ 0 (0: never suspect). Default 5000. */
  readonly suspectMs?: number;
  /** Sloppy quorum with hinted handoff (true, default) or strict quorum (false). */
  readonly hintedHandoff?: boolean;
  /** Repair stale replicas seen by a read (default true). */
  readonly readRepair?: boolean;
  /** Operations held at once, integer ≥ 1; more are refused with reason 'overloaded'. Default 100,000. */
  readonly inFlightMax?: number;
  /** Header bytes of each message, integer ≥ 0. Default 64. */
  readonly messageOverheadBytes?: number;
}

export type ResolvedCoordinatorOptions = Required<KvCoordinatorOptions>;

/** The coordinator's options with defaults filled in, checked against `replication`. */
export function resolveCoordinatorOptions(options: KvCoordinatorOptions, replication: number): ResolvedCoordinatorOptions {
  const resolved: ResolvedCoordinatorOptions = {
    nodeIndex: options.nodeIndex,
    writeQuorum: options.writeQuorum ?? majority(replication),
    readQuorum: options.readQuorum ?? majority(replication),
    replicaTimeoutMs: options.replicaTimeoutMs ?? kvDefaults.replicaTimeoutMs,
    suspectMs: options.suspectMs ?? kvDefaults.suspectMs,
    hintedHandoff: options.hintedHandoff ?? kvDefaults.hintedHandoff,
    readRepair: options.readRepair ?? kvDefaults.readRepair,
    inFlightMax: options.inFlightMax ?? kvDefaults.inFlightMax,
    messageOverheadBytes: options.messageOverheadBytes ?? kvDefaults.messageOverheadBytes,
  };
  integer('nodeIndex', resolved.nodeIndex, 0, kvDefaults.nodeIndexMax);
  integer('writeQuorum', resolved.writeQuorum, 1, replication);
  integer('readQuorum', resolved.readQuorum, 1, replication);
  positive('replicaTimeoutMs', resolved.replicaTimeoutMs);
  atLeastZero('suspectMs', resolved.suspectMs);
  integer('inFlightMax', resolved.inFlightMax, 1, Number.MAX_SAFE_INTEGER);
  integer('messageOverheadBytes', resolved.messageOverheadBytes, 0, Number.MAX_SAFE_INTEGER);
  return resolved;
}

/** Options of a KvStore; absent fields take their value from `kvDefaults`. */
export interface KvStoreOptions {
  /** Time between hinted-handoff rounds, ms > 0. Default 1000. */
  readonly handoffIntervalMs?: number;
  /** Hints per handoff message, integer ≥ 1. Default 256. */
  readonly handoffBatchMax?: number;
  /** Outbound streaming rate while rebalancing, bytes per second > 0. Default 25,000,000 (200 Mbit/s). */
  readonly streamBytesPerSecond?: number;
  /** Bytes per stream chunk, integer ≥ 1 (a chunk holds at least one entry). Default 65,536. */
  readonly streamChunkBytes?: number;
  /** Unacknowledged chunks per stream session, integer ≥ 1. Default 4. */
  readonly streamWindow?: number;
  /** Resend a chunk not acknowledged within this time, ms > 0. Default 2000. */
  readonly streamRetryMs?: number;
  /** B+tree order, integer in [3, 1024]. Default 32. */
  readonly treeOrder?: number;
  /** Write-buffer capacity, integer in [1, 1048576]. Default 1024. */
  readonly writeBufferCapacity?: number;
  /** Header bytes of each message, integer ≥ 0. Default 64. */
  readonly messageOverheadBytes?: number;
}

export type ResolvedStoreOptions = Required<KvStoreOptions>;

export function resolveStoreOptions(options: KvStoreOptions): ResolvedStoreOptions {
  const resolved: ResolvedStoreOptions = {
    handoffIntervalMs: options.handoffIntervalMs ?? kvDefaults.handoffIntervalMs,
    handoffBatchMax: options.handoffBatchMax ?? kvDefaults.handoffBatchMax,
    streamBytesPerSecond: options.streamBytesPerSecond ?? kvDefaults.streamBytesPerSecond,
    streamChunkBytes: options.streamChunkBytes ?? kvDefaults.streamChunkBytes,
    streamWindow: options.streamWindow ?? kvDefaults.streamWindow,
    streamRetryMs: options.streamRetryMs ?? kvDefaults.streamRetryMs,
    treeOrder: options.treeOrder ?? kvDefaults.treeOrder,
    writeBufferCapacity: options.writeBufferCapacity ?? kvDefaults.writeBufferCapacity,
    messageOverheadBytes: options.messageOverheadBytes ?? kvDefaults.messageOverheadBytes,
  };
  positive('handoffIntervalMs', resolved.handoffIntervalMs);
  integer('handoffBatchMax', resolved.handoffBatchMax, 1, Number.MAX_SAFE_INTEGER);
  positive('streamBytesPerSecond', resolved.streamBytesPerSecond);
  integer('streamChunkBytes', resolved.streamChunkBytes, 1, Number.MAX_SAFE_INTEGER);
  integer('streamWindow', resolved.streamWindow, 1, Number.MAX_SAFE_INTEGER);
  positive('streamRetryMs', resolved.streamRetryMs);
  integer('messageOverheadBytes', resolved.messageOverheadBytes, 0, Number.MAX_SAFE_INTEGER);
  return resolved;
}

function integer(field: string, value: number, min: number, max: number): void {
  checkOptionalOption('kv', field, value, { min, max, integer: true });
}

function positive(field: string, value: number): void {
  if (!(value > 0 && value < Infinity)) {
    throw new ComponentError(numericOptionCode(value), `kv: ${field} must be a finite number > 0, got ${value}`);
  }
}

function atLeastZero(field: string, value: number): void {
  if (!(value >= 0 && value < Infinity)) {
    throw new ComponentError(numericOptionCode(value), `kv: ${field} must be a finite number ≥ 0, got ${value}`);
  }
}
