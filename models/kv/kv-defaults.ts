/**
 * Defaults of the KV fields of a scenario, written as a user would write them so the JSON
 * Schema and docs show them verbatim; kv-scenario-part.ts fills them in.
 */

/** Fields of a `kind: kv` service (see docs/components/kv.md for the reasons in full). */
export const KV_DEFAULTS = Object.freeze({
  /** Three copies, Dynamo's and Cassandra's usual N. */
  replication: 3,
  /** Ketama's 160 points per node: a node's share within about 8%. */
  vnodes: 160,
  /** The plain consistent-hash ring, as Dynamo and Cassandra place replicas. */
  placement: 'ring' as const,
  /** Bounded loads' c = 1.25: every node within 25% of the mean, short walks. */
  balanceFactor: 1.25,
  /** 20 µs per key read or written: an in-memory B+tree operation plus request handling. */
  storageTime: '20us',
  /** fsync of a cloud block volume: about 1 ms, with a tail. */
  fsync: Object.freeze({ dist: 'lognormal' as const, median: '1ms', p99: '5ms' }),
  /** 1 Gbit/s (125 MB/s), a general-purpose cloud volume's baseline throughput. */
  diskBandwidth: '1Gbps',
  /** Cassandra's stream_throughput_outbound default, 200 Mbit/s. */
  streamBandwidth: '200Mbps',
  /** Above a healthy round trip plus an fsync, well below Cassandra's 2 s write timeout. */
  replicaTimeout: '500ms',
  /** Sloppy quorum and hinted handoff, as in Dynamo. */
  hintedHandoff: true,
  /** Read repair, as in Dynamo and Cassandra. */
  readRepair: true,
  /** Start with every key of the clients' key spaces stored, as a benchmark's load phase does. */
  preload: true,
});

/** Fields of a client whose target is a kv service. */
export const KV_CLIENT_DEFAULTS = Object.freeze({
  /** Read-heavy, as most KV workloads (YCSB's workload B is 95/5). */
  ops: Object.freeze({ get: 0.9, put: 0.1 }),
  /** YCSB's default record: 10 fields of 100 bytes. */
  valueSize: '1KB',
});

/** Largest preloaded data set: key count × replication copies (about 80 bytes of memory each). */
export const KV_PRELOAD_COPIES_MAX = 3_000_000;
