export {
  analysisKey,
  keyMovement,
  loadCounts,
  loadShares,
  loadStats,
  movedFraction,
  type KeyMovement,
  type LoadStats,
  type Lookup,
} from './analysis';
export { BoundedLoadRing, type BoundedLoadRingOptions } from './bounded-load-ring';
export { ringDefaults } from './defaults';
export { HashRing, type HashRingOptions } from './hash-ring';
export { jumpBucketCountMax, jumpConsistentHash } from './jump-consistent-hash';
export { JumpHash, type JumpHashOptions } from './jump-hash';
export { MaglevHash, type MaglevHashOptions } from './maglev-hash';
export { buildMaglevTable, checkTableSize, isPrime, maglevBackend, type MaglevBackend } from './maglev-table';
export { murmur3, murmur3String } from './murmur3';
export type { Placement, StringHash } from './placement';
export { RendezvousHash, type RendezvousHashOptions } from './rendezvous-hash';
export { RingError, type RingComponentErrorCode } from './ring-error';
export { encodeUtf8Into, utf8LengthMax } from './utf8';
