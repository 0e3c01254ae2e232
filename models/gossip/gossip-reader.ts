/**
 * What the viz's gossip view shows of each gossip cluster during a run: every member's
 * state as one running member (the observer) sees it, the informed-fraction curves and the
 * summary so far. It only reads: no random numbers, no events.
 */
import type { SubsystemObserver } from '../subsystem/subsystem';
import type { GossipCluster } from './gossip-cluster';
import type { RumourSeries } from './dissemination-tracker';
import type { GossipSummary } from './gossip-summary';

/** Member state codes of `GossipView.states`. */
export const GOSSIP_STATES = ['alive', 'suspect', 'dead', 'left', 'unknown'] as const;
/** Bit set in a `GossipView.states` entry when the member itself is not running. */
export const GOSSIP_DOWN = 8;

/** One gossip cluster at a moment. */
export interface GossipView {
  readonly service: string;
  /** The member whose view `states` is (the first running one), or -1. */
  readonly observer: number;
  /** Per slot: index into GOSSIP_STATES as the observer sees it, | GOSSIP_DOWN when not running. */
  readonly states: Uint8Array;
  readonly series: readonly RumourSeries[];
  readonly summary: GossipSummary;
}

export class GossipReader implements SubsystemObserver {
  readonly topology: readonly string[];

  constructor(private readonly clusters: ReadonlyMap<string, GossipCluster>) {
    this.topology = [...clusters.keys()];
  }

  read(): GossipView[] {
    return [...this.clusters].map(([service, cluster]) => {
      const running = cluster.runningSlots();
      const observer = running.length > 0 ? running[0]! : -1;
      const viewer = observer >= 0 ? cluster.member(observer) : undefined;
      const states = new Uint8Array(cluster.slotCount);
      const isRunning = new Set(running);
      for (let i = 0; i < states.length; i++) {
        const state = viewer?.stateOf(cluster.address(i))?.state;
        const code = state === undefined ? GOSSIP_STATES.length - 1 : GOSSIP_STATES.indexOf(state);
        states[i] = code | (isRunning.has(i) ? 0 : GOSSIP_DOWN);
      }
      return { service, observer, states, series: cluster.informedSeries(), summary: cluster.summary() };
    });
  }
}
