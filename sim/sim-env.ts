import type { Address, Env, Message, MessageHandler, Metrics, Rng, TimerHandle, TraceEvent } from './env';
import type { RngStreams } from './rng';
import type { Simulation } from './simulation';

/** Carries a message from one address to another; the modelled network implements it. */
export interface Transport {
  send(from: Address, to: Address, message: Message): void;
  listen(address: Address, handler: MessageHandler): void;
}

/** Receives trace records (already stamped with time and source address). */
export type TraceSink = (record: TraceEvent & { readonly t: number; readonly at: Address }) => void;

/**
 * The Env of one address (a node, a client instance) on the simulation engine.
 * Random streams are namespaced by the address, so `rng('balancer')` on two client
 * instances gives two independent streams, and adding an instance shifts no one else's.
 */
export class SimEnv implements Env {
  readonly trace?: (event: TraceEvent) => void;

  constructor(
    private readonly sim: Simulation,
    private readonly streams: RngStreams,
    readonly address: Address,
    private readonly transport: Transport,
    readonly metrics: Metrics,
    traceSink?: TraceSink,
    /** Namespace of this Env's random streams (default: the address). */
    private readonly streamPrefix: string = address,
  ) {
    if (traceSink !== undefined) {
      this.trace = (event) => traceSink({ ...event, t: sim.now(), at: address });
    }
  }

  now(): number {
    return this.sim.now();
  }

  schedule(delayMs: number, fn: () => void): TimerHandle {
    return this.sim.schedule(delayMs, fn);
  }

  at<T>(atMs: number, fn: (arg: T) => void, arg: T): TimerHandle {
    // Simulation.timer: one small handle and the queue entry, no closure.
    return this.sim.timer(atMs, fn, arg);
  }

  cancel(timer: TimerHandle): void {
    this.sim.cancel(timer);
  }

  rng(stream: string): Rng {
    return this.streams.get(`${this.streamPrefix}/${stream}`);
  }

  send(to: Address, message: Message): void {
    this.transport.send(this.address, to, message);
  }

  /** Register the handler for messages addressed to this Env's address. */
  listen(handler: MessageHandler): void {
    this.transport.listen(this.address, handler);
  }
}
