/**
 * What a member does each interval.
 * - `swim`: SWIM failure detection, membership gossip, push-pull anti-entropy; user events
 *   ride the retransmit-limited broadcast queue (memberlist + serf).
 * - `push`: plain rumour mongering for measurement: every informed member sends every
 *   rumour it knows to `fanout` random members each gossip interval, forever.
 * - `push-pull`: each member contacts `fanout` random members each gossip interval and
 *   the two exchange the rumours each knows.
 * The two plain modes keep a static member list (no failure detection).
 */
export type GossipProtocol = 'swim' | 'push' | 'push-pull';

/**
 * When periodic timers first fire. `random`: after a uniform stagger in [0, interval) drawn
 * from the member's own stream (memberlist's randStagger), so members are unsynchronised.
 * `aligned`: at the next multiple of the interval, so all members tick together (the
 * synchronous-round model of the SWIM paper; for validation).
 */
export type TimerPhase = 'random' | 'aligned';

/**
 * Every tunable of a gossip member (one options type per component). Names follow
 * memberlist's Config with the unit last; the doc lists the memberlist field of each.
 */
export interface GossipConfig {
  readonly protocol: GossipProtocol;
  /**
   * ProbeInterval: length of a SWIM protocol period; one member is probed per period.
   * Shorter detects faster at a proportional cost. Milliseconds, > 0.
   */
  readonly probeIntervalMs: number;
  /**
   * ProbeTimeout: wait for a direct ack before asking `indirectChecks` others to probe.
   * Must be shorter than the period, leaving time for the indirect probe. Milliseconds.
   */
  readonly probeTimeoutMs: number;
  /** IndirectChecks (k of SWIM §3.1): members asked to ping-req a target; 0 disables. */
  readonly indirectChecks: number;
  /** RetransmitMult: each update is sent retransmitMult · ⌈log10(n+1)⌉ times. */
  readonly retransmitMult: number;
  /** SuspicionMult: suspicion timeout = suspicionMult · max(1, log10 n) · probeInterval. */
  readonly suspicionMult: number;
  /** SuspicionMaxTimeoutMult (Lifeguard): the unconfirmed suspicion lasts this × the minimum. */
  readonly suspicionMaxTimeoutMult: number;
  /**
   * Use SWIM's suspicion mechanism. `false` is the naive baseline: a failed probe declares
   * the member dead at once (SWIM §3 without §4.2), which lets loss cause false positives.
   */
  readonly suspicion: boolean;
  /** GossipInterval: period of the gossip round (and of the plain rumour modes). Milliseconds, > 0. */
  readonly gossipIntervalMs: number;
  /** GossipNodes: members gossiped to per round (and rumour fanout). Integer >= 1. */
  readonly fanout: number;
  /** GossipToTheDeadTime: a dead member still receives gossip (and is not reaped) this long. */
  readonly gossipToTheDeadMs: number;
  /** PushPullInterval: full state sync period before scaling with n; 0 disables it. */
  readonly pushPullIntervalMs: number;
  /** UDPBufferSize: largest datagram; piggybacked updates fill what the message leaves. */
  readonly messageSizeLimitBytes: number;
  readonly timerPhase: TimerPhase;
  /** Largest broadcast queue; beyond it the most-retransmitted entries are dropped. */
  readonly broadcastQueueMax: number;
  /** User events remembered per member (for de-duplication, push and push-pull). */
  readonly rumoursKeptMax: number;
  /** Join: attempts per seed without a reply before giving up. */
  readonly joinAttemptsMax: number;
  /** Join: wait for a push-pull reply before trying a seed again. Milliseconds. */
  readonly joinRetryIntervalMs: number;
  /** Leave: the longest a leaving member runs while its leave is being gossiped. Milliseconds. */
  readonly leaveTimeoutMs: number;
}

/** Options as callers write them: any subset of a profile (default: the LAN profile). */
export type GossipConfigInput = Partial<GossipConfig>;
