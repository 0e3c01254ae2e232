/**
 * The normalised gossip fields of a scenario (gossip-scenario-part.ts makes them), added
 * to the scenario's types by declaration merging: `Scenario.gossip` and the faults `join`
 * and `leave`.
 */

/** A gossip cluster (`kind: gossip`): members run components/gossip on the modelled network. */
export interface GossipServiceSpec {
  readonly members: number;
  /** Protocol options as components/gossip names them (ms, bytes); absent = memberlist LAN defaults. */
  readonly config: Readonly<Record<string, unknown>>;
  /** Rumours created per second (0 = none). */
  readonly eventsPerSec: number;
  readonly payloadBytes?: number;
}

declare module '../scenario/types' {
  interface ScenarioParts {
    /** Gossip clusters (`kind: gossip` services), by name; not in `services`. Absent = none. */
    readonly gossip?: ReadonlyMap<string, GossipServiceSpec>;
  }
  interface FaultKinds {
    /** `count` new members join a gossip cluster (ids after the last). */
    join: { readonly kind: 'join'; readonly atMs: number; readonly forMs?: number; readonly service: string; readonly count: number };
    /** Gossip members leave gracefully. */
    leave: { readonly kind: 'leave'; readonly atMs: number; readonly forMs?: number; readonly targets: readonly string[] };
  }
}
