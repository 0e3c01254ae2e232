/**
 * Views and their registry. A view draws one aspect of a run (topology, time series,
 * latency, load) in a card of the panel. The built-in views register themselves in
 * views/index.ts; a later view (ring, gossip, B+tree) registers the same way and says in
 * `applies` which runs it can draw. See docs/viz.md, "Adding a view".
 */
import type { Topology } from '../../models/observe/observe';
import type { RunState } from './run-state';

/** What a view may ask of the app. */
export interface ViewContext {
  readonly topology: Topology;
  /** Go to sim time `tMs` (re-runs the worker when going back). */
  seek(tMs: number): void;
  /** Sim ms per wall ms at the moment (for animations); Infinity when as fast as possible. */
  speed(): number;
}

export interface View {
  /** Redraw from the run state (called after each frame, at most 30 times a second). */
  update(state: RunState): void;
  /** Called on every animation frame with the wall time (ms), for views that animate. */
  animate?(wallMs: number): void;
  /** The card changed size. */
  resize?(): void;
  /** The chart as a standalone SVG (styles inlined) for export. */
  exportSvg(): SVGSVGElement;
  dispose?(): void;
}

export interface ViewSpec {
  /** Stable id, used in the DOM (`data-view`) and file names of exports. */
  readonly id: string;
  readonly title: string;
  /** One line under the title: what the view shows. */
  readonly caption: string;
  /** Card width in the grid. */
  readonly span: 'half' | 'full';
  /** Offer SVG/PNG downloads (default true). */
  readonly exportable?: boolean;
  /** Whether this view can draw runs of `topology`. */
  applies(topology: Topology): boolean;
  create(body: HTMLElement, context: ViewContext): View;
}

const specs: ViewSpec[] = [];

/** Add a view; ids are unique. */
export function registerView(spec: ViewSpec): void {
  if (specs.some((s) => s.id === spec.id)) throw new Error(`viz: a view "${spec.id}" is already registered`);
  specs.push(spec);
}

/** The views that can draw `topology`, in registration order. */
export function viewsFor(topology: Topology): readonly ViewSpec[] {
  return specs.filter((spec) => spec.applies(topology));
}
