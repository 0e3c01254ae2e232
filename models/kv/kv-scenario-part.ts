/**
 * The KV store's part of the scenario language: services of `kind: kv`, their clients
 * (`ops`, `valueSize`) and membership faults (`add-node`, `remove-node`), with their
 * normalisation and the checks that span sections. The models are in models/kv; the
 * algorithms in components/kv (docs/components/kv.md).
 */
import { z } from 'zod';
import { majority } from '../../components/kv/index';
import { parsedDefault, SERVICE_DEFAULTS } from '../scenario/defaults';
import { distribution, normaliseDistribution } from '../scenario/distribution-schema';
import {
  bandwidth,
  boolean,
  duration,
  encodeDetail,
  explained,
  integerBetween,
  numberBetween,
  oneOf,
  positiveDuration,
  positiveInteger,
  probability,
  size,
} from '../scenario/fields';
import { replicasOf } from '../scenario/node-ids';
import { show, type DocumentPath, type PathProblem } from '../scenario/path-problem';
import { isMapping, type Mapping, type ScenarioPart } from '../scenario/scenario-part';
import type { ServiceSpec } from '../scenario/types';
import { parseBandwidth, parseDuration, parseSize } from '../scenario/units';
import { KV_CLIENT_DEFAULTS, KV_DEFAULTS, KV_PRELOAD_COPIES_MAX } from './kv-defaults';
import type { KvSpec, KvWorkloadSpec, MembershipFaultSpec } from './kv-spec';

const RING_VNODES_MAX = 1 << 20;

// ---- services ----------------------------------------------------------------------------

const disk = explained(
  z.strictObject({
    fsync: distribution.optional().meta({
      description: `Latency of one fsync, a duration or a distribution; writes queued meanwhile share the next one (group commit). Default lognormal, median ${KV_DEFAULTS.fsync.median}, p99 ${KV_DEFAULTS.fsync.p99}.`,
    }),
    bandwidth: bandwidth.optional().meta({ description: 'Sequential disk bandwidth, e.g. 1Gbps.', default: KV_DEFAULTS.diskBandwidth }),
  }),
  { expected: 'a disk { fsync?, bandwidth? }', example: '{ fsync: 1ms, bandwidth: 1Gbps }' },
).meta({ description: 'The disk of each KV node: fsync latency and bandwidth (kind: kv).' });

/** Fields of a service that only a `kind: kv` service may have. */
const kvServiceFields = {
  replication: positiveInteger(3).optional().meta({ description: 'Copies of each key, N, at most replicas (kind: kv).', default: KV_DEFAULTS.replication }),
  w: positiveInteger(2).optional().meta({ description: 'Write quorum W: replica acknowledgements a put needs, at most replication. Default floor(N/2)+1 (kind: kv).' }),
  r: positiveInteger(2).optional().meta({ description: 'Read quorum R: replica answers a get needs, at most replication. Default floor(N/2)+1 (kind: kv).' }),
  vnodes: integerBetween(1, RING_VNODES_MAX, 160).optional().meta({ description: 'Points per node on the consistent-hash ring (kind: kv).', default: KV_DEFAULTS.vnodes }),
  placement: oneOf(['ring', 'bounded-load']).optional().meta({
    description: 'ring: the first N distinct nodes clockwise; bounded-load: the same walk skipping nodes that hold ⌈c·m/n⌉ copies (kind: kv).',
    default: KV_DEFAULTS.placement,
  }),
  balanceFactor: numberBetween(1, 1000, 1.25).optional().meta({
    description: 'c of bounded loads: no node holds more than c times the mean copies (read with placement: bounded-load only, so a sweep over placement can keep it).',
    default: KV_DEFAULTS.balanceFactor,
  }),
  storageTime: distribution.optional().meta({
    description: 'CPU time per key read or written at a replica, a duration or a distribution (kind: kv; serviceTime is the coordinator\'s CPU per client operation).',
    default: KV_DEFAULTS.storageTime,
  }),
  disk: disk.optional(),
  streamBandwidth: bandwidth.optional().meta({ description: 'Outbound streaming rate of each node while rebalancing (kind: kv).', default: KV_DEFAULTS.streamBandwidth }),
  replicaTimeout: positiveDuration.optional().meta({
    description: 'A coordinator\'s wait for a replica before routing around it (puts) or failing (kind: kv).',
    default: KV_DEFAULTS.replicaTimeout,
  }),
  hintedHandoff: boolean(true).optional().meta({ description: 'Sloppy quorum with hinted handoff (kind: kv).', default: KV_DEFAULTS.hintedHandoff }),
  readRepair: boolean(true).optional().meta({ description: 'Gets repair the stale replicas they see (kind: kv).', default: KV_DEFAULTS.readRepair }),
  preload: boolean(true).optional().meta({ description: 'Store every key of the clients\' key spaces before the run starts (kind: kv).', default: KV_DEFAULTS.preload }),
};

