import type { ScalarMetric } from './blocks/types';

/**
 * Metrics compared unless `--metric` says otherwise. Apart from compare.ts so that the
 * CLI's help can show this default without loading the planner.
 */
export const COMPARE_METRICS_DEFAULT: readonly ScalarMetric[] = ['throughput', 'errorRate', 'mean', 'p50', 'p99'];
