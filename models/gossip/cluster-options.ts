import type { Simulation } from '../../sim/simulation';
import type { GossipConfigInput } from '../../components/gossip/index';
import type { NetworkSpec } from '../scenario/types';

/**
 * Faults and membership changes at given times. Members are slots: slot i has address
 * `<service>-<i>`; the initial members are slots 0 .. members − 1, joiners get new slots.
 */
export type GossipFault =
  /** Crash `member`, or `count` random running members: they stop at once; restart after forMs. */
  | { readonly kind: 'crash'; readonly atMs: number; readonly member?: number; readonly count?: number; readonly forMs?: number }
  /** `count` new members (default 1) join through random running seeds. */
  | { readonly kind: 'join'; readonly atMs: number; readonly count?: number }
  /** `member`, or `count` random running members, leave gracefully. */
  | { readonly kind: 'leave'; readonly atMs: number; readonly member?: number; readonly count?: number }
  /** Extra message loss `probability` on every link for forMs (default: to the end). */
  | { readonly kind: 'loss'; readonly atMs: number; readonly probability: number; readonly forMs?: number }
  /** Cut the network between groups of slots for forMs (default: to the end). */
  | { readonly kind: 'partition'; readonly atMs: number; readonly groups: readonly (readonly number[])[]; readonly forMs?: number };

export interface GossipEventsOptions {
  /** User events (rumours) created per second, a Poisson process; 0 for none. */
  readonly rate: number;
  /** Payload bytes per event (default 32). */
  readonly payloadBytes?: number;
  /** Window of the Poisson process (default: the whole run). */
  readonly startMs?: number;
  readonly endMs?: number;
  /** Events at exactly these times, in addition (for experiments). */
  readonly atMs?: readonly number[];
  /**
   * Experiments: this many events one after another, the first at `startMs` (default 0),
   * each next one when the previous has reached every member (independent spreads, no gap).
   */
  readonly sequential?: number;
}

export interface GossipClusterOptions {
  /** Members at the start. Integer in [1, membersMax]. */
  readonly members: number;
  /** Simulated duration (ms). */
  readonly durationMs: number;
  /** Master seed (default 1). */
  readonly seed?: number;
  /** Address prefix (default 'gossip'): members are '<service>-<i>'. */
  readonly service?: string;
  /** Protocol parameters (default: memberlist's LAN profile). */
  readonly gossip?: GossipConfigInput;
  /** Network model (default: lognormal latency, median 0.25 ms, p99 1 ms; no loss; no bandwidth limit). */
  readonly network?: NetworkSpec;
  /**
   * `converged` (default): the cluster has formed; every member knows every other alive at
   * incarnation 1. `join`: member 0 starts alone and the others join it at random times
   * within the first second (measures formation; costs O(n²) messages).
   */
  readonly bootstrap?: 'converged' | 'join';
  /** Seeds given to each joiner and restarted member (default 1, like `memberlist Join([seed])`). */
  readonly seedsPerJoin?: number;
  readonly faults?: readonly GossipFault[];
  readonly events?: GossipEventsOptions;
  /** Informed-fraction series: window (default 100 ms), rumours recorded (default 16), windows each (default 600). */
  readonly series?: { readonly windowMs?: number; readonly rumoursMax?: number; readonly pointsMax?: number };
  /** Stop once every event of `events.atMs` and `events.sequential` has been fully disseminated (experiments). */
  readonly stopWhenDisseminated?: boolean;
  /** Skip duplicate updates through a shared UpdateDedupe (default true; performance only). */
  readonly dedupe?: boolean;
  /** Safety bound on simulation events (default 2·10⁹). */
  readonly eventsMax?: number;
  /**
   * The simulation to run in (a World's, so the cluster shares its clock with everything
   * else in the scenario); absent: a simulation of its own, advanced by `run`.
   */
  readonly sim?: Simulation;
}

/** Largest cluster accepted: views cost O(n) memory each beyond the shared baseline. */
export const gossipClusterMembersMax = 100_000;

/** Default network: a LAN with sub-millisecond one-way latency. */
export const gossipClusterNetwork: NetworkSpec = Object.freeze({
  latency: Object.freeze({ dist: 'lognormal', median: 0.25, p99: 1 }),
  loss: 0,
});

/** @throws RangeError naming the option, the value and the allowed range */
export function checkClusterOptions(options: GossipClusterOptions): void {
  checkInteger('members', options.members, 1, gossipClusterMembersMax);
  check('durationMs', options.durationMs, options.durationMs >= 0 && options.durationMs < Infinity, 'a number >= 0');
  if (options.seedsPerJoin !== undefined) checkInteger('seedsPerJoin', options.seedsPerJoin, 1, 64);
  const events = options.events;
  if (events !== undefined) {
    check('events.rate', events.rate, events.rate >= 0 && events.rate < 1e6, 'a rate in [0, 10⁶) per second');
    if (events.payloadBytes !== undefined) checkInteger('events.payloadBytes', events.payloadBytes, 0, 65_000);
    if (events.sequential !== undefined) checkInteger('events.sequential', events.sequential, 0, 1_000_000);
  }
  for (const [i, fault] of (options.faults ?? []).entries()) {
    check(`faults[${i}].atMs`, fault.atMs, fault.atMs >= 0 && fault.atMs < Infinity, 'a time >= 0 ms');
    if (fault.kind === 'loss') {
      check(`faults[${i}].probability`, fault.probability, fault.probability >= 0 && fault.probability <= 1, 'a probability in [0, 1]');
    }
  }
}

function checkInteger(field: string, value: number, min: number, max: number): void {
  check(field, value, Number.isInteger(value) && value >= min && value <= max, `an integer in [${min}, ${max}]`);
}

function check(field: string, value: unknown, ok: boolean, expected: string): void {
  if (!ok) throw new RangeError(`gossip-cluster: ${field} must be ${expected}, got ${String(value)}`);
}
