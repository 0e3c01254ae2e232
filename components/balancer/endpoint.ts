import type { Address } from '../../sim/env';
import { ComponentError, numericOptionCode } from '../errors';

/**
 * One upstream host as a balancer sees it: only what a real client-side balancer knows,
 * never the server's true queue.
 */
export interface Endpoint {
  readonly id: Address;
  /** Relative weight (> 0); 1 unless the scenario says otherwise. */
  weight: number;
  /** Requests this balancer sent to the host that have not ended yet. */
  active: number;
  /** False while health checks or outlier detection hold the host out. */
  healthy: boolean;
}

export function endpoint(id: Address, weight = 1): Endpoint {
  if (!(weight > 0)) throw new ComponentError(numericOptionCode(weight), `balancer: weight of ${id} must be > 0, got ${weight}`);
  return { id, weight, active: 0, healthy: true };
}
