/**
 * memberlist's scaling formulas (util.go, suspicion.go), as pure functions of the
 * estimated cluster size n (members known, including dead ones not yet reaped).
 */

/**
 * Minimum suspicion timeout: suspicionMult · max(1, log10 n) · probeInterval, with the
 * scale truncated to 1/1000 as memberlist does in integer Durations.
 * 4 s, 8 s, 12 s, 16 s at n = 10, 100, 1,000, 10,000 with the LAN defaults.
 */
export function suspicionTimeoutMs(suspicionMult: number, n: number, probeIntervalMs: number): number {
  const nodeScale = Math.max(1, Math.log10(Math.max(1, n)));
  return (suspicionMult * Math.floor(nodeScale * 1000) * probeIntervalMs) / 1000;
}

/** Transmissions of one update: retransmitMult · ⌈log10(n + 1)⌉ (12, 16, 20 at n = 100, 1,000, 10,000). */
export function retransmitLimit(retransmitMult: number, n: number): number {
  return retransmitMult * Math.ceil(Math.log10(n + 1));
}

/**
 * Lifeguard's suspicion timeout after `confirmations` independent confirmations out of
 * the `expected` k that drive it to the minimum (suspicion.go remainingSuspicionTime,
 * before subtracting the elapsed time):
 *
 *   timeout = max(min, ⌊max − (max − min) · log(c + 1) / log(k + 1)⌋ms)
 *
 * With k = 2, min 16 s, max 96 s: 96 s, 45.5 s, 16 s after 0, 1, 2 confirmations.
 */
export function suspicionTimeoutAfterMs(confirmations: number, expected: number, minMs: number, maxMs: number): number {
  if (expected < 1) return minMs;
  const fraction = Math.log(confirmations + 1) / Math.log(expected + 1);
  const raw = Math.floor(maxMs - fraction * (maxMs - minMs));
  return Math.max(minMs, raw);
}

/** Members from which push-pull scaling starts (memberlist pushPullScaleThreshold). */
export const pushPullScaleThreshold = 32;

/**
 * Push-pull period scaled so that the cluster-wide sync rate stays bounded:
 * interval · (⌈log2 n − log2 32⌉ + 1) above 32 members (×2 at 33..64, ×10 at 10,000).
 */
export function pushPullIntervalScaledMs(intervalMs: number, n: number): number {
  if (n <= pushPullScaleThreshold) return intervalMs;
  const multiplier = Math.ceil(Math.log2(n) - Math.log2(pushPullScaleThreshold)) + 1;
  return multiplier * intervalMs;
}
