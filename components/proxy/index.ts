export { ClientProxy } from './client-proxy';
export type { ProxyAttempt } from './proxy-attempt';
export { ProxyCall } from './proxy-call';
export type { ProxyDriver } from './proxy-driver';
export { checkProxyOptions, type ProxyOptions } from './proxy-options';
export { outlierOutcome, retryOutcome, type RequestOutcome } from './request-outcome';
