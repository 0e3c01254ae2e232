import { ComponentError } from '../errors';

/** Mean, population standard deviation and ejection threshold of hosts' success rates. */
export interface SuccessRateStatistics {
  readonly mean: number;
  readonly stdev: number;
  /** Hosts whose success rate is strictly below this are outliers: mean − factor · stdev. */
  readonly threshold: number;
}

/**
 * Envoy's success-rate outlier threshold: the mean of the hosts' success rates minus
 * `stdevFactor` population standard deviations (variance divided by n, not n − 1).
 * Rates in percent: {50, 100, 100, 100, 100} with factor 1.9 gives mean 90, stdev 20,
 * threshold 52. O(n).
 */
export function successRateStatistics(rates: readonly number[], stdevFactor: number): SuccessRateStatistics {
  if (rates.length === 0) throw new ComponentError('argument.empty', 'success-rate: needs at least one rate');
  let sum = 0;
  for (const rate of rates) sum += rate;
  const mean = sum / rates.length;
  let squares = 0;
  for (const rate of rates) squares += (rate - mean) ** 2;
  const stdev = Math.sqrt(squares / rates.length);
  return { mean, stdev, threshold: mean - stdevFactor * stdev };
}
