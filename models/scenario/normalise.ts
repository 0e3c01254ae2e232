/**
 * The validated document to the normalised `Scenario`: the one place where defaults are
 * filled in (from `defaults.ts`), constants become distributions, rates become steps and
 * fault targets become node ids. Units are already parsed by the schema.
 */
import { BALANCER_DEFAULTS, CALL_DEFAULTS, CLIENT_DEFAULTS, defaultWindowMs, NETWORK_DEFAULTS, parsedDefault, RUN_DEFAULTS, SERVICE_DEFAULTS } from './defaults';
import { normaliseDistribution } from './distribution-schema';
import { expandTarget } from './node-ids';
import { normaliseResilience } from './resilience-schema';
import type { NormaliseContext, ScenarioPart } from './scenario-part';
import type { BalancerDoc, ClientDoc, CoreFaultDoc, ScenarioDoc, ServiceDoc } from './schema';
import type { ArrivalSpec, BalancerSpec, ClientSpec, FaultSpec, RateStep, Scenario, ServiceSpec } from './types';
import { parseDuration, parsePercent, parseProbability, parseSize } from './units';

/** Defaults in normalised units, parsed once. */
const DEFAULT_VALUES = Object.freeze({
  warmupMs: parsedDefault(parseDuration, RUN_DEFAULTS.warmup),
  networkLoss: parsedDefault(parseProbability, NETWORK_DEFAULTS.loss),
  errorRate: parsedDefault(parseProbability, SERVICE_DEFAULTS.errorRate),
  requestSizeBytes: parsedDefault(parseSize, SERVICE_DEFAULTS.requestSize),
  responseSizeBytes: parsedDefault(parseSize, SERVICE_DEFAULTS.responseSize),
  panicThresholdPercent: parsedDefault(parsePercent, BALANCER_DEFAULTS.panicThreshold),
  windowMinMs: parsedDefault(parseDuration, RUN_DEFAULTS.window),
});

