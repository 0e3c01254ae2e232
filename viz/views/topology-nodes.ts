/**
 * The replica glyphs of the topology view, in two renderers with one look:
 *
 * - SVG for up to `CANVAS_FROM` replicas: each glyph is elements with classes (`node`,
 *   `crashed`, `slow`, `partitioned`), labels when big enough, exported as vectors. An
 *   update writes only the attributes whose value changed.
 * - Canvas beyond that: repainting a thousand SVG rectangles 30 times a second costs the
 *   browser ~40 ms a frame in paint (measured, headless Chromium); a canvas redraw of the
 *   same is about a millisecond. The counts of marked nodes are on the canvas element's
 *   data attributes (`data-crashed`, `data-slow`, `data-partitioned`).
 */
import type { Selection } from 'd3';
import { FAULT_BITS } from '../../models/observe/observe';
import { count, duration, percent, shortCount } from './format';
import { FIELD, type RunState } from './run-state';
import { COLORS, OKABE_ITO, textOn, utilizationColor } from './palette';
import type { TopologyLayout } from './topology-layout';

/** Replicas from which the canvas renderer is used. */
export const CANVAS_FROM = 150;

export interface NodeLayer {
  update(state: RunState): void;
  /** Add what the layer drew to an exported copy of the view's SVG. */
  exportInto(svg: SVGSVGElement): void;
  dispose(): void;
}

/** How one replica looks now. */
interface Look {
  readonly up: boolean;
  /** Not added yet (drawn as an empty dashed outline). */
  readonly absent: boolean;
  readonly slow: boolean;
  readonly partitioned: boolean;
  readonly utilization: number;
  readonly queue: number;
  readonly fill: string;
}

function lookOf(state: RunState, i: number, step: number): Look {
  const up = state.value(i, FIELD.up) === 1;
  const absent = state.value(i, FIELD.up) === -1;
  const utilization = state.value(i, FIELD.utilization);
  return {
    up,
    absent,
    slow: state.value(i, FIELD.slowFactor) !== 1,
    partitioned: (state.value(i, FIELD.faults) & FAULT_BITS.partition!) !== 0,
    utilization,
    queue: state.value(i, FIELD.queue),
    fill: up ? utilizationColor(utilization, step) : absent ? COLORS.absent : COLORS.down,
  };
}

/** Baseline of a glyph's first label line below the glyph's top edge (px; labels are 10 px, lines 1.15em apart). */
const LABEL_FIRST_BASELINE = 13;
/** Where a crashed glyph's two label lines end below its top edge: the second baseline plus descenders. */
const LABEL_BOTTOM = LABEL_FIRST_BASELINE + 11.5 + 3;

/**
 * The ✕ of a crashed glyph of size `s` (centred on 0,0). With labels it sits in the room
 * under the two label lines (id, "down"), so it never covers them: 9 px at the smallest
 * labelled size (40 px), 25 px at the largest (56 px). Without labels it spans the glyph.
 */
function crossPath(s: number, labels: boolean): string {
  let centre = 0;
  let half = s / 3;
  if (labels) {
    const top = -s / 2 + LABEL_BOTTOM + 2;
    const bottom = s / 2 - 2;
    centre = (top + bottom) / 2;
    half = Math.min(half, (bottom - top) / 2);
  }
  return `M${-half},${centre - half}L${half},${centre + half}M${half},${centre - half}L${-half},${centre + half}`;
}

/** Width of the queue bar: logarithmic, full at 63 waiting. */
const queueWidth = (queue: number, size: number): number => Math.round((size - 2) * Math.min(1, Math.log2(1 + queue) / 6));

/** The tooltip text of replica `i`. */
export function nodeTooltip(state: RunState, i: number, cores: number | undefined): string {
  const node = state.node(i);
  const parts = [
    `${node.id}${node.absent ? ` (added at ${duration(state.topology.addedAtMs?.[node.id] ?? 0)})` : node.up ? '' : ' (crashed)'}`,
    `utilisation ${percent(node.utilization)}`,
    `in system ${count(node.inSystem)} (waiting ${count(node.queue)})`,
    `cores busy ${count(node.busy)}/${cores ?? '?'}`,
  ];
  if (node.slowFactor !== 1) parts.push(`slow ×${node.slowFactor}`);
  if ((node.faults & FAULT_BITS.partition!) !== 0) parts.push('partitioned');
  return parts.join('\n');
}

