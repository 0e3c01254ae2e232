/**
 * The zod schema of a scenario YAML document (v1): the loader validates with it and the
 * JSON Schema (`scenarios/schema.json`) is generated from it.
 *
 * Objects are strict, so a misspelt key is an error, not a silently ignored setting.
 * Optional fields show their default (from `defaults.ts`) but the schema does not fill
 * it: `normalise.ts` does, in one place. Checks that span sections (references between
 * services, faults naming nodes, warmup < duration) live in `cross-check.ts`.
 *
 * To add a field: add it here with a `description` (and a default in `defaults.ts`), map it
 * in `normalise.ts`, document it in docs/scenarios.md, then run scripts/write-schema.ts.
 */
import { z } from 'zod';
import { balancer, type BalancerDoc } from './balancer-schema';
import { CALL_DEFAULTS, CLIENT_DEFAULTS, DEFAULT_WINDOWS, NETWORK_DEFAULTS, RUN_DEFAULTS, SERVICE_DEFAULTS } from './defaults';
import { distribution } from './distribution-schema';
import { checkResilience, resilienceFields } from './resilience-schema';
import { plannerFields } from './planner-schema';
import { discovery } from './discovery-schema';
import { gossipService } from './gossip-schema';
import { checkKvService, kvClientFields, kvServiceFields, membershipFaults } from './kv-schema';
import {
  bandwidth,
  COUNT_LIMITS,
  countUpTo,
  boolean,
  duration,
  encodeDetail,
  explained,
  integerBetween,
  name,
  numberBetween,
  nonNegativeInteger,
  oneOf,
  positiveDuration,
  positiveNumber,
  probability,
  rate,
  seed,
  serviceName,
  size,
  text,
} from './fields';
import { LIMIT_REASONS, LIST_LIMITS, RUN_LIMITS } from './limits';

// ---- network ---------------------------------------------------------------------------

const network = explained(
  z.strictObject({
    latency: distribution.meta({ description: 'One-way latency of each message: a duration (constant), e.g. 1ms, or a distribution.' }),
    bandwidth: bandwidth.optional().meta({ description: 'Link bandwidth, e.g. 10Gbps; absent = infinite (no transfer time).' }),
    loss: probability.optional().meta({ description: 'Probability that a message is lost, e.g. 0.1%.', default: NETWORK_DEFAULTS.loss }),
  }),
  { expected: 'a network mapping { latency, bandwidth?, loss? }', example: '{ latency: 1ms }' },
).meta({ description: 'The modelled network between all nodes.' });

// ---- services --------------------------------------------------------------------------

const call = explained(
  z.strictObject({
    service: serviceName.meta({ description: 'The service called.' }),
    count: countUpTo(COUNT_LIMITS.calls, 2).optional().meta({ description: 'Calls made per request.', default: CALL_DEFAULTS.count }),
    parallel: boolean(true).optional().meta({
      description: 'true: make the count calls at once and wait for all; false: one after another.',
      default: CALL_DEFAULTS.parallel,
    }),
  }),
  { expected: 'a call { service, count?, parallel? }', example: '{ service: db }' },
).meta({ description: 'A downstream call made after the CPU work, before responding.' });

