/**
 * A part of the scenario language that is not the core's: a subsystem's fields (a KV
 * store's quorums, a gossip cluster, the discovery block) or the planner's blocks. The
 * core (schema.ts, cross-check.ts, normalise.ts, run-size.ts) knows services, clients, the
 * network and faults; a `ScenarioLanguage` (language.ts) is the core plus a list of parts,
 * and it never names one. A part lives in its owner's folder; its normalised fields are
 * typed by declaration merging into `ServiceParts`, `ClientParts`, `ScenarioParts` and
 * `FaultKinds` (types.ts).
 *
 * Every hook is optional. Schema pieces keep the order of the parts list, so the JSON
 * Schema and error messages do not depend on anything else.
 */
import type { z } from 'zod';
import type { PathProblem } from './path-problem';
import type { FaultSpec, Scenario, ServiceSpec } from './types';

/** zod fields, spread into a strict object. */
export type Fields = Readonly<Record<string, z.ZodType>>;

/** A parsed mapping of the document (before or after validation). */
export type Mapping = Readonly<Record<string, unknown>>;

/** A value of `kind` that is a plain service with more fields (a `kind: kv` store). */
export interface ServiceVariant {
  readonly kind: string;
  /** Completes "<kind>: …" in the description of `kind`. */
  readonly description: string;
}

/** Another kind of service, with a schema of its own, that serves no requests (a gossip cluster). */
export interface ServiceKind {
  readonly kind: string;
  /** A strict object with `kind: z.literal(kind)` and a required `replicas`. */
  readonly schema: z.ZodObject;
  /** Completes "expected a service mapping … or …", e.g. 'a gossip cluster { kind: gossip, replicas }'. */
  readonly expected: string;
  /** One of them, e.g. 'a gossip cluster'. */
  readonly one: string;
  /** Several, e.g. 'gossip clusters': a scenario of these alone needs no clients. */
  readonly many: string;
  /** What to do when a client targets one. */
  readonly clientHint: string;
}

/** A fault of the part, told apart from the others by its key (`join: gossip`). */
export interface PartFault {
  readonly key: string;
  readonly schema: z.ZodObject;
}

/** What a part's normalisation may ask of the core. */
export interface NormaliseContext {
  /** The node ids of a fault target (a service or a node id) that passed the cross-checks. */
  nodesOf(target: string): string[];
}

export interface ScenarioPart {
  /** Its name, for messages about the part itself. */
  readonly name: string;

  // ---- services ----
  readonly serviceVariants?: readonly ServiceVariant[];
  /** Fields a plain service may have, after the core's (the variant's own fields). */
  readonly serviceFields?: Fields;
  /** Checks of those fields within one service (zod refinement). */
  readonly checkService?: (doc: Mapping, ctx: z.RefinementCtx) => void;
  readonly serviceKinds?: readonly ServiceKind[];
  /** Its fields of one normalised plain service (spread into the ServiceSpec). */
  readonly normaliseService?: (doc: Mapping) => object;

  // ---- clients ----
  readonly clientFields?: Fields;
  /** Its fields of one normalised client, given the client's target (spread into the ClientSpec). */
  readonly normaliseClient?: (doc: Mapping, target: ServiceSpec | undefined) => object;

  // ---- faults ----
  readonly faults?: readonly PartFault[];
  /** Its faults normalised, by index in the fault list (`doc` is the validated document). */
  readonly normaliseFaults?: (doc: Mapping, context: NormaliseContext) => ReadonlyMap<number, FaultSpec>;

  // ---- the document ----
  /** Top-level keys, after the core's. */
  readonly fields?: Fields;
  /** Its fields of the normalised scenario (spread into the Scenario). */
  readonly normalise?: (doc: Mapping, context: NormaliseContext) => object;
  /** Checks that span sections, on the parsed document (anything of the wrong type is the schema's to report). */
  readonly crossCheck?: (root: Mapping) => PathProblem[];

  /** Expected work of one replication besides the clients' requests (protocol rounds), for the run-size limit. */
  readonly workPerReplication?: (scenario: Scenario) => number;
}

export const isMapping = (value: unknown): value is Mapping => value !== null && typeof value === 'object' && !Array.isArray(value);
