import type { Address, Env, TimerHandle } from '../../sim/env';
import { suspicionTimeoutAfterMs } from './formulas';

/**
 * Lifeguard's dynamic suspicion timer (Dadgar et al., "Lifeguard: Local Health Awareness
 * for More Accurate Failure Detection", 2018; memberlist suspicion.go).
 *
 * The timer starts at `maxMs` (or `minMs` when no confirmation is expected) and each
 * independent confirmation, a suspect message from a member not heard from before, brings
 * it down toward `minMs`:
 *
 *   timeout(c) = max(min, max − (max − min) · log(c + 1) / log(k + 1))
 *
 * measured from the start of the suspicion. The accuser that started it does not count.
 */
export class Suspicion {
  /** When the suspicion started (ms). */
  readonly startMs: number;
  /** Confirmations counted so far (at most `expected`). */
  confirmations = 0;
  /** Members whose suspect messages were counted, the accuser included. */
  private readonly confirmedBy: Set<Address>;
  private timer: TimerHandle | undefined;

  /**
   * @param from the accuser, excluded from confirmations
   * @param expected k: confirmations that bring the timeout to the minimum (0: start at min)
   * @param minMs, maxMs the timeout range in milliseconds
   * @param onTimeout called once when the timer expires, with the confirmation count
   */
  constructor(
    private readonly env: Env,
    from: Address,
    readonly expected: number,
    readonly minMs: number,
    readonly maxMs: number,
    private readonly onTimeout: (confirmations: number) => void,
  ) {
    this.startMs = env.now();
    this.confirmedBy = new Set([from]);
    this.timer = env.schedule(expected < 1 ? minMs : maxMs, this.expire);
  }

  /** Total timeout (ms from the start) given the confirmations so far. */
  get timeoutMs(): number {
    return suspicionTimeoutAfterMs(this.confirmations, this.expected, this.minMs, this.maxMs);
  }

  /**
   * Counts a confirmation from `from`. Returns true if it was new information (then the
   * caller re-gossips it, so that confirmations flow even to members that already suspect).
   */
  confirm(from: Address): boolean {
    if (this.confirmations >= this.expected) return false;
    if (this.confirmedBy.has(from)) return false;
    this.confirmedBy.add(from);
    this.confirmations++;
    if (this.timer === undefined) return true;
    this.env.cancel(this.timer);
    const remainingMs = this.timeoutMs - (this.env.now() - this.startMs);
    // memberlist fires at once (in a goroutine) when the time has already passed.
    this.timer = this.env.schedule(Math.max(0, remainingMs), this.expire);
    return true;
  }

  /** Stops the timer (refuted, or overridden by a dead message). */
  cancel(): void {
    if (this.timer === undefined) return;
    this.env.cancel(this.timer);
    this.timer = undefined;
  }

  private readonly expire = (): void => {
    this.timer = undefined;
    this.onTimeout(this.confirmations);
  };
}