const service = explained(
  z.strictObject({
    replicas: countUpTo(COUNT_LIMITS.replicas, 3).optional().meta({
      description: 'Number of replicas; their node ids are <service>-0 … <service>-(n-1).',
      default: SERVICE_DEFAULTS.replicas,
    }),
    weights: explained(z.array(positiveNumber(2)).min(1), { expected: 'a list of positive weights, one per replica', example: '[1, 1, 2]' })
      .optional()
      .meta({ description: 'Balancing weight of each replica, e.g. [1, 1, 2] (weighted policies); default all 1.' }),
    cores: countUpTo(COUNT_LIMITS.cores, 4).optional().meta({ description: 'Cores per replica (servers in M/M/c).', default: SERVICE_DEFAULTS.cores }),
    discipline: oneOf(['fifo', 'ps']).optional().meta({
      description: 'Queue discipline: fifo (first come, first served) or ps (processor sharing).',
      default: SERVICE_DEFAULTS.discipline,
    }),
    queueLimit: nonNegativeInteger(100).optional().meta({
      description: 'Requests that may wait for a core; more are rejected. Absent = unbounded; 0 = no waiting.',
    }),
    serviceTime: distribution.meta({ description: 'CPU time of one request: a duration, e.g. 5ms, or a distribution.' }),
    errorRate: probability.optional().meta({ description: 'Probability that a replica answers with an error, e.g. 0.1%.', default: SERVICE_DEFAULTS.errorRate }),
    requestSize: size.optional().meta({ description: 'Size of a request to this service, e.g. 1KiB.', default: SERVICE_DEFAULTS.requestSize }),
    responseSize: size.optional().meta({ description: 'Size of its response, e.g. 4KiB.', default: SERVICE_DEFAULTS.responseSize }),
    calls: explained(z.array(call), { expected: 'a list of calls', example: '[{ service: db }]' })
      .optional()
      .meta({ description: 'Downstream calls made by each request, in order.', default: [], maxItems: LIST_LIMITS.calls }),
    callTimeout: positiveDuration.optional().meta({ description: 'Timeout of each downstream call, e.g. 1s; absent = none.' }),
    balancer: balancer.optional().meta({ description: 'Balancer each replica uses for its downstream calls.' }),
    ...resilienceFields,
    ...kvServiceFields,
  }),
  { expected: 'a service mapping { serviceTime, replicas?, cores?, ... }', example: '{ serviceTime: 10ms }' },
).superRefine((doc, ctx) => {
  checkResilience(doc, ctx);
  checkKvService(doc, ctx);
  const replicas = doc.replicas ?? SERVICE_DEFAULTS.replicas;
  if (doc.weights !== undefined && doc.weights.length !== replicas) {
    ctx.addIssue({ code: 'custom', path: ['weights'], message: encodeDetail({ expected: `${replicas} weights, one per replica`, example: `[${Array(replicas).fill(1).join(', ')}]` }) });
  }
}).meta({ description: 'A service: replicas with cores and a queue, doing CPU work then downstream calls.' });

/** Every kind of service, told apart by `kind` (absent = service). A new kind is one more entry. */
const serviceKinds = explained(z.discriminatedUnion('kind', [service, gossipService]), {
  expected: 'a service mapping { serviceTime, replicas?, ... } or a gossip cluster { kind: gossip, replicas }',
  example: '{ serviceTime: 10ms }',
});

// ---- clients ---------------------------------------------------------------------------

const rateStep = explained(
  z.strictObject({
    at: duration.meta({ description: 'Time from which this rate applies, e.g. 60s.' }),
    rate: rate.meta({ description: 'Arrival rate from then on, e.g. 300/s.' }),
  }),
  { expected: 'a step { at, rate }', example: '{ at: 0s, rate: 100/s }' },
);

const rateSteps = explained(z.array(rateStep).min(1).meta({ maxItems: LIST_LIMITS.steps }), { expected: 'a non-empty list of steps', example: '[{ at: 0s, rate: 100/s }]' }).superRefine(
  (steps, ctx) => {
    if (steps[0]!.at !== 0) {
      ctx.addIssue({ code: 'custom', path: [0, 'at'], message: encodeDetail({ expected: 'the first step at 0s', example: '0s' }) });
    }
    for (let i = 1; i < steps.length; i++) {
      if (steps[i]!.at <= steps[i - 1]!.at) {
        ctx.addIssue({ code: 'custom', path: [i, 'at'], message: encodeDetail({ expected: 'a time after the previous step' }) });
      }
    }
  },
);

const PROCESS_KEY = 'The arrival process: poisson, constant (open workloads) or closed.';

const arrivalRate = explained(z.union([rate, rateSteps]), {
  expected: 'a rate like 100/s or a list of steps [{ at, rate }]',
  example: '100/s',
}).meta({ description: 'Arrival rate, e.g. 100/s, or steps [{ at: 0s, rate: 100/s }, { at: 60s, rate: 300/s }] starting at 0s.' });

const arrival = explained(
  z.discriminatedUnion('process', [
    z
      .strictObject({ process: z.literal('poisson').meta({ description: PROCESS_KEY }), rate: arrivalRate })
      .meta({ description: 'Open workload: Poisson arrivals (exponential gaps).' }),
    z
      .strictObject({ process: z.literal('constant').meta({ description: PROCESS_KEY }), rate: arrivalRate })
      .meta({ description: 'Open workload: evenly spaced arrivals.' }),
    z
      .strictObject({
        process: z.literal('closed').meta({ description: PROCESS_KEY }),
        users: countUpTo(COUNT_LIMITS.users, 20).meta({ description: 'Number of users, each with one request in flight at most.' }),
        thinkTime: distribution.meta({ description: 'Time a user waits after a response before the next request, e.g. 1s.' }),
      })
      .meta({ description: 'Closed workload: users who think, send, and wait for the answer.' }),
  ]),
  { expected: 'an arrival process { process: poisson | constant | closed, ... }', example: '{ process: poisson, rate: 100/s }' },
).meta({ description: 'How requests arrive.' });

