/** Fields every fault shares, for the core's faults and the parts' (scenario-part.ts). */
import { z } from 'zod';
import { duration, explained, positiveDuration } from './fields';

/** When a fault starts and how long it lasts. */
export const faultTiming = {
  at: duration.meta({ description: 'Time the fault starts, e.g. 500s.' }),
  for: positiveDuration.optional().meta({ description: 'How long it lasts, e.g. 10s; absent = until the end of the run.' }),
};

/** A node id or a service (all its nodes). */
export const faultTarget = explained(z.string().min(1), { expected: 'a node id like srv-0 or a service name', example: 'srv-0' });
