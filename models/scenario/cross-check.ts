/**
 * Checks that span sections of a scenario: references to services and nodes, call
 * cycles, and times that must fall inside the run.
 *
 * They read the parsed document directly, not the validated output, so they also run
 * when other parts of the file have problems: a user sees an unknown service and a bad
 * unit elsewhere in one pass. Anything of the wrong type is skipped here; the schema
 * reports it.
 */
import { closest, suggestion } from './did-you-mean';
import { expandTarget, replicasOf, serviceNodeIds } from './node-ids';
import { show, type DocumentPath, type PathProblem } from './path-problem';
import { isMapping, type Mapping, type ScenarioPart, type ServiceKind } from './scenario-part';
import { parseDuration } from './units';
const entries = (value: unknown): [string, unknown][] => (isMapping(value) ? Object.entries(value) : []);
const items = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** A parsed duration in ms, or undefined when absent or invalid (reported by the schema). */
function durationMs(value: unknown): number | undefined {
  const parsed = parseDuration(value);
  return parsed.ok ? parsed.value : undefined;
}

/** Every cross-section problem of the parsed document `root`: the core's, then each part's. */
export function crossCheck(root: unknown, parts: readonly ScenarioPart[]): PathProblem[] {
  if (!isMapping(root)) return [];
  const problems = checkTimes(root);
  for (const part of parts) for (const problem of part.crossCheck?.(root) ?? []) problems.push(problem);
  if (isMapping(root.services)) {
    const services = new Map(entries(root.services));
    const kinds = new Map(parts.flatMap((part) => part.serviceKinds ?? []).map((k) => [k.kind, k] as const));
    const variants = ['service', ...parts.flatMap((part) => part.serviceVariants ?? []).map((v) => v.kind)];
    const kindOf = (service: unknown) => (isMapping(service) && typeof service.kind === 'string' ? kinds.get(service.kind) : undefined);
    const found = [checkClientsPresent(root, services, kindOf), checkClientTargets(root.clients, services, kindOf, variants), checkCalls(services), checkFaultTargets(root.faults, services)];
    for (const list of found) for (const problem of list) problems.push(problem);
  }
  return problems;
}

/** The kind of a service that serves no requests (a part's), or undefined for a plain service. */
type KindOf = (service: unknown) => ServiceKind | undefined;

function checkTimes(root: Mapping): PathProblem[] {
  const problems: PathProblem[] = [];
  const duration = durationMs(root.duration);
  if (duration === undefined) return problems;
  const warmup = durationMs(root.warmup);
  if (warmup !== undefined && warmup >= duration) {
    problems.push({
      path: ['warmup'],
      at: 'value',
      message: `warmup ${show(root.warmup)} is not shorter than duration ${show(root.duration)}`,
      expected: 'a duration shorter than duration',
      hint: 'metrics cover duration minus warmup; shorten warmup or lengthen duration',
    });
  }
  const window = durationMs(root.window);
  if (window !== undefined && window > duration) {
    problems.push({
      path: ['window'],
      at: 'value',
      message: `window ${show(root.window)} is longer than duration ${show(root.duration)}`,
      expected: 'a duration at most duration',
      hint: 'a window is one point of the time series, e.g. window: 1s',
    });
  }
  items(root.faults).forEach((fault, index) => {
    const at = isMapping(fault) ? durationMs(fault.at) : undefined;
    if (at !== undefined && at >= duration) {
      problems.push({
        path: ['faults', index, 'at'],
        at: 'value',
        message: `the fault starts at ${show((fault as Mapping).at)}, after the run ends (duration ${show(root.duration)})`,
        expected: 'a time before the end of the run',
        hint: `start it before ${String(root.duration)}, or lengthen duration`,
      });
    }
  });
  return problems;
}

function unknownService(path: DocumentPath, name: string, services: ReadonlyMap<string, unknown>): PathProblem {
  return { path, at: 'value', message: `unknown service ${show(name)}`, expected: 'a service name', hint: suggestion(name, [...services.keys()], 'services') };
}

function checkClientTargets(clients: unknown, services: ReadonlyMap<string, unknown>, kindOf: KindOf, variants: readonly string[]): PathProblem[] {
  const problems: PathProblem[] = [];
  for (const [name, client] of entries(clients)) {
    const target = isMapping(client) ? client.target : undefined;
    if (typeof target !== 'string') continue;
    const kind = kindOf(services.get(target));
    if (!services.has(target)) problems.push(unknownService(['clients', name, 'target'], target, services));
    else if (kind !== undefined) {
      problems.push({
        path: ['clients', name, 'target'],
        at: 'value',
        message: `client ${name} targets "${target}", ${kind.one}, which serves no requests`,
        expected: `a service of kind ${variants.join(' or ')}`,
        hint: kind.clientHint,
      });
    }
  }
  return problems;
}

/** Clients may be left out only when the scenario has services that run on their own (gossip clusters). */
function checkClientsPresent(root: Mapping, services: ReadonlyMap<string, unknown>, kindOf: KindOf): PathProblem[] {
  if (root.clients !== undefined || [...services.values()].some((service) => kindOf(service) !== undefined)) return [];
  return [{
    path: ['clients'],
    at: 'key',
    message: 'missing required key "clients"',
    expected: 'a mapping of clients by name',
    hint: '{ load: { target: api, arrival: { process: poisson, rate: 100/s } } }',
    missingKey: 'clients',
  }];
}