const keys = explained(
  z.discriminatedUnion('dist', [
    z.strictObject({
      dist: z.literal('uniform').meta({ description: 'How keys are drawn.' }),
      count: integerBetween(1, 10_000_000, 10000).meta({ description: 'Number of distinct keys, key-0 … key-(count-1).' }),
    }).meta({ description: 'Every key equally likely.' }),
    z.strictObject({
      dist: z.literal('zipf').meta({ description: 'How keys are drawn.' }),
      count: integerBetween(1, 10_000_000, 10000).meta({ description: 'Number of distinct keys, key-0 … key-(count-1).' }),
      s: numberBetween(0, 10, 1.1).optional().meta({ description: 'Zipf exponent: P(key-i) ∝ 1/(i+1)^s. Default 1.' }),
    }).meta({ description: 'Zipf-distributed keys: a few hot keys, a long tail.' }),
  ]),
  { expected: 'keys { dist: uniform | zipf, count, s? }', example: '{ dist: zipf, count: 10000, s: 1.1 }' },
).meta({ description: 'Request keys, for hashing balancers (ring-hash, maglev) and KV workloads.' });

const client = explained(
  z.strictObject({
    target: serviceName.meta({ description: 'The service this client sends requests to.' }),
    instances: countUpTo(COUNT_LIMITS.instances, 2).optional().meta({
      description: 'Independent client instances, each with its own balancer.',
      default: CLIENT_DEFAULTS.instances,
    }),
    arrival,
    timeout: positiveDuration.optional().meta({ description: 'Per-request timeout, e.g. 2s; absent = none.' }),
    balancer: balancer.optional().meta({ description: 'Balancer each instance uses to pick a replica of the target.' }),
    keys: keys.optional(),
    ...resilienceFields,
    ...kvClientFields,
  }),
  { expected: 'a client mapping { target, arrival, ... }', example: '{ target: api, arrival: { process: poisson, rate: 100/s } }' },
).superRefine(checkResilience).meta({ description: 'A source of requests.' });

// ---- faults ----------------------------------------------------------------------------

const faultTarget = explained(z.string().min(1), { expected: 'a node id like srv-0 or a service name', example: 'srv-0' });

const faultTiming = {
  at: duration.meta({ description: 'Time the fault starts, e.g. 500s.' }),
  for: positiveDuration.optional().meta({ description: 'How long it lasts, e.g. 10s; absent = until the end of the run.' }),
};

const fault = explained(
  z.union([
    z
      .strictObject({ ...faultTiming, crash: faultTarget.meta({ description: 'Node id (srv-0) or service (all its replicas) to crash.' }) })
      .meta({ description: 'Crash nodes, for a while or until the end of the run.' }),
    z
      .strictObject({
        ...faultTiming,
        slow: faultTarget.meta({ description: 'Node id (srv-0) or service (all its replicas) to slow down.' }),
        factor: positiveNumber(5).meta({ description: 'Service times are multiplied by this factor, e.g. 5.' }),
      })
      .meta({ description: 'Slow nodes down (a noisy neighbour, a GC pause).' }),
    z
      .strictObject({
        ...faultTiming,
        partition: explained(z.array(explained(z.array(faultTarget).min(1), { expected: 'a non-empty list of nodes', example: '[srv-0]' })).min(2), {
          expected: 'a list of at least two groups of nodes',
          example: '[[srv-0], [db-0, db-1]]',
        }).meta({ description: 'Groups of node ids or services, e.g. [[srv-0], [db-0, db-1]]; messages between groups are dropped.' }),
      })
      .meta({ description: 'Partition the network between groups of nodes.' }),
    z
      .strictObject({ ...faultTiming, loss: probability.meta({ description: 'Probability that any message is lost, e.g. 5%.' }) })
      .meta({ description: 'Lose messages anywhere on the network.' }),
    z
      .strictObject({
        ...faultTiming,
        errors: faultTarget.meta({ description: 'Node id (srv-0) or service (all its replicas) that fails fast with errors.' }),
        rate: probability.meta({ description: 'Share of requests answered at once with an error (503), e.g. 100%.' }),
      })
      .meta({ description: 'Make nodes fail fast with errors (a bad deploy, a broken dependency).' }),
    ...membershipFaults,
    z
      .strictObject({
        ...faultTiming,
        join: serviceName.meta({ description: 'A gossip cluster that new members join.' }),
        count: countUpTo(COUNT_LIMITS.joins, 10).optional().meta({ description: 'Members that join (default 1).' }),
      })
      .meta({ description: 'New members join a gossip cluster through random seeds.' }),
    z
      .strictObject({ ...faultTiming, leave: faultTarget.meta({ description: 'Gossip member id (gossip-3) or cluster (all members) that leaves gracefully.' }) })
      .meta({ description: 'Gossip members leave gracefully.' }),
  ]),
  { expected: 'a fault with one of the keys crash, slow, partition, loss, errors, add-node, remove-node, join or leave', example: '{ at: 10s, crash: srv-0, for: 5s }' },
);

