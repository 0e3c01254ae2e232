import type { Endpoint } from '../balancer/endpoint';
import type { ProxyAttempt } from './proxy-call';
import type { ProxyCall } from './proxy-call';
import type { RequestOutcome } from './request-outcome';

/**
 * The IO side of a ClientProxy: what carries its requests and hears its verdicts. The
 * proxy decides ("send attempt N of call C to host H", "call C ended with outcome O");
 * the driver does it, on the modelled network (models/request/caller.ts) or on real
 * sockets. Each hook is called synchronously from a proxy verb or timer.
 */
export interface ProxyDriver<C extends ProxyCall, A extends ProxyAttempt<C>> {
  /**
   * Make the record of attempt `number` of `call` to `host`, sent at `sentAtMs`: a new
   * object with these five values, `done` false and `timer` undefined, and whatever else
   * the driver needs to send it. Called right before `transmit` of the same attempt.
   */
  createAttempt(call: C, host: Endpoint, number: number, isRetry: boolean, sentAtMs: number): A;
  /**
   * Send `attempt` to `attempt.host`. Its answer, whenever it comes, goes to the proxy's
   * `answered`; no answer at all is fine (a lost request ends by a timeout, if any). The
   * proxy has finished its bookkeeping before it calls this, so the answer may come
   * synchronously, from inside `transmit`.
   */
  transmit(attempt: A): void;
  /**
   * `call` ended with `outcome`, `latencyMs` after it started: tell whoever waits for it.
   * Called once per call offered, possibly from inside `offer` (an overflowing circuit
   * breaker fails the call at once); never for a call whose attempt is lost when no
   * timeout is set to end it.
   */
  callEnded(call: C, outcome: RequestOutcome, latencyMs: number): void;
}
