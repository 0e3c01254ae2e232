import type { GossipConfig } from './gossip-config';

/**
 * memberlist's DefaultLANConfig (hashicorp/memberlist config.go), as a frozen profile.
 * Every value carries the reason memberlist gives for it, or ours where memberlist has no
 * such knob. Options are filled in from a profile in `resolveGossipConfig` and nowhere else.
 */
export const gossipLanProfile: GossipConfig = Object.freeze({
  /** Failure detection and membership gossip (SWIM), as memberlist. */
  protocol: 'swim',
  /**
   * ProbeInterval 1 s: one probe per member per second keeps the load per member constant
   * (one ping and one ack) and detects a crash in about two seconds (see the doc).
   */
  probeIntervalMs: 1000,
  /**
   * ProbeTimeout 500 ms: "should be set to the 99th percentile of RTT" on a LAN, with
   * room to spare; half the period leaves the other half for the indirect probes.
   */
  probeTimeoutMs: 500,
  /** IndirectChecks 3: a lost packet or a slow relay alone does not make a suspect. */
  indirectChecks: 3,
  /** RetransmitMult 4: each update is sent 4·⌈log10(n+1)⌉ times, enough to reach all w.h.p. */
  retransmitMult: 4,
  /**
   * SuspicionMult 4: the suspicion timeout is 4·max(1, log10 n)·ProbeInterval (4 s at
   * n = 10, 12 s at n = 1,000), time for the suspect to hear of it and refute.
   */
  suspicionMult: 4,
  /**
   * SuspicionMaxTimeoutMult 6 (Lifeguard): with no independent confirmation a suspicion
   * lasts up to 6× the minimum; confirmations bring it down to the minimum.
   */
  suspicionMaxTimeoutMult: 6,
  /** Suspicion (SWIM §4.2) on: a failed probe makes a suspect, not a dead member. */
  suspicion: true,
  /** GossipInterval 200 ms: fast dissemination at a modest cost (only sent when updates wait). */
  gossipIntervalMs: 200,
  /** GossipNodes 3: random members gossiped to each interval. */
  fanout: 3,
  /** GossipToTheDeadTime 30 s: keep gossiping to a dead member so it can learn and refute. */
  gossipToTheDeadMs: 30_000,
  /**
   * PushPullInterval 30 s: full state sync (anti-entropy) with one random member; scaled
   * up with log2(n) above 32 members (memberlist pushPullScale).
   */
  pushPullIntervalMs: 30_000,
  /** UDPBufferSize 1400 B: stays under a 1500 B Ethernet MTU with IP/UDP headers. */
  messageSizeLimitBytes: 1400,
  /** memberlist starts each timer after a random stagger: members are unsynchronised. */
  timerPhase: 'random',
  /**
   * Broadcasts waiting at one member. memberlist has no bound (serf prunes to
   * 2 × its limit); 4,096 updates are a full cluster's worth of joins at n = 4,096.
   */
  broadcastQueueMax: 4096,
  /** User events remembered for de-duplication and push-pull (serf's EventBuffer is 512). */
  rumoursKeptMax: 512,
  /** Join attempts per seed before giving up (memberlist leaves retries to its caller). */
  joinAttemptsMax: 5,
  /** Wait for a push-pull reply before retrying a join; a LAN round trip is < 1 ms. */
  joinRetryIntervalMs: 1000,
  /** How long a leaving member keeps running for its leave to spread (serf BroadcastTimeout 5 s). */
  leaveTimeoutMs: 5000,
});

/**
 * memberlist's DefaultWANConfig: slower timers and more tolerance for latency and loss.
 * Only the fields memberlist changes differ from the LAN profile.
 */
export const gossipWanProfile: GossipConfig = Object.freeze({
  ...gossipLanProfile,
  /** SuspicionMult 6: more time to refute over a lossy WAN. */
  suspicionMult: 6,
  /** PushPullInterval 60 s: state is larger and links dearer. */
  pushPullIntervalMs: 60_000,
  /** ProbeTimeout 3 s: WAN round trips. */
  probeTimeoutMs: 3000,
  /** ProbeInterval 5 s. */
  probeIntervalMs: 5000,
  /** GossipNodes 4: compensates for a slower gossip interval. */
  fanout: 4,
  /** GossipInterval 500 ms. */
  gossipIntervalMs: 500,
  /** GossipToTheDeadTime 60 s. */
  gossipToTheDeadMs: 60_000,
});

/**
 * memberlist's DefaultLocalConfig: a loopback or very reliable network, faster timers and
 * fewer retransmissions.
 */
export const gossipLocalProfile: GossipConfig = Object.freeze({
  ...gossipLanProfile,
  /** IndirectChecks 1: loss is rare locally. */
  indirectChecks: 1,
  /** RetransmitMult 2. */
  retransmitMult: 2,
  /** SuspicionMult 3. */
  suspicionMult: 3,
  /** PushPullInterval 15 s. */
  pushPullIntervalMs: 15_000,
  /** ProbeTimeout 200 ms. */
  probeTimeoutMs: 200,
  /** GossipInterval 100 ms. */
  gossipIntervalMs: 100,
  /** GossipToTheDeadTime 15 s. */
  gossipToTheDeadMs: 15_000,
});
