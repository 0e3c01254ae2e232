/**
 * Defaults and limits of the balancing policies, in one frozen profile. Each value carries
 * the reason it was chosen; policy options are filled in from here and nowhere else.
 */
export const balancerDefaults = Object.freeze({
  /**
   * Hosts sampled per pick by least-request: Envoy `choice_count` default 2. Two choices
   * already cut the maximum queue from log n / log log n to log log n (Mitzenmacher); more
   * choices help little and herd more.
   */
  choices: 2,
  /** Largest `choices`: beyond this a full scan (least-request-full) is cheaper and clearer. */
  choicesMax: 100,
  /**
   * Envoy `active_request_bias` default 1.0: effective weight = weight / (active + 1)^bias
   * when host weights differ. 0 turns least-request into weighted round robin.
   */
  activeRequestBias: 1,
  /** Largest bias: (active + 1)^bias must stay far from underflowing the weight to 0. */
  activeRequestBiasMax: 10,
  /** Peak EWMA decay time τ in ms: Finagle's `p2cPeakEwma` default of 10 s. */
  decayMs: 10_000,
  /** Peak EWMA estimate of a host never measured, in ms: linkerd2-proxy's default of 30 ms. */
  defaultRttMs: 30,
  /** Largest accepted peak EWMA decay or default RTT: one hour, far beyond any request. */
  durationMsMax: 3_600_000,
});
