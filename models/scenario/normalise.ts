/**
 * The validated document to the normalised `Scenario`: the one place where defaults are
 * filled in (from `defaults.ts`), constants become distributions, rates become steps and
 * fault targets become node ids. Units are already parsed by the schema.
 */
import { BALANCER_DEFAULTS, CALL_DEFAULTS, CLIENT_DEFAULTS, defaultWindowMs, NETWORK_DEFAULTS, RUN_DEFAULTS, SERVICE_DEFAULTS } from './defaults';
import type { DistributionDoc } from './distribution-schema';
import { expandTarget } from './node-ids';
import { normaliseResilience } from './resilience-schema';
import { normalisePlanner } from './planner-schema';
import { normaliseDiscovery } from './discovery-schema';
import { normaliseGossip } from './gossip-schema';
import { membershipFaultSpecs, normaliseKvClient, normaliseKvService } from './kv-schema';
import type { BalancerDoc, ClientDoc, FaultDoc, ScenarioDoc, ServiceDoc } from './schema';
import type { ArrivalSpec, BalancerSpec, ClientSpec, DistSpec, FaultSpec, RateStep, Scenario, ServiceSpec, GossipServiceSpec } from './types';
import { parseDuration, parsePercent, parseProbability, parseSize, type UnitResult } from './units';

/** The value of a default written in `defaults.ts`; failing to parse one is a bug. */
function parsedDefault(parse: (raw: unknown) => UnitResult, written: string): number {
  const result = parse(written);
  if (!result.ok) throw new Error(`scenario: default "${written}" does not parse: expected ${result.expected}`);
  return result.value;
}

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

/** The normalised scenario of a document that passed validation and cross-checks. */
export function normalise(doc: ScenarioDoc): Scenario {
  const services = new Map<string, ServiceSpec>();
  const gossip = new Map<string, GossipServiceSpec>();
  for (const [name, service] of Object.entries(doc.services)) {
    if (service.kind === 'gossip') gossip.set(name, normaliseGossip(service));
    else services.set(name, normaliseService(service));
  }
  const replicasByService = new Map<string, number>([
    ...[...services].map(([name, service]) => [name, service.replicas] as const),
    ...[...gossip].map(([name, cluster]) => [name, cluster.members] as const),
  ]);
  return {
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
    clients: new Map(Object.entries(doc.clients ?? {}).map(([name, client]) => [name, normaliseClient(client, services.get(client.target)?.kv !== undefined)] as const)),
    faults: normaliseFaults(doc, replicasByService),
    ...normalisePlanner(doc),
    ...(doc.discovery === undefined ? {} : { discovery: normaliseDiscovery(doc.discovery) }),
    ...(gossip.size === 0 ? {} : { gossip }),
  };
}

function normaliseDistribution(dist: DistributionDoc): DistSpec {
  return typeof dist === 'number' ? { dist: 'constant', value: dist } : dist;
}

function normaliseBalancer(balancer: BalancerDoc | undefined): BalancerSpec {
  const { policy, panicThreshold, ...options } = balancer ?? { policy: BALANCER_DEFAULTS.policy };
  return { policy, options, panicThresholdPercent: panicThreshold ?? DEFAULT_VALUES.panicThresholdPercent };
}

function normaliseService(service: ServiceDoc): ServiceSpec {
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
    ...normaliseKvService(service),
  };
}

function normaliseClient(client: ClientDoc, targetIsKv: boolean): ClientSpec {
  return {
    target: client.target,
    instances: client.instances ?? CLIENT_DEFAULTS.instances,
    arrival: normaliseArrival(client.arrival),
    ...defined({ timeoutMs: client.timeout }),
    balancer: normaliseBalancer(client.balancer),
    resilience: normaliseResilience(client),
    ...(client.keys === undefined ? {} : { keys: client.keys.dist === 'zipf' ? { dist: 'zipf', count: client.keys.count, s: client.keys.s ?? 1 } : client.keys }),
    ...normaliseKvClient(client, targetIsKv),
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

/** Faults in file order; membership faults get their node ids from the membership timeline. */
function normaliseFaults(doc: ScenarioDoc, replicasByService: ReadonlyMap<string, number>): FaultSpec[] {
  const faults = doc.faults ?? [];
  const membership = membershipFaultSpecs(faults, new Map(Object.entries(doc.services)));
  return faults.map((fault, index) => membership.get(index) ?? normaliseFault(fault, replicasByService));
}

function normaliseFault(fault: FaultDoc, replicasByService: ReadonlyMap<string, number>): FaultSpec {
  const timing = { atMs: fault.at, ...defined({ forMs: 'for' in fault ? fault.for : undefined }) };
  if ('crash' in fault) return { kind: 'crash', ...timing, targets: targetNodes(fault.crash, replicasByService) };
  if ('slow' in fault) return { kind: 'slow', ...timing, targets: targetNodes(fault.slow, replicasByService), factor: fault.factor };
  if ('partition' in fault) {
    const groups = fault.partition.map((group) => [...new Set(group.flatMap((target) => targetNodes(target, replicasByService)))]);
    return { kind: 'partition', ...timing, groups };
  }
  if ('errors' in fault) return { kind: 'errors', ...timing, targets: targetNodes(fault.errors, replicasByService), probability: fault.rate };
  if ('loss' in fault) return { kind: 'loss', ...timing, probability: fault.loss };
  if ('join' in fault) return { kind: 'join', ...timing, service: fault.join, count: fault.count ?? 1 };
  if ('leave' in fault) return { kind: 'leave', ...timing, targets: targetNodes(fault.leave, replicasByService) };
  throw new Error('scenario: a membership fault missing from the membership timeline');
}