/** Calls to unknown services, and call cycles (a request in a cycle never finishes). */
function checkCalls(services: ReadonlyMap<string, unknown>): PathProblem[] {
  const problems: PathProblem[] = [];
  const edges = new Map<string, { readonly to: string; readonly path: DocumentPath }[]>();
  for (const [name, service] of services) {
    const out: { to: string; path: DocumentPath }[] = [];
    items(isMapping(service) ? service.calls : undefined).forEach((call, index) => {
      const to = isMapping(call) ? call.service : undefined;
      if (typeof to !== 'string') return;
      const path = ['services', name, 'calls', index, 'service'];
      if (services.has(to)) out.push({ to, path });
      else problems.push(unknownService(path, to, services));
    });
    edges.set(name, out);
  }
  return problems.concat(callCycles(edges));
}

/**
 * One problem per call that closes a cycle, found by depth-first search in file order and
 * reported at that call: for a → b → a, at b's call to a.
 */
function callCycles(edges: ReadonlyMap<string, readonly { readonly to: string; readonly path: DocumentPath }[]>): PathProblem[] {
  const problems: PathProblem[] = [];
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): void => {
    state.set(name, 'active');
    stack.push(name);
    for (const edge of edges.get(name) ?? []) {
      const seen = state.get(edge.to);
      if (seen === 'active') {
        const cycle = [...stack.slice(stack.indexOf(edge.to)), edge.to].join(' → ');
        problems.push({
          path: edge.path,
          at: 'value',
          message: `call cycle ${cycle}`,
          expected: 'a service that does not call back',
          hint: 'requests in a cycle never finish; remove one of these calls',
        });
      } else if (seen === undefined) {
        visit(edge.to);
      }
    }
    stack.pop();
    state.set(name, 'done');
  };
  for (const name of edges.keys()) if (!state.has(name)) visit(name);
  return problems;
}

/** Fault targets: each names a service or a node, and partition groups do not overlap. */
function checkFaultTargets(faults: unknown, services: ReadonlyMap<string, unknown>): PathProblem[] {
  const problems: PathProblem[] = [];
  const replicas = new Map<string, number>();
  for (const [name, service] of services) {
    const count = replicasOf(service);
    if (count !== undefined) replicas.set(name, count);
  }
  /** The nodes of `target`, or undefined (reporting it unless its service is itself invalid). */
  const resolve = (path: DocumentPath, target: unknown): string[] | undefined => {
    if (typeof target !== 'string') return undefined;
    const nodes = expandTarget(target, replicas);
    if (nodes !== undefined) return nodes;
    const service = services.has(target) ? target : /^(.+)-\d+$/.exec(target)?.[1];
    if (service === undefined || !services.has(service)) problems.push(unknownTarget(path, target, services, replicas));
    else if (replicas.has(service)) problems.push(unknownReplica(path, target, service, replicas.get(service)!));
    return undefined;
  };
  items(faults).forEach((fault, index) => {
    if (!isMapping(fault)) return;
    resolve(['faults', index, 'crash'], fault.crash);
    resolve(['faults', index, 'slow'], fault.slow);
    resolve(['faults', index, 'errors'], fault.errors);
    const groupOf = new Map<string, number>();
    items(fault.partition).forEach((group, g) =>
      items(group).forEach((target, t) => {
        const path = ['faults', index, 'partition', g, t];
        for (const node of resolve(path, target) ?? []) {
          const other = groupOf.get(node);
          if (other !== undefined && other !== g) problems.push(overlap(path, node, other, g));
          groupOf.set(node, g);
        }
      }),
    );
  });
  return problems;
}

const TARGET_EXPECTED = 'a node id <service>-<index> or a service name';

function unknownTarget(path: DocumentPath, target: string, services: ReadonlyMap<string, unknown>, replicas: ReadonlyMap<string, number>): PathProblem {
  const names = [...services.keys()];
  const nodeIds = [...replicas].flatMap(([name, count]) => serviceNodeIds(name, count));
  const match = closest(target, [...names, ...nodeIds]);
  const hint = match === undefined ? `services: ${names.join(', ')}; node ids are <service>-<index>` : `did you mean "${match}"?`;
  return { path, at: 'value', message: `unknown node or service ${show(target)}`, expected: TARGET_EXPECTED, hint };
}

function unknownReplica(path: DocumentPath, target: string, service: string, replicas: number): PathProblem {
  return {
    path,
    at: 'value',
    message: `unknown node ${show(target)}: ${service} has ${replicas} replica(s)`,
    expected: TARGET_EXPECTED,
    hint: replicas === 1 ? `its only node is ${service}-0` : `use ${service}-0 … ${service}-${replicas - 1}, or ${service} for all of them`,
  };
}

function overlap(path: DocumentPath, node: string, first: number, second: number): PathProblem {
  return {
    path,
    at: 'value',
    message: `node ${show(node)} is in partition groups ${first} and ${second}`,
    expected: 'groups with no node in common',
    hint: 'a node is on one side of a partition only',
  };
}
