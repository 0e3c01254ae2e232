/**
 * Defaults and limits of the ring module, in one frozen profile. Each value carries the
 * reason it was chosen; options are filled in from here and nowhere else.
 */
export const ringDefaults = Object.freeze({
  /**
   * Points on the ring per unit of weight. 160 as in ketama (libketama: 40 MD5 digests of
   * 4 points each per server); a node's share then has std/mean ≈ 1/√160 ≈ 8%.
   */
  vnodes: 160,
  /** Largest `vnodes` accepted: beyond this, memory grows without improving balance much. */
  vnodesMax: 1 << 20,
  /**
   * Largest number of points on one ring: Envoy's `maximum_ring_size` (8M). At 4 bytes
   * of hash plus one owner reference per point this is about 100 MB.
   */
  pointCountMax: 8_388_608,
  /** Largest accepted weight; weights are relative, so this only guards against typos. */
  weightMax: 1_000_000,
  /** Maglev lookup table size M: prime, the paper's and Envoy's default. */
  maglevTableSize: 65_537,
  /** Largest Maglev table size: Envoy's limit for `table_size`. */
  maglevTableSizeMax: 5_000_011,
  /**
   * Bounded loads: the factor c = 1 + ε of Mirrokni et al.; a bin holds at most
   * ⌈c·m/n⌉ balls. 1.25 keeps every node within 25% of the mean while the expected cost
   * of an insertion, which the paper bounds by O(1/ε²) bins visited, stays small.
   */
  balanceFactor: 1.25,
  /** Largest balance factor accepted; a factor above n means no bound at all. */
  balanceFactorMax: 1_000,
  /** Envoy `ring_hash` minimum_ring_size: total points the ring-hash policy aims for. */
  minimumRingSize: 1024,
});
