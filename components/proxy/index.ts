export { ClientProxy } from './client-proxy';
export { proxyAttempt, type ProxyAttempt } from './proxy-attempt';
export { proxyCall, type ProxyCall } from './proxy-call';
export type { ProxyDriver } from './proxy-driver';
export { checkProxyOptions, type ProxyOptions } from './proxy-options';
export { outlierOutcome, retryOutcome, type RequestOutcome } from './request-outcome';
