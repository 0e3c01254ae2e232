/**
 * The normalised KV fields of a scenario (kv-scenario-part.ts makes them), added to the
 * scenario's types by declaration merging: `ServiceSpec.kv`, `ClientSpec.kv` and the
 * membership faults `add-node` and `remove-node`.
 */
import type { DistSpec } from '../sampling/distributions';

/** A KV store service (`kind: kv`); see docs/components/kv.md. */
export interface KvSpec {
  /** Copies of each key, N (≤ replicas). */
  readonly replication: number;
  /** W: acknowledgements a put needs. */
  readonly writeQuorum: number;
  /** R: answers a get needs. */
  readonly readQuorum: number;
  /** Ring points per node. */
  readonly vnodes: number;
  readonly placement: 'ring' | 'bounded-load';
  /** Bounded loads' c (used with placement bounded-load). */
  readonly balanceFactor: number;
  /** CPU time per key read or written at a replica. */
  readonly storageTime: DistSpec;
  readonly disk: { readonly fsync: DistSpec; readonly bandwidthBps: number };
  /** Outbound streaming rate of a node while rebalancing, bits per second. */
  readonly streamBandwidthBps: number;
  /** A coordinator's wait for a replica before routing around it or failing. */
  readonly replicaTimeoutMs: number;
  readonly hintedHandoff: boolean;
  readonly readRepair: boolean;
  /** Load every key of the clients' key spaces (at their value size) before the run. */
  readonly preload: boolean;
}

/** A client's KV workload (its target is a kv service). */
export interface KvWorkloadSpec {
  /** Shares of gets and puts, summing to 1. */
  readonly ops: { readonly get: number; readonly put: number };
  readonly valueSizeBytes: number;
}

/** A node joins (`add-node`, id `<service>-<n>`) or leaves (`remove-node`) a kv service; permanent. */
export type MembershipFaultSpec =
  | { readonly kind: 'add-node'; readonly atMs: number; readonly service: string; readonly node: string }
  | { readonly kind: 'remove-node'; readonly atMs: number; readonly service: string; readonly node: string };

declare module '../scenario/types' {
  interface ServiceParts {
    /** Present for `kind: kv`: the replicas are KV store nodes (models/kv). */
    readonly kv?: KvSpec;
  }
  interface ClientParts {
    /** Present when the target is a kv service. */
    readonly kv?: KvWorkloadSpec;
  }
  interface FaultKinds {
    'add-node': Extract<MembershipFaultSpec, { kind: 'add-node' }>;
    'remove-node': Extract<MembershipFaultSpec, { kind: 'remove-node' }>;
  }
}
