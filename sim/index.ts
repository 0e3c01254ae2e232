// The engine, as `meshsim/sim` exports it: the Env contract components program against,
// the simulation and its event queue, seeded random streams, and the measuring tools.
export type { Address, Env, Message, MessageHandler, Metrics, Rng, TimerHandle, TraceEvent } from './env';
export { EventQueue, type EventFn } from './event-queue';
export { Histogram, QUANTILE_RELATIVE_ERROR, widenByResolution } from './histogram';
export { MetricsRegistry } from './metrics';
export { RngStreams, SeededRng } from './rng';
export { SimEnv, type TraceSink, type Transport } from './sim-env';
export { Simulation, type Progress, type RunOptions } from './simulation';
export { confidenceInterval, maxOf, mean, minOf, nonNegativeInterval, pairedTTest, stdev, studentTQuantile, type PairedTest } from './stats';
export { TimeWeighted } from './time-weighted';