/** Only the keys whose value is defined, so absent optional fields stay absent. */
function defined<T extends object>(fields: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

/**
 * The normalised scenario of a document that passed validation and cross-checks, in the
 * language of the core and `parts`: each part adds its fields after the core's.
 */
export function normalise(doc: ScenarioDoc, parts: readonly ScenarioPart[]): Scenario {
  const otherKinds = new Set(parts.flatMap((part) => (part.serviceKinds ?? []).map((k) => k.kind)));
  const services = new Map<string, ServiceSpec>();
  const replicasByService = new Map<string, number>();
  for (const [name, service] of Object.entries(doc.services)) {
    if (service.kind !== undefined && otherKinds.has(service.kind)) {
      replicasByService.set(name, service.replicas as number);
      continue;
    }
    const spec = normaliseService(service, parts);
    services.set(name, spec);
    replicasByService.set(name, spec.replicas);
  }
  const context: NormaliseContext = { nodesOf: (target) => targetNodes(target, replicasByService) };
  const scenario: Record<string, unknown> = {
    name: doc.name,
    ...defined({ description: doc.description }),
    seed: doc.seed,
    durationMs: doc.duration,
    warmupMs: doc.warmup ?? DEFAULT_VALUES.warmupMs,
    replications: doc.replications ?? RUN_DEFAULTS.replications,
    windowMs: doc.window ?? defaultWindowMs(doc.duration, DEFAULT_VALUES.windowMinMs),
    network: {
      latency: normaliseDistribution(doc.network.latency),
      ...defined({ bandwidthBps: doc.network.bandwidth }),
      loss: doc.network.loss ?? DEFAULT_VALUES.networkLoss,
    },
    services,
    clients: new Map(Object.entries(doc.clients ?? {}).map(([name, client]) => [name, normaliseClient(client, services.get(client.target), parts)] as const)),
    faults: normaliseFaults(doc, parts, context),
  };
  for (const part of parts) Object.assign(scenario, part.normalise?.(doc, context));
  return scenario as unknown as Scenario;
}

function normaliseBalancer(balancer: BalancerDoc | undefined): BalancerSpec {
  const { policy, panicThreshold, ...options } = balancer ?? { policy: BALANCER_DEFAULTS.policy };
  return { policy, options, panicThresholdPercent: panicThreshold ?? DEFAULT_VALUES.panicThresholdPercent };
}

/** Each part's fields, in the parts' order. */
function partsOf(parts: readonly ScenarioPart[], fields: (part: ScenarioPart) => object | undefined): object {
  const out = {};
  for (const part of parts) Object.assign(out, fields(part));
  return out;
}

function normaliseService(service: ServiceDoc, parts: readonly ScenarioPart[]): ServiceSpec {
  return {
    replicas: service.replicas ?? SERVICE_DEFAULTS.replicas,
    ...defined({ weights: service.weights }),
    cores: service.cores ?? SERVICE_DEFAULTS.cores,
    discipline: service.discipline ?? SERVICE_DEFAULTS.discipline,
    ...defined({ queueLimit: service.queueLimit }),
    serviceTime: normaliseDistribution(service.serviceTime),
    calls: (service.calls ?? []).map((call) => ({
      service: call.service,
      count: call.count ?? CALL_DEFAULTS.count,
      parallel: call.parallel ?? CALL_DEFAULTS.parallel,
    })),
    balancer: normaliseBalancer(service.balancer),
    ...defined({ callTimeoutMs: service.callTimeout }),
    resilience: normaliseResilience(service),
    errorRate: service.errorRate ?? DEFAULT_VALUES.errorRate,
    requestSizeBytes: service.requestSize ?? DEFAULT_VALUES.requestSizeBytes,
    responseSizeBytes: service.responseSize ?? DEFAULT_VALUES.responseSizeBytes,
    ...partsOf(parts, (part) => part.normaliseService?.(service)),
  };
}

function normaliseClient(client: ClientDoc, target: ServiceSpec | undefined, parts: readonly ScenarioPart[]): ClientSpec {
  return {
    target: client.target,
    instances: client.instances ?? CLIENT_DEFAULTS.instances,
    arrival: normaliseArrival(client.arrival),
    ...defined({ timeoutMs: client.timeout }),
    balancer: normaliseBalancer(client.balancer),
    resilience: normaliseResilience(client),
    ...(client.keys === undefined ? {} : { keys: client.keys.dist === 'zipf' ? { dist: 'zipf', count: client.keys.count, s: client.keys.s ?? 1 } : client.keys }),
    ...partsOf(parts, (part) => part.normaliseClient?.(client, target)),
  };
}

function normaliseArrival(arrival: ClientDoc['arrival']): ArrivalSpec {
  if (arrival.process === 'closed') {
    return { process: 'closed', users: arrival.users, thinkTime: normaliseDistribution(arrival.thinkTime) };
  }
  const steps: RateStep[] =
    typeof arrival.rate === 'number' ? [{ atMs: 0, ratePerSec: arrival.rate }] : arrival.rate.map((step) => ({ atMs: step.at, ratePerSec: step.rate }));
  return { process: arrival.process, steps };
}

/** Node ids of a target; cross-checks guarantee it names a service or a node. */
function targetNodes(target: string, replicasByService: ReadonlyMap<string, number>): string[] {
  const nodes = expandTarget(target, replicasByService);
  if (nodes === undefined) throw new Error(`scenario: fault target "${target}" passed the cross-checks but names no node`);
  return nodes;
}

/** Faults in file order: the core's here, the parts' by their own hooks. */
function normaliseFaults(doc: ScenarioDoc, parts: readonly ScenarioPart[], context: NormaliseContext): FaultSpec[] {
  const byPart = parts.flatMap((part) => (part.normaliseFaults === undefined ? [] : [part.normaliseFaults(doc, context)]));
  return (doc.faults ?? []).map((fault, index) => {
    for (const specs of byPart) {
      const spec = specs.get(index);
      if (spec !== undefined) return spec;
    }
    // Not a part's, so one of the core's.
    return normaliseFault(fault as CoreFaultDoc, context);
  });
}

function normaliseFault(fault: CoreFaultDoc, { nodesOf }: NormaliseContext): FaultSpec {
  const timing = { atMs: fault.at, ...defined({ forMs: fault.for }) };
  if ('crash' in fault) return { kind: 'crash', ...timing, targets: nodesOf(fault.crash) };
  if ('slow' in fault) return { kind: 'slow', ...timing, targets: nodesOf(fault.slow), factor: fault.factor };
  if ('partition' in fault) {
    const groups = fault.partition.map((group) => [...new Set(group.flatMap((target) => nodesOf(target)))]);
    return { kind: 'partition', ...timing, groups };
  }
  if ('errors' in fault) return { kind: 'errors', ...timing, targets: nodesOf(fault.errors), probability: fault.rate };
  if ('loss' in fault) return { kind: 'loss', ...timing, probability: fault.loss };
  throw new Error('scenario: a fault that neither the core nor a part normalised');
}
