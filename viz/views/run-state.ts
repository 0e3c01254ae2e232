/**
 * The page's copy of one run: the latest node values and counters, and the history the
 * charts draw (time-series windows, load columns). Fed by the worker's frames; a frame
 * with `reset` (new run, rewind) replaces the history, since it carries all of it.
 */
import { NODE_FIELDS, NODE_STRIDE, type Counters, type LatencyDigest, type LoadColumn, type Movement, type Topology } from '../../models/observe/observe';
import { SUBSYSTEMS } from '../../models/run/subsystems';
import type { WindowPoint } from '../../models/run/time-series';
import type { Frame } from '../worker/sim-session';

/** Index of each field in a node's values. */
export const FIELD = Object.freeze(Object.fromEntries(NODE_FIELDS.map((name, i) => [name, i])) as Record<(typeof NODE_FIELDS)[number], number>);

export interface NodeState {
  readonly id: string;
  readonly up: boolean;
  /** Not added yet: an add-node fault brings it in later. */
  readonly absent: boolean;
  readonly slowFactor: number;
  /** FAULT_BITS of the faults acting on the node. */
  readonly faults: number;
  readonly inSystem: number;
  readonly queue: number;
  readonly busy: number;
  readonly utilization: number;
}

const NO_COUNTERS: Counters = { sent: 0, completed: 0, failed: 0, timedOut: 0, rejected: 0, inFlight: 0, dropped: 0 };

export class RunState {
  tMs = 0;
  events = 0;
  done = false;
  counters: Counters = NO_COUNTERS;
  windows: WindowPoint[] = [];
  load: LoadColumn[] = [];
  latency: LatencyDigest | undefined;
  /** Movements of the latest frame, for the animation. */
  movements: readonly Movement[] = [];
  /** Messages the latest frame's movements were sampled from. */
  messages = 0;
  /** Per subsystem (by name), its view: the latest frame's, folded into the previous by the subsystem's `mergeView`. */
  readonly parts = new Map<string, unknown>();
  /** Bumped by every frame; views redraw only when it moved. */
  version = 0;
  /** Node values, `NODE_FIELDS.length` per node. */
  readonly values: Float64Array;
  private readonly width = NODE_FIELDS.length;

  constructor(readonly topology: Topology) {
    this.values = new Float64Array(topology.nodes.length * this.width);
    for (let i = 0; i < topology.nodes.length; i++) {
      this.values[i * this.width + FIELD.up] = topology.addedAtMs?.[topology.nodes[i]!] === undefined ? 1 : -1;
      this.values[i * this.width + FIELD.slowFactor] = 1;
    }
  }

  apply(frame: Frame): void {
    if (frame.reset) {
      this.windows = [];
      this.load = [];
      this.latency = undefined;
      this.parts.clear();
    }
    this.tMs = frame.tMs;
    this.events = frame.events;
    this.done = frame.done;
    this.counters = frame.counters;
    for (const w of frame.windows) this.windows.push(w);
    for (const column of frame.load) this.load.push(column);
    if (frame.latency !== undefined) this.latency = frame.latency;
    const nodes = frame.nodes;
    for (let r = 0; r < nodes.length; r += NODE_STRIDE) {
      const base = nodes[r]! * this.width;
      for (let f = 0; f < this.width; f++) this.values[base + f] = nodes[r + 1 + f]!;
    }
    for (const [name, view] of Object.entries(frame.parts)) {
      const merge = SUBSYSTEMS.find((subsystem) => subsystem.name === name)?.mergeView;
      this.parts.set(name, merge === undefined ? view : merge(this.parts.get(name), view));
    }
    this.movements = frame.movements;
    this.messages = frame.messages;
    this.version++;
  }

  node(index: number): NodeState {
    const v = this.values;
    const base = index * this.width;
    return {
      id: this.topology.nodes[index]!,
      up: v[base + FIELD.up] === 1,
      absent: v[base + FIELD.up] === -1,
      slowFactor: v[base + FIELD.slowFactor]!,
      faults: v[base + FIELD.faults]!,
      inSystem: v[base + FIELD.inSystem]!,
      queue: v[base + FIELD.queue]!,
      busy: v[base + FIELD.busy]!,
      utilization: v[base + FIELD.utilization]!,
    };
  }

  /** The view of subsystem `name`, as its views know its type; undefined when the run has none. */
  part<T>(name: string): T | undefined {
    return this.parts.get(name) as T | undefined;
  }

  value(index: number, field: number): number {
    return this.values[index * this.width + field]!;
  }
}
