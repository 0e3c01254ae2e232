/**
 * The zod schema of a scenario YAML document (v1), built from the core's fields and a list
 * of parts (scenario-part.ts): the loader validates with it and the JSON Schema
 * (`scenarios/schema.json`) is generated from it.
 *
 * Objects are strict, so a misspelt key is an error, not a silently ignored setting.
 * Optional fields show their default (from `defaults.ts`) but the schema does not fill
 * it: `normalise.ts` does, in one place. Checks that span sections (references between
 * services, faults naming nodes, warmup < duration) live in `cross-check.ts`.
 *
 * To add a core field: add it here with a `description` (and a default in `defaults.ts`),
 * map it in `normalise.ts`, document it in docs/scenarios.md, then run
 * scripts/write-schema.ts. A subsystem's fields go in its part, in its own folder.
 */
import { z } from 'zod';
import { balancer, type BalancerDoc } from './balancer-schema';
import { CALL_DEFAULTS, CLIENT_DEFAULTS, DEFAULT_WINDOWS, NETWORK_DEFAULTS, RUN_DEFAULTS, SERVICE_DEFAULTS } from './defaults';
import { distribution } from './distribution-schema';
import { faultTarget, faultTiming } from './fault-fields';
import { checkResilience, resilienceFields } from './resilience-schema';
import type { Fields, Mapping, ScenarioPart } from './scenario-part';
import {
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
  bandwidth,
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

/** The core's fields of a plain service; `kind` and the parts' fields follow them. */
const serviceFields = {
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
};

/** The fields that `pick` gives of every part, in the parts' order. */
function partFields(parts: readonly ScenarioPart[], pick: (part: ScenarioPart) => Fields | undefined): Fields {
  const fields: Record<string, z.ZodType> = {};
  for (const part of parts) for (const [key, field] of Object.entries(pick(part) ?? {})) fields[key] = field;
  return fields;
}

/** A plain service, `kind: service` or a variant a part adds (`kind: kv`), with the parts' fields. */
function serviceSchema(parts: readonly ScenarioPart[]) {
  const variants = parts.flatMap((part) => part.serviceVariants ?? []);
  const kind = oneOf(['service', ...variants.map((v) => v.kind)] as [string, ...string[]]).optional().meta({
    description: `${['service: CPU work then downstream calls', ...variants.map((v) => `${v.kind}: ${v.description}`)].join('; ')}.`,
    default: SERVICE_DEFAULTS.kind,
  });
  const checks = parts.flatMap((part) => (part.checkService === undefined ? [] : [part.checkService]));
  return explained(z.strictObject({ ...serviceFields, kind, ...partFields(parts, (part) => part.serviceFields) }), {
    expected: 'a service mapping { serviceTime, replicas?, cores?, ... }',
    example: '{ serviceTime: 10ms }',
  }).superRefine((doc, ctx) => {
    checkResilience(doc, ctx);
    for (const check of checks) check(doc, ctx);
    const replicas = doc.replicas ?? SERVICE_DEFAULTS.replicas;
    if (doc.weights !== undefined && doc.weights.length !== replicas) {
      ctx.addIssue({ code: 'custom', path: ['weights'], message: encodeDetail({ expected: `${replicas} weights, one per replica`, example: `[${Array(replicas).fill(1).join(', ')}]` }) });
    }
  }).meta({ description: 'A service: replicas with cores and a queue, doing CPU work then downstream calls.' });
}

/** Every kind of service, told apart by `kind` (absent = service). A new kind is one more entry. */
function serviceKindsSchema(parts: readonly ScenarioPart[]) {
  const kinds = parts.flatMap((part) => part.serviceKinds ?? []);
  return explained(z.discriminatedUnion('kind', [serviceSchema(parts), ...kinds.map((k) => k.schema)]), {
    expected: ['a service mapping { serviceTime, replicas?, ... }', ...kinds.map((k) => k.expected)].join(' or '),
    example: '{ serviceTime: 10ms }',
  });
}

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

/** The core's fields of a client; the parts' fields follow them. */
const clientFields = {
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
};

function clientSchema(parts: readonly ScenarioPart[]) {
  return explained(z.strictObject({ ...clientFields, ...partFields(parts, (part) => part.clientFields) }), {
    expected: 'a client mapping { target, arrival, ... }',
    example: '{ target: api, arrival: { process: poisson, rate: 100/s } }',
  }).superRefine(checkResilience).meta({ description: 'A source of requests.' });
}

// ---- faults ----------------------------------------------------------------------------

const coreFaults = [
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
] as const;

const CORE_FAULT_KEYS = ['crash', 'slow', 'partition', 'loss', 'errors'];

/** "a, b, c or d" */
const alternatives = (words: readonly string[]) => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)!}`);

function faultSchema(parts: readonly ScenarioPart[]) {
  const faults = parts.flatMap((part) => part.faults ?? []);
  return explained(z.union([...coreFaults, ...faults.map((f) => f.schema)]), {
    expected: `a fault with one of the keys ${alternatives([...CORE_FAULT_KEYS, ...faults.map((f) => f.key)])}`,
    example: '{ at: 10s, crash: srv-0, for: 5s }',
  });
}

// ---- the document ----------------------------------------------------------------------

const nonEmpty = (what: string, example: string) => (entries: Record<string, unknown>, ctx: z.RefinementCtx) => {
  if (Object.keys(entries).length === 0) {
    ctx.addIssue({ code: 'custom', message: encodeDetail({ expected: `at least one ${what}`, example }) });
  }
};

/** The core's top-level fields before services. */
const runFields = {
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
};

/** The schema of a scenario document in the language of the core and `parts`. */
export function buildScenarioSchema(parts: readonly ScenarioPart[]): z.ZodType<ScenarioDoc> {
  const alone = parts.flatMap((part) => part.serviceKinds ?? []).map((k) => k.many);
  const schema = explained(
    z.strictObject({
      ...runFields,
      services: explained(z.record(name, serviceKindsSchema(parts)), { expected: 'a mapping of services by name', example: '{ api: { serviceTime: 10ms } }' })
        .superRefine(nonEmpty('service', '{ api: { serviceTime: 10ms } }'))
        .meta({ description: 'The services, by name (lowercase, digits, dashes).', maxProperties: LIST_LIMITS.services }),
      clients: explained(z.record(name, clientSchema(parts)), {
        expected: 'a mapping of clients by name',
        example: '{ load: { target: api, arrival: { process: poisson, rate: 100/s } } }',
      })
        .superRefine(nonEmpty('client', '{ load: { target: api, arrival: { process: poisson, rate: 100/s } } }'))
        .optional()
        .meta({
          description: `The clients sending requests, by name${alone.length === 0 ? '' : `; required unless the scenario is ${alternatives(alone)} alone`}.`,
          maxProperties: LIST_LIMITS.clients,
        }),
      faults: explained(z.array(faultSchema(parts)), { expected: 'a list of faults', example: '[{ at: 10s, crash: srv-0, for: 5s }]' })
        .optional()
        .meta({ description: 'Faults injected during the run.', default: [], maxItems: LIST_LIMITS.faults }),
      ...partFields(parts, (part) => part.fields),
    }),
    { expected: 'a scenario mapping (name, seed, duration, network, services, clients, ...)', example: 'see docs/scenarios.md' },
  ).meta({ title: 'meshsim scenario', description: 'A meshsim scenario file (v1). Reference: docs/scenarios.md.' });
  // The shape depends on the parts; statically, the document is the core's view of it.
  return schema as unknown as z.ZodType<ScenarioDoc>;
}

// The validated documents as the core reads them; a part's fields are in them too, for the
// part's own hooks to read.
type Output<F extends z.core.$ZodLooseShape> = z.output<z.ZodObject<F, z.core.$strict>>;
export type ServiceDoc = Output<typeof serviceFields> & { readonly kind?: string } & Mapping;
export type ClientDoc = Output<typeof clientFields> & Mapping;
export type CoreFaultDoc = z.output<(typeof coreFaults)[number]>;
/** A core fault, or a part's (told apart by its key). */
export type FaultDoc = CoreFaultDoc | (Mapping & { readonly at: number; readonly for?: number });
export type ScenarioDoc = Output<typeof runFields> & {
  /** Plain services, and services of the parts' kinds (`kind: gossip`). */
  readonly services: Readonly<Record<string, ServiceDoc>>;
  readonly clients?: Readonly<Record<string, ClientDoc>>;
  readonly faults?: readonly FaultDoc[];
} & Mapping;
export type { BalancerDoc };
