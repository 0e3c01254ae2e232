/**
 * The scrubber: the whole run as a strip with the warm-up and the faults marked, the part
 * already played filled in, and a handle at the moment shown. Click or drag to go to any
 * moment: going back re-runs the simulation from 0 in the worker (deterministic, so it is
 * the same run), which for long scenarios takes a moment.
 */
import { axisBottom, scaleLinear, select, type ScaleLinear, type Selection } from 'd3';
import type { Topology } from '../../models/observe/observe';
import { duration } from '../views/format';
import { faultBands } from '../views/fault-bands';
import { faultColor } from '../views/palette';

const MARGIN = { left: 16, right: 28 };
const TRACK_Y = 8;
const TRACK_HEIGHT = 14;

export class Timeline {
  readonly element: HTMLElement;
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private x: ScaleLinear<number, number> = scaleLinear();
  private topology: Topology | undefined;
  private dragging = false;
  private tMs = 0;

  constructor(host: HTMLElement, private readonly onSeek: (tMs: number) => void) {
    this.element = document.createElement('div');
    this.element.className = 'timeline';
    this.element.tabIndex = 0;
    this.element.setAttribute('role', 'slider');
    this.element.setAttribute('aria-label', 'Simulated time');
    this.svg = select(this.element).append('svg').attr('class', 'chart scrubber');
    host.appendChild(this.element);
    this.element.addEventListener('pointerdown', (event) => this.pointer(event, 'down'));
    this.element.addEventListener('pointermove', (event) => this.pointer(event, 'move'));
    this.element.addEventListener('pointerup', (event) => this.pointer(event, 'up'));
    new ResizeObserver(() => this.build()).observe(this.element);
  }

  setTopology(topology: Topology): void {
    this.topology = topology;
    this.build();
  }

  /** Show the moment `tMs` (ignored while the user drags). */
  show(tMs: number): void {
    if (this.dragging) return;
    this.tMs = tMs;
    this.place(tMs);
  }

  private build(): void {
    const topology = this.topology;
    const width = Math.max(200, this.element.clientWidth);
    this.svg.attr('width', width).attr('height', 44).selectAll('*').remove();
    if (topology === undefined) return;
    this.x = scaleLinear().domain([0, topology.durationMs]).range([MARGIN.left, width - MARGIN.right]).clamp(true);
    const track = this.svg.append('g');
    track.append('rect').attr('class', 'track').attr('x', this.x(0)).attr('y', TRACK_Y).attr('width', this.x(topology.durationMs) - this.x(0)).attr('height', TRACK_HEIGHT).attr('rx', 3).attr('fill', '#eef0f3');
    track.append('rect').attr('class', 'played').attr('x', this.x(0)).attr('y', TRACK_Y).attr('height', TRACK_HEIGHT).attr('rx', 3).attr('fill', '#cfe3f3');
    if (topology.warmupMs > 0) {
      track.append('rect').attr('x', this.x(0)).attr('y', TRACK_Y).attr('width', this.x(topology.warmupMs) - this.x(0)).attr('height', TRACK_HEIGHT).attr('fill', '#9ca3af').attr('fill-opacity', 0.35)
        .append('title').text(`warm-up: ${duration(topology.warmupMs)}`);
    }
    for (const band of faultBands(topology.faults)) {
      track.append('rect').attr('class', `fault ${band.kind}`).attr('x', this.x(band.startMs)).attr('y', TRACK_Y + 3).attr('height', TRACK_HEIGHT - 6)
        .attr('width', Math.max(2, this.x(band.endMs) - this.x(band.startMs))).attr('fill', faultColor(band.kind))
        .append('title').text(`${band.label}: ${duration(band.startMs)} – ${duration(band.endMs)}`);
    }
    this.svg.append('g').attr('class', 'axis x').attr('transform', `translate(0,${TRACK_Y + TRACK_HEIGHT + 1})`)
      .call(axisBottom(this.x).ticks(Math.max(2, width / 110)).tickSize(3).tickFormat((t) => duration(Number(t))));
    const handle = this.svg.append('g').attr('class', 'handle');
    handle.append('line').attr('y1', TRACK_Y - 4).attr('y2', TRACK_Y + TRACK_HEIGHT + 4).attr('stroke', '#1d2330').attr('stroke-width', 2);
    handle.append('circle').attr('cy', TRACK_Y - 4).attr('r', 4).attr('fill', '#1d2330');
    this.place(this.tMs);
  }

  private place(tMs: number): void {
    if (this.topology === undefined) return;
    const x = this.x(tMs);
    this.svg.select('.handle').attr('transform', `translate(${x},0)`);
    this.svg.select('.played').attr('width', Math.max(0, x - this.x(0)));
    this.element.setAttribute('aria-valuemin', '0');
    this.element.setAttribute('aria-valuemax', String(this.topology.durationMs));
    this.element.setAttribute('aria-valuenow', String(Math.round(tMs)));
    this.element.setAttribute('aria-valuetext', duration(tMs));
  }

  private pointer(event: PointerEvent, phase: 'down' | 'move' | 'up'): void {
    if (this.topology === undefined) return;
    if (phase === 'down') {
      this.dragging = true;
      this.element.setPointerCapture(event.pointerId);
    }
    if (!this.dragging) return;
    const rect = this.element.getBoundingClientRect();
    const tMs = this.x.invert(event.clientX - rect.left);
    this.tMs = tMs;
    this.place(tMs);
    if (phase === 'up') {
      this.dragging = false;
      this.onSeek(tMs);
    }
  }
}
