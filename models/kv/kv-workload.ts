import type { Rng } from '../../sim/env';
import type { Call } from '../request/request';
import type { KvWorkloadSpec } from './kv-spec';

/** What a client asks a kv service to do with its call's key. */
export interface KvRequest {
  readonly op: 'get' | 'put';
  /** Size of the value written (puts). */
  readonly valueBytes: number;
}

/** The operation of each call, set when the client issues it (a WeakMap: nothing outlives the call). */
const requests = new WeakMap<Call, KvRequest>();

/** The KV operation of `call`, or undefined if its client has no KV workload. */
export function kvRequestOf(call: Call): KvRequest | undefined {
  return requests.get(call);
}

/**
 * A client's operation mix: each call is a get or a put, drawn from the client's own
 * workload stream (`workload/<client>/ops`) when the call is issued, so retries and
 * hedges of a call repeat its operation and a change of policy never changes which
 * calls are puts (common random numbers).
 *
 * @returns the hook the Client calls for each new call
 */
export function kvWorkload(spec: KvWorkloadSpec, rng: Rng): (call: Call) => void {
  // Two shared records per client: no allocation per call.
  const get: KvRequest = Object.freeze({ op: 'get', valueBytes: 0 });
  const put: KvRequest = Object.freeze({ op: 'put', valueBytes: spec.valueSizeBytes });
  const getShare = spec.ops.get;
  return (call) => void requests.set(call, rng.next() < getShare ? get : put);
}
