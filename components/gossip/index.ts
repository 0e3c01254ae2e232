export { BroadcastQueue } from './broadcast-queue';
export { gossipLanProfile, gossipLocalProfile, gossipWanProfile } from './defaults';
export { FailureDetector, type DetectorHost, type PickFilter } from './failure-detector';
export {
  pushPullIntervalScaledMs,
  pushPullScaleThreshold,
  retransmitLimit,
  suspicionTimeoutAfterMs,
  suspicionTimeoutMs,
} from './formulas';
export { resolveGossipConfig } from './resolve-config';
export {
  type GossipConfig,
  type GossipConfigInput,
  type GossipProtocol,
  type TimerPhase,
} from './gossip-config';
export { GossipMember, type GossipMemberOptions, type MemberInfo } from './gossip-member';
export { MemberDirectory } from './member-directory';
export {
  entryIncarnation,
  entryState,
  isDeadOrLeft,
  packEntry,
  stateAlive,
  stateDead,
  stateLeft,
  stateName,
  stateSuspect,
  stateUnknown,
  type MemberState,
} from './member-state';
export { Membership, type MembershipChange, type MembershipListener } from './membership';
export { MembershipView, snapshotEntry, type ViewSnapshot } from './membership-view';
export {
  noUpdates,
  type AckMessage,
  type GossipMessage,
  type GossipWireMessage,
  type PingMessage,
  type PingReqMessage,
  type PushPullMessage,
  type RumourMessage,
} from './messages';
export { Outbox } from './outbox';
export { ProbeOrder } from './probe-order';
export { RumourLog } from './rumour-log';
export { SharedBaseline, type BaselineView } from './shared-baseline';
export { Suspicion } from './suspicion';
export {
  aliveUpdate,
  deadUpdate,
  isLeave,
  suspectUpdate,
  updateKey,
  userEvent,
  type MembershipUpdate,
  type Update,
  type UserEvent,
} from './update';
export { UpdateDedupe } from './update-dedupe';
export { wireSize } from './wire-size';
