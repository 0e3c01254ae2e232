import type { Endpoint } from '../balancer/endpoint';
import type { ProxyAttempt, ProxyCall } from './proxy-call';

/** A new attempt record that is nothing more than a ProxyAttempt: `ProxyDriver.createAttempt` for drivers (and tests) that need nothing else. */
export function proxyAttempt<C extends ProxyCall>(call: C, host: Endpoint, number: number, isRetry: boolean, sentAtMs: number): ProxyAttempt<C> {
  return { call, host, number, isRetry, sentAtMs, done: false, timer: undefined };
}