const KV_ONLY = ['replication', 'w', 'r', 'vnodes', 'placement', 'balanceFactor', 'storageTime', 'disk', 'streamBandwidth', 'replicaTimeout', 'hintedHandoff', 'readRepair', 'preload'] as const;

type KvServiceDoc = { readonly [K in keyof typeof kvServiceFields]?: z.output<(typeof kvServiceFields)[K]> } & {
  readonly kind?: string;
  readonly replicas?: number;
  readonly calls?: readonly unknown[];
};

/** Within one service: kv fields only on kv services, quorums within N ≤ replicas, no calls. */
function checkKvService(doc: KvServiceDoc, ctx: z.RefinementCtx): void {
  const issue = (key: string, detail: Parameters<typeof encodeDetail>[0]) => ctx.addIssue({ code: 'custom', path: [key], message: encodeDetail(detail) });
  if (doc.kind !== 'kv') {
    for (const key of KV_ONLY) if (doc[key] !== undefined) issue(key, { message: `${key} applies to kind: kv services only`, hint: 'add kind: kv, or remove it' });
    return;
  }
  if ((doc.calls ?? []).length > 0) issue('calls', { message: 'a kv service makes no downstream calls', hint: 'remove calls, or use a plain service in front of it' });
  const replicas = doc.replicas ?? SERVICE_DEFAULTS.replicas;
  const replication = doc.replication ?? KV_DEFAULTS.replication;
  if (replication > replicas) {
    const at = doc.replication === undefined ? 'replicas' : 'replication';
    issue(at, { expected: `replication (${replication}) at most replicas (${replicas})`, example: at === 'replicas' ? String(replication) : String(replicas) });
  }
  for (const key of ['w', 'r'] as const) {
    const value = doc[key];
    if (value !== undefined && value > replication) issue(key, { expected: `an integer from 1 to ${replication} (the replication)`, example: String(majority(replication)) });
  }
}

// ---- clients -------------------------------------------------------------------------------

const ops = explained(
  z.strictObject({
    get: probability.optional().meta({ description: 'Share of gets, e.g. 0.9.' }),
    put: probability.optional().meta({ description: 'Share of puts, e.g. 0.1.' }),
  }),
  { expected: 'ops { get, put } with shares adding up to 1', example: '{ get: 0.9, put: 0.1 }' },
)
  .superRefine((doc, ctx) => {
    const total = (doc.get ?? 0) + (doc.put ?? 0);
    if (Math.abs(total - 1) > 1e-9) ctx.addIssue({ code: 'custom', message: encodeDetail({ message: `the shares add up to ${total}, not 1`, hint: '{ get: 0.9, put: 0.1 }' }) });
  })
  .meta({ description: `Operation mix of a client of a kv service, drawn per request from the workload's own stream. Default { get: ${KV_CLIENT_DEFAULTS.ops.get}, put: ${KV_CLIENT_DEFAULTS.ops.put} }.` });