// ---- the document ----------------------------------------------------------------------

const nonEmpty = (what: string, example: string) => (entries: Record<string, unknown>, ctx: z.RefinementCtx) => {
  if (Object.keys(entries).length === 0) {
    ctx.addIssue({ code: 'custom', message: encodeDetail({ expected: `at least one ${what}`, example }) });
  }
};

export const scenarioSchema = explained(
  z.strictObject({
    name: text('my-scenario').meta({ description: 'Name of the scenario, shown in reports.' }),
    description: explained(z.string(), { expected: 'text', example: 'What this scenario shows.' }).optional().meta({ description: 'Free text about the scenario.' }),
    seed: seed.meta({ description: 'Master random seed; replication i uses seed + i (at most 2^53 − 1 in all).' }),
    duration: positiveDuration.meta({ description: 'Simulated time of each run, e.g. 600s.' }),
    warmup: duration.optional().meta({ description: 'Initial time excluded from the metrics, e.g. 60s; shorter than duration.', default: RUN_DEFAULTS.warmup }),
    replications: countUpTo(RUN_LIMITS.replications, 4, LIMIT_REASONS.replications).optional().meta({
      description: `Independent runs, with seeds seed, seed+1, … (at most ${RUN_LIMITS.replications.toLocaleString('en-US')}).`,
      default: RUN_DEFAULTS.replications,
    }),
    window: positiveDuration.optional().meta({
      description: `Width of a time-series window, e.g. 1s. Default: the larger of ${RUN_DEFAULTS.window} and duration / ${DEFAULT_WINDOWS.toLocaleString('en-US')}, rounded up to a readable width (2s, 5s, 10s, 15s, 30s, 1m, ...).`,
    }),
    network,
    services: explained(z.record(name, serviceKinds), { expected: 'a mapping of services by name', example: '{ api: { serviceTime: 10ms } }' })
      .superRefine(nonEmpty('service', '{ api: { serviceTime: 10ms } }'))
      .meta({ description: 'The services, by name (lowercase, digits, dashes).', maxProperties: LIST_LIMITS.services }),
    clients: explained(z.record(name, client), {
      expected: 'a mapping of clients by name',
      example: '{ load: { target: api, arrival: { process: poisson, rate: 100/s } } }',
    })
      .superRefine(nonEmpty('client', '{ load: { target: api, arrival: { process: poisson, rate: 100/s } } }'))
      .optional()
      .meta({ description: 'The clients sending requests, by name; required unless the scenario is gossip clusters alone.', maxProperties: LIST_LIMITS.clients }),
    discovery: discovery.optional(),
    faults: explained(z.array(fault), { expected: 'a list of faults', example: '[{ at: 10s, crash: srv-0, for: 5s }]' })
      .optional()
      .meta({ description: 'Faults injected during the run.', default: [], maxItems: LIST_LIMITS.faults }),
    ...plannerFields,
  }),
  { expected: 'a scenario mapping (name, seed, duration, network, services, clients, ...)', example: 'see docs/scenarios.md' },
).meta({ title: 'meshsim scenario', description: 'A meshsim scenario file (v1). Reference: docs/scenarios.md.' });

export type ScenarioDoc = z.output<typeof scenarioSchema>;
export type ServiceDoc = z.output<typeof service>;
export type ClientDoc = z.output<typeof client>;
export type FaultDoc = z.output<typeof fault>;
export type { BalancerDoc };
