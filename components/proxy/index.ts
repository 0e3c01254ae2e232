export { ClientProxy } from './client-proxy';
export { proxyAttempt } from './proxy-attempt';
export { proxyCall, type ProxyAttempt, type ProxyCall } from './proxy-call';
export type { ProxyDriver } from './proxy-driver';
export { checkProxyOptions, type ProxyOptions } from './proxy-options';
export { outlierOutcome, retryOutcome, type RequestOutcome } from './request-outcome';