/** Fields of a client whose target is a kv service. */
const kvClientFields = {
  ops: ops.optional(),
  valueSize: size.optional().meta({ description: 'Size of each value put (a client of a kv service).', default: KV_CLIENT_DEFAULTS.valueSize }),
};

// ---- faults --------------------------------------------------------------------------------

const target = explained(z.string().min(1), { expected: 'a kv service name or node id', example: 'kv' });

/** Membership faults: a node joins or leaves a kv service for good (so they take no `for`). */
const membershipFaults = [
  z
    .strictObject({
      at: duration.meta({ description: 'Time the node joins, e.g. 60s.' }),
      'add-node': target.meta({ description: 'A kv service: a new node <service>-<n> joins its ring and the nodes that lose key ranges stream them to it.' }),
    })
    .meta({ description: 'Add a node to a kv service (permanent).' }),
  z
    .strictObject({
      at: duration.meta({ description: 'Time the node starts leaving, e.g. 60s.' }),
      'remove-node': target.meta({ description: 'A node of a kv service: it streams its key ranges to their new owners, then leaves.' }),
    })
    .meta({ description: 'Remove a node from a kv service (permanent).' }),
] as const;

// ---- normalise -----------------------------------------------------------------------------

const parsed = parsedDefault;

const KV_DEFAULT_VALUES = Object.freeze({
  storageTime: parsed(parseDuration, KV_DEFAULTS.storageTime),
  fsync: Object.freeze({ dist: 'lognormal' as const, median: parsed(parseDuration, KV_DEFAULTS.fsync.median), p99: parsed(parseDuration, KV_DEFAULTS.fsync.p99) }),
  diskBandwidthBps: parsed(parseBandwidth, KV_DEFAULTS.diskBandwidth),
  streamBandwidthBps: parsed(parseBandwidth, KV_DEFAULTS.streamBandwidth),
  replicaTimeoutMs: parsed(parseDuration, KV_DEFAULTS.replicaTimeout),
  valueSizeBytes: parsed(parseSize, KV_CLIENT_DEFAULTS.valueSize),
});

/** `{ kv }` for a kind: kv service, `{}` otherwise (spread into the ServiceSpec). */
function normaliseKvService(doc: KvServiceDoc): { kv?: KvSpec } {
  if (doc.kind !== 'kv') return {};
  const replication = doc.replication ?? KV_DEFAULTS.replication;
  return {
    kv: {
      replication,
      writeQuorum: doc.w ?? majority(replication),
      readQuorum: doc.r ?? majority(replication),
      vnodes: doc.vnodes ?? KV_DEFAULTS.vnodes,
      placement: doc.placement ?? KV_DEFAULTS.placement,
      balanceFactor: doc.balanceFactor ?? KV_DEFAULTS.balanceFactor,
      storageTime: doc.storageTime === undefined ? { dist: 'constant', value: KV_DEFAULT_VALUES.storageTime } : normaliseDistribution(doc.storageTime),
      disk: {
        fsync: doc.disk?.fsync === undefined ? KV_DEFAULT_VALUES.fsync : normaliseDistribution(doc.disk.fsync),
        bandwidthBps: doc.disk?.bandwidth ?? KV_DEFAULT_VALUES.diskBandwidthBps,
      },
      streamBandwidthBps: doc.streamBandwidth ?? KV_DEFAULT_VALUES.streamBandwidthBps,
      replicaTimeoutMs: doc.replicaTimeout ?? KV_DEFAULT_VALUES.replicaTimeoutMs,
      hintedHandoff: doc.hintedHandoff ?? KV_DEFAULTS.hintedHandoff,
      readRepair: doc.readRepair ?? KV_DEFAULTS.readRepair,
      preload: doc.preload ?? KV_DEFAULTS.preload,
    },
  };
}

