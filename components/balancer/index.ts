export { Balancer, type BalancerOptions } from './balancer';
export { endpoint, type Endpoint } from './endpoint';
export type { PickContext, Policy, PolicyFactory } from './policy';
export { policies, policyNames } from './policies';
export { randomPolicy } from './random';
export { roundRobinPolicy } from './round-robin';