// --- SVG --------------------------------------------------------------------------------

interface NodeDom {
  readonly g: SVGGElement;
  readonly body: SVGRectElement;
  readonly queue: SVGRectElement;
  readonly text: SVGTextElement | undefined;
  fill: string;
  className: string;
  queueWidth: number;
  label: string;
}

export class SvgNodeLayer implements NodeLayer {
  private readonly nodes: NodeDom[];

  constructor(group: Selection<SVGGElement, unknown, null, undefined>, private readonly layout: TopologyLayout, private readonly hatchUrl: string, tooltip: (i: number) => string) {
    const s = layout.size;
    this.nodes = layout.replicas.map((glyph, index) => {
      const g = group.append('g').attr('class', 'node').attr('data-node', glyph.id).attr('transform', `translate(${glyph.x},${glyph.y})`);
      // Idle until the first snapshot paints it (an unfilled rect would be SVG's default black).
      const body = g.append('rect').attr('class', 'body').attr('x', -s / 2).attr('y', -s / 2).attr('width', s).attr('height', s).attr('rx', Math.min(4, s / 4)).attr('fill', utilizationColor(0));
      const barHeight = Math.max(1.5, s * 0.14);
      const queue = g.append('rect').attr('class', 'queue').attr('x', -s / 2 + 1).attr('y', s / 2 - barHeight - 1).attr('height', barHeight).attr('width', 0);
      g.append('path').attr('class', 'cross').attr('d', crossPath(s, layout.labels));
      const text = layout.labels ? g.append('text').attr('text-anchor', 'middle').attr('y', -s / 2 + LABEL_FIRST_BASELINE).node()! : undefined;
      // Tooltips are written on hover: rewriting every title per frame would be wasted work.
      g.on('mouseenter', () => {
        g.select('title').remove();
        g.append('title').text(tooltip(index));
      });
      return { g: g.node()!, body: body.node()!, queue: queue.node()!, text, fill: '', className: '', queueWidth: -1, label: '' };
    });
  }

  update(state: RunState): void {
    const s = this.layout.size;
    this.nodes.forEach((dom, i) => {
      const look = lookOf(state, i, 0.01);
      const className = `node${look.up ? '' : look.absent ? ' absent' : ' crashed'}${look.slow ? ' slow' : ''}${look.partitioned ? ' partitioned' : ''}`;
      const fill = look.up || look.absent ? look.fill : this.hatchUrl;
      const bar = look.up && s >= 6 ? queueWidth(look.queue, s) : 0;
      if (className !== dom.className) dom.g.setAttribute('class', (dom.className = className));
      if (fill !== dom.fill) dom.body.setAttribute('fill', (dom.fill = fill));
      if (bar !== dom.queueWidth) dom.queue.setAttribute('width', String((dom.queueWidth = bar)));
      if (dom.text !== undefined) this.label(dom, state, i, look);
    });
  }

  exportInto(): void {
    // The glyphs are part of the SVG already.
  }

  dispose(): void {}

  private label(dom: NodeDom, state: RunState, i: number, look: Look): void {
    const slowFactor = state.value(i, FIELD.slowFactor);
    const status = look.up ? `${percent(look.utilization, 0)} q${shortCount(look.queue)}` : look.absent ? 'not added' : 'down';
    const label = `${status}${look.slow ? ` ×${slowFactor}` : ''}`;
    if (label === dom.label) return;
    dom.label = label;
    dom.text!.textContent = '';
    const color = look.up ? textOn(look.utilization) : COLORS.ink;
    // A crashed glyph keeps to two lines ("down ×3" when also slow): its ✕ goes below them.
    const crashed = !look.up && !look.absent;
    const lines = crashed ? [state.topology.nodes[i]!, label] : [state.topology.nodes[i]!, status, look.slow ? `slow ×${slowFactor}` : ''];
    lines.forEach((line, k) => {
      if (line === '') return;
      const tspan = document.createElementNS('http://www.w3.org/2000/svg', 'tspan');
      tspan.setAttribute('x', '0');
      tspan.setAttribute('dy', k === 0 ? '0' : '1.15em');
      tspan.setAttribute('fill', color);
      tspan.textContent = line;
      dom.text!.appendChild(tspan);
    });
  }
}