type KvClientDoc = { readonly [K in keyof typeof kvClientFields]?: z.output<(typeof kvClientFields)[K]> };

/** `{ kv }` for a client of a kv service, `{}` otherwise (spread into the ClientSpec). */
function normaliseKvClient(doc: KvClientDoc, target: ServiceSpec | undefined): { kv?: KvWorkloadSpec } {
  if (target?.kv === undefined) return {};
  const ops = doc.ops === undefined ? KV_CLIENT_DEFAULTS.ops : { get: doc.ops.get ?? 0, put: doc.ops.put ?? 0 };
  return { kv: { ops: { get: ops.get, put: ops.put }, valueSizeBytes: doc.valueSize ?? KV_DEFAULT_VALUES.valueSizeBytes } };
}

/**
 * Membership faults in time order (file order on ties) with the node each adds or
 * removes: an added node is `<service>-<n>`, n counting the service's nodes ever made.
 * `problem` reports targets that are not a kv service (add) or a current member (remove).
 */
function membershipTimeline(
  faults: readonly unknown[],
  services: ReadonlyMap<string, unknown>,
  /** The fault's start in ms, or undefined if invalid: raw text in cross-checks, parsed in normalise. */
  atMsOf: (at: unknown) => number | undefined,
  problem: (path: DocumentPath, message: string, hint: string) => void,
): Map<number, MembershipFaultSpec> {
  const kvServices = new Map<string, { members: string[]; made: number; replication: number }>();
  for (const [name, service] of services) {
    if (!isMapping(service) || service.kind !== 'kv') continue;
    const replicas = replicasOf(service);
    if (replicas === undefined) continue; // the schema reports it
    const replication = typeof service.replication === 'number' ? service.replication : KV_DEFAULTS.replication;
    kvServices.set(name, { members: Array.from({ length: replicas }, (_, i) => `${name}-${i}`), made: replicas, replication });
  }
  const changes = faults
    .map((fault, index) => ({ fault, index, atMs: isMapping(fault) ? atMsOf(fault.at) : undefined }))
    .filter((c): c is { fault: Mapping; index: number; atMs: number } => isMapping(c.fault) && c.atMs !== undefined && ('add-node' in c.fault || 'remove-node' in c.fault))
    .sort((a, b) => a.atMs - b.atMs || a.index - b.index);
  const out = new Map<number, MembershipFaultSpec>();
  const kvNames = [...kvServices.keys()];
  for (const { fault, index, atMs } of changes) {
    if ('add-node' in fault) {
      const name = fault['add-node'];
      const service = typeof name === 'string' ? kvServices.get(name) : undefined;
      if (service === undefined) {
        problem(['faults', index, 'add-node'], `add-node needs a kind: kv service, got ${show(name)}`, kvNames.length === 0 ? 'add kind: kv to a service' : `kv services: ${kvNames.join(', ')}`);
        continue;
      }
      const node = `${name as string}-${service.made++}`;
      service.members.push(node);
      out.set(index, { kind: 'add-node', atMs, service: name as string, node });
      continue;
    }
    const node = fault['remove-node'];
    const name = typeof node === 'string' ? /^(.+)-\d+$/.exec(node)?.[1] : undefined;
    const service = name === undefined ? undefined : kvServices.get(name);
    if (service === undefined || !service.members.includes(node as string)) {
      const members = [...kvServices.values()].flatMap((s) => s.members);
      problem(['faults', index, 'remove-node'], `remove-node needs a current node of a kind: kv service, got ${show(node)}`, members.length === 0 ? 'add kind: kv to a service' : `nodes then: ${members.join(', ')}`);
      continue;
    }
    if (service.members.length - 1 < service.replication) {
      problem(['faults', index, 'remove-node'], `removing ${node as string} would leave ${service.members.length - 1} node(s), fewer than replication ${service.replication}`, 'add a node first, or lower replication');
      continue;
    }
    service.members.splice(service.members.indexOf(node as string), 1);
    out.set(index, { kind: 'remove-node', atMs, service: name!, node: node as string });
  }
  return out;
}

