import type { Endpoint } from './endpoint';
import type { Policy } from './policy';

/**
 * Plain round robin over the candidates in order. A change of candidates keeps the
 * position, so a host leaving does not reset the rotation.
 */
export function roundRobinPolicy(): Policy {
  let next = 0;
  return {
    name: 'round-robin',
    choose(candidates: readonly Endpoint[]): Endpoint {
      if (next >= candidates.length) next = 0;
      return candidates[next++]!;
    },
  };
}