// --- canvas -----------------------------------------------------------------------------

export class CanvasNodeLayer implements NodeLayer {
  private readonly canvas: HTMLCanvasElement;
  private readonly context: CanvasRenderingContext2D;
  private readonly ratio = Math.min(2, window.devicePixelRatio || 1);
  private state: RunState | undefined;

  constructor(host: HTMLElement, private readonly layout: TopologyLayout, tooltip: (i: number) => string) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'topology-nodes';
    this.canvas.width = Math.round(layout.width * this.ratio);
    this.canvas.height = Math.round(layout.height * this.ratio);
    Object.assign(this.canvas.style, { position: 'absolute', left: '0', top: '0', width: `${layout.width}px`, height: `${layout.height}px` });
    host.appendChild(this.canvas);
    this.context = this.canvas.getContext('2d')!;
    this.canvas.addEventListener('mousemove', (event) => {
      const i = this.nodeAt(event.offsetX, event.offsetY);
      this.canvas.title = i < 0 || this.state === undefined ? '' : tooltip(i);
    });
  }

  update(state: RunState): void {
    this.state = state;
    const c = this.context;
    const s = this.layout.size;
    const marks = { crashed: 0, slow: 0, partitioned: 0 };
    c.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    c.clearRect(0, 0, this.layout.width, this.layout.height);
    this.layout.replicas.forEach((glyph, i) => {
      const look = lookOf(state, i, 0.05);
      c.fillStyle = look.fill;
      c.fillRect(glyph.x - s / 2, glyph.y - s / 2, s, s);
      if (look.absent) {
        c.strokeStyle = COLORS.muted;
        c.lineWidth = 1;
        c.strokeRect(glyph.x - s / 2, glyph.y - s / 2, s, s);
      } else if (!look.up) {
        marks.crashed++;
        c.strokeStyle = '#111';
        c.lineWidth = Math.max(1, s / 6);
        c.beginPath();
        c.moveTo(glyph.x - s / 2, glyph.y - s / 2);
        c.lineTo(glyph.x + s / 2, glyph.y + s / 2);
        c.moveTo(glyph.x + s / 2, glyph.y - s / 2);
        c.lineTo(glyph.x - s / 2, glyph.y + s / 2);
        c.stroke();
      }
      if (look.slow || look.partitioned) {
        if (look.slow) marks.slow++;
        if (look.partitioned) marks.partitioned++;
        c.strokeStyle = look.partitioned ? OKABE_ITO.reddishPurple : OKABE_ITO.orange;
        c.lineWidth = Math.max(1, s / 4);
        c.strokeRect(glyph.x - s / 2, glyph.y - s / 2, s, s);
      }
    });
    Object.assign(this.canvas.dataset, { crashed: String(marks.crashed), slow: String(marks.slow), partitioned: String(marks.partitioned) });
  }

  exportInto(svg: SVGSVGElement): void {
    const image = document.createElementNS('http://www.w3.org/2000/svg', 'image');
    image.setAttribute('href', this.canvas.toDataURL('image/png'));
    image.setAttribute('width', String(this.layout.width));
    image.setAttribute('height', String(this.layout.height));
    svg.appendChild(image);
  }

  dispose(): void {
    this.canvas.remove();
  }

  /** The replica under (x, y), or -1. */
  private nodeAt(x: number, y: number): number {
    const half = this.layout.size / 2 + 1;
    return this.layout.replicas.findIndex((g) => Math.abs(g.x - x) <= half && Math.abs(g.y - y) <= half);
  }
}