/** The normalised membership faults, by index in the fault list. */
function membershipFaultSpecs(faults: readonly unknown[], services: ReadonlyMap<string, unknown>): Map<number, MembershipFaultSpec> {
  return membershipTimeline(faults, services, (at) => at as number, (path, message) => {
    throw new Error(`scenario: fault ${pathTextOf(path)} passed the cross-checks but ${message}`);
  });
}

// ---- cross-checks -------------------------------------------------------------------------

const pathTextOf = (path: DocumentPath) => path.join('.');

/** Problems of KV fields that span sections: clients of kv services, membership faults. */
function crossCheckKv(root: Mapping): PathProblem[] {
  const problems: PathProblem[] = [];
  const services = new Map(isMapping(root.services) ? Object.entries(root.services) : []);
  const isKv = (name: unknown) => typeof name === 'string' && isMapping(services.get(name)) && (services.get(name) as Mapping).kind === 'kv';
  const preloadCopies = new Map<string, number>();
  for (const [name, client] of isMapping(root.clients) ? Object.entries(root.clients) : []) {
    if (!isMapping(client) || typeof client.target !== 'string' || !services.has(client.target)) continue;
    if (!isKv(client.target)) {
      for (const key of ['ops', 'valueSize']) {
        if (client[key] !== undefined) {
          problems.push({ path: ['clients', name, key], at: 'key', message: `${key} applies to clients of a kind: kv service; ${show(client.target)} is not one`, hint: 'remove it, or target a kv service' });
        }
      }
      continue;
    }
    if (!isMapping(client.keys)) {
      problems.push({ path: ['clients', name, 'target'], at: 'value', message: `a client of kv service ${show(client.target)} needs keys`, hint: 'keys: { dist: uniform, count: 10000 }' });
      continue;
    }
    const service = services.get(client.target) as Mapping;
    const count = typeof client.keys.count === 'number' ? client.keys.count : 0;
    const copies = count * (typeof service.replication === 'number' ? service.replication : KV_DEFAULTS.replication);
    if (service.preload !== false && copies > KV_PRELOAD_COPIES_MAX && copies > (preloadCopies.get(client.target) ?? 0)) {
      preloadCopies.set(client.target, copies);
      problems.push({
        path: ['clients', name, 'keys', 'count'],
        at: 'value',
        message: `preloading ${count} keys × replication is ${copies} copies, more than ${KV_PRELOAD_COPIES_MAX}`,
        hint: `use fewer keys, or preload: false on ${client.target}`,
      });
    }
  }
  const atMsOf = (at: unknown) => {
    const result = parseDuration(at);
    return result.ok ? result.value : undefined;
  };
  membershipTimeline(Array.isArray(root.faults) ? root.faults : [], services, atMsOf, (path, message, hint) => problems.push({ path, at: 'value', message, hint }));
  return problems;
}

// ---- the part ------------------------------------------------------------------------------

export const kvScenarioPart: ScenarioPart = {
  name: 'kv',
  serviceVariants: [{ kind: 'kv', description: 'a replicated key-value store (docs/components/kv.md)' }],
  serviceFields: kvServiceFields,
  checkService: (doc, ctx) => checkKvService(doc as KvServiceDoc, ctx),
  normaliseService: (doc) => normaliseKvService(doc as KvServiceDoc),
  clientFields: kvClientFields,
  normaliseClient: (doc, target) => normaliseKvClient(doc as KvClientDoc, target),
  faults: [
    { key: 'add-node', schema: membershipFaults[0] },
    { key: 'remove-node', schema: membershipFaults[1] },
  ],
  normaliseFaults: (doc) => membershipFaultSpecs(Array.isArray(doc.faults) ? doc.faults : [], new Map(Object.entries(doc.services as Mapping))),
  crossCheck: crossCheckKv,
};
