/**
 * Time series per window: throughput (ok and failed per second), error rate, and the p50
 * and p99 latency of the window's successful requests (log scale). Fault intervals are
 * shaded by kind across the three rows, the warm-up is grey; the dashed line is now.
 * Click anywhere to go to that moment.
 */
import { axisBottom, axisLeft, format, line, max, scaleLinear, scaleLog, select, type ScaleLinear, type Selection } from 'd3';
import type { Topology } from '../../models/observe/observe';
import { windowWidthMs, type WindowPoint } from '../../models/run/time-series';
import { maxOf, minOf } from '../../sim/stats';
import { duration, tickNumber } from './format';
import type { RunState } from './run-state';
import { faultBands } from './fault-bands';
import { COLORS, faultColor } from './palette';
import { seekOnClick } from './seek-on-click';
import { standaloneSvg } from './svg-export';
import type { View, ViewContext, ViewSpec } from './view';

type G = Selection<SVGGElement, unknown, null, undefined>;

const MARGIN = { top: 26, right: 92, bottom: 22, left: 52 };
const ROW_GAP = 14;

interface Row {
  readonly name: string;
  readonly g: G;
  readonly height: number;
}

/**
 * Every `k` windows merged into one (counts per whole window, p99 the worst), to keep one
 * point per pixel. Counts are scaled by the time the windows cover, so the run's last,
 * partial window does not read as a drop in throughput.
 */
function thin(points: readonly WindowPoint[], k: number, windowMs: number, endMs: number): WindowPoint[] {
  const out: WindowPoint[] = [];
  for (let i = 0; i < points.length; i += k) {
    const group = points.slice(i, i + k);
    const coveredMs = group.reduce((s, p) => s + windowWidthMs(p, windowMs, endMs), 0);
    const perWindow = coveredMs > 0 ? windowMs / coveredMs : 0;
    const sum = (key: 'sent' | 'completed' | 'failed') => group.reduce((s, p) => s + p[key], 0) * perWindow;
    const p50 = group.map((p) => p.p50Ms).filter((v): v is number => v !== null);
    const p99 = group.map((p) => p.p99Ms).filter((v): v is number => v !== null);
    out.push({
      tMs: group[0]!.tMs,
      sent: sum('sent'),
      completed: sum('completed'),
      failed: sum('failed'),
      p50Ms: p50.length === 0 ? null : p50.reduce((a, b) => a + b, 0) / p50.length,
      p99Ms: p99.length === 0 ? null : maxOf(p99),
    });
  }
  return out;
}

class TimeSeriesView implements View {
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private x: ScaleLinear<number, number> = scaleLinear();
  private rows: Row[] = [];
  private cursor: Selection<SVGLineElement, unknown, null, undefined> | undefined;
  private lastVersion = -1;
  /** The windows drawn (array and length): between windows only the cursor moves. */
  private drawnWindows: readonly WindowPoint[] | undefined;
  private drawnCount = -1;
  private state: RunState | undefined;
  private width = 0;
  private height = 0;

  constructor(private readonly body: HTMLElement, private readonly context: ViewContext) {
    this.svg = select(body).append('svg').attr('class', 'chart timeseries');
    seekOnClick(this.svg, context, (px) => this.x.invert(px - MARGIN.left));
    this.build();
  }

  update(state: RunState): void {
    this.state = state;
    if (state.version === this.lastVersion) return;
    this.lastVersion = state.version;
    const cx = this.x(state.tMs);
    this.cursor?.attr('x1', cx).attr('x2', cx);
    if (state.windows === this.drawnWindows && state.windows.length === this.drawnCount) return;
    this.drawnWindows = state.windows;
    this.drawnCount = state.windows.length;
    const topology = this.context.topology;
    const k = Math.max(1, Math.ceil(state.windows.length / this.width));
    const points = thin(state.windows, k, topology.windowMs, topology.durationMs);
    const mid = (p: WindowPoint) => this.x(p.tMs + (topology.windowMs * k) / 2);
    this.drawThroughput(points, mid, topology.windowMs / 1000);
    this.drawErrorRate(points, mid);
    this.drawLatency(points, mid);
  }

  resize(): void {
    this.build();
    if (this.state !== undefined) {
      this.lastVersion = -1;
      this.drawnCount = -1;
      this.update(this.state);
    }
  }

  exportSvg(): SVGSVGElement {
    return standaloneSvg(this.svg.node()!, 'Time series');
  }

  private build(): void {
    this.width = Math.max(200, this.body.clientWidth);
    this.height = Math.max(180, this.body.clientHeight);
    const topology = this.context.topology;
    this.svg.attr('width', this.width).attr('height', this.height).attr('viewBox', `0 0 ${this.width} ${this.height}`);
    this.svg.selectAll('*').remove();
    const innerWidth = this.width - MARGIN.left - MARGIN.right;
    const rowHeight = (this.height - MARGIN.top - MARGIN.bottom - 2 * ROW_GAP) / 3;
    this.x = scaleLinear().domain([0, topology.durationMs]).range([0, innerWidth]);
    const root = this.svg.append('g').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
    this.drawBands(root, rowHeight * 3 + 2 * ROW_GAP, topology);
    this.rows = ['throughput', 'error rate', 'latency'].map((name, i) => ({
      name,
      g: root.append('g').attr('class', `row ${name.replace(' ', '-')}`).attr('transform', `translate(0,${i * (rowHeight + ROW_GAP)})`),
      height: rowHeight,
    }));
    root.append('g').attr('class', 'axis x').attr('transform', `translate(0,${3 * rowHeight + 2 * ROW_GAP})`)
      .call(axisBottom(this.x).ticks(Math.max(2, innerWidth / 90)).tickFormat((t) => duration(Number(t))));
    this.cursor = root.append('line').attr('class', 'cursor').attr('y1', -4).attr('y2', 3 * rowHeight + 2 * ROW_GAP);
  }

  /** Warm-up and fault intervals, behind the rows; labels that would overlap go on a second line. */
  private drawBands(root: G, height: number, topology: Topology): void {
    const bands = root.append('g').attr('class', 'bands');
    const labels: { x: number; text: string; muted: boolean }[] = [];
    if (topology.warmupMs > 0) {
      bands.append('rect').attr('class', 'warmup').attr('x', 0).attr('width', this.x(topology.warmupMs)).attr('y', 0).attr('height', height).attr('fill', '#9ca3af').attr('fill-opacity', 0.15);
      labels.push({ x: 2, text: 'warm-up', muted: true });
    }
    for (const band of faultBands(topology.faults)) {
      const x0 = this.x(band.startMs);
      const w = Math.max(1.5, this.x(band.endMs) - x0);
      bands.append('rect').attr('class', `fault ${band.kind}`).attr('x', x0).attr('width', w).attr('y', 0).attr('height', height).attr('fill', faultColor(band.kind)).attr('fill-opacity', 0.16);
      labels.push({ x: x0 + 2, text: band.label, muted: false });
    }
    const lineEnds = [-Infinity, -Infinity];
    for (const label of labels) {
      const line = label.x >= lineEnds[0]! ? 0 : label.x >= lineEnds[1]! ? 1 : 0;
      lineEnds[line] = label.x + label.text.length * 5.6 + 8; // about 5.6 px per character at 10 px
      bands.append('text').attr('class', `fault-label${label.muted ? ' muted' : ''}`).attr('x', label.x).attr('y', -4 - line * 11).text(label.text);
    }
  }

  private drawThroughput(points: readonly WindowPoint[], mid: (p: WindowPoint) => number, windowSec: number): void {
    const row = this.rows[0]!;
    const rate = (n: number) => n / windowSec;
    const y = scaleLinear().domain([0, (max(points, (p) => rate(p.completed + p.failed)) ?? 1) * 1.1 || 1]).nice().range([row.height, 0]);
    this.axisY(row, y);
    this.series(row, 'ok', points, (p) => mid(p), (p) => y(rate(p.completed)), COLORS.ok);
    this.series(row, 'failed', points, (p) => mid(p), (p) => y(rate(p.failed)), COLORS.failed);
    this.legend(row, [['ok/s', COLORS.ok], ['failed/s', COLORS.failed]]);
  }

  private drawErrorRate(points: readonly WindowPoint[], mid: (p: WindowPoint) => number): void {
    const row = this.rows[1]!;
    const rateOf = (p: WindowPoint) => (p.completed + p.failed === 0 ? 0 : p.failed / (p.completed + p.failed));
    const y = scaleLinear().domain([0, Math.max(0.01, max(points, rateOf) ?? 0) * 1.1]).nice().range([row.height, 0]);
    this.axisY(row, y, format('.2~%'));
    this.series(row, 'errors', points, (p) => mid(p), (p) => y(rateOf(p)), COLORS.failed);
    this.legend(row, [['error rate', COLORS.failed]]);
  }

  private drawLatency(points: readonly WindowPoint[], mid: (p: WindowPoint) => number): void {
    const row = this.rows[2]!;
    const values = points.flatMap((p) => [p.p50Ms, p.p99Ms]).filter((v): v is number => v !== null && v > 0);
    const lo = minOf(values, 1);
    const hi = maxOf(values, 100);
    const y = scaleLog().domain([Math.max(1e-3, lo / 1.5), Math.max(hi * 1.5, lo * 10)]).range([row.height, 0]).nice();
    this.axisY(row, y);
    // A window without a successful request has no latency: the lines break there rather than join its neighbours.
    this.series(row, 'p50', points, (p) => mid(p), (p) => y(p.p50Ms!), COLORS.p50, (p) => p.p50Ms !== null && p.p50Ms > 0);
    this.series(row, 'p99', points, (p) => mid(p), (p) => y(p.p99Ms!), COLORS.p99, (p) => p.p99Ms !== null && p.p99Ms > 0);
    this.legend(row, [['p50 (ms)', COLORS.p50], ['p99 (ms)', COLORS.p99]]);
  }

  /** A row's y axis, about three ticks; a log scale's minor ticks stay unlabelled (as its own tickFormat leaves them). */
  private axisY(row: Row, y: ScaleLinear<number, number> | ReturnType<typeof scaleLog>, tickFormat: (v: number) => string = tickNumber): void {
    row.g.selectAll('g.axis.y').remove();
    const labelled = y.tickFormat(3);
    const axis = axisLeft(y as ScaleLinear<number, number>).ticks(3).tickFormat((v) => (labelled(v) === '' ? '' : tickFormat(Number(v))));
    row.g.append('g').attr('class', 'axis y').call(axis);
  }

  /** One line; `defined` false for a point leaves a gap there (d3 line.defined). */
  private series(row: Row, name: string, points: readonly WindowPoint[], x: (p: WindowPoint) => number, y: (p: WindowPoint) => number, color: string, defined: (p: WindowPoint) => boolean = () => true): void {
    let path = row.g.select<SVGPathElement>(`path.series.${name}`);
    if (path.empty()) path = row.g.append('path').attr('class', `series ${name}`).attr('stroke', color);
    path.attr('d', line<WindowPoint>().defined(defined).x(x).y(y)([...points]) ?? '');
  }

  private legend(row: Row, entries: readonly [string, string][]): void {
    if (!row.g.select('g.legend').empty()) return;
    const g = row.g.append('g').attr('class', 'legend').attr('transform', `translate(${this.x.range()[1]! + 10},4)`);
    entries.forEach(([label, color], i) => {
      g.append('line').attr('x1', 0).attr('x2', 14).attr('y1', i * 14).attr('y2', i * 14).attr('stroke', color).attr('stroke-width', 2.5);
      g.append('text').attr('x', 18).attr('y', i * 14 + 4).text(label);
    });
  }
}

export const timeSeriesView: ViewSpec = {
  id: 'timeseries',
  title: 'Time series',
  caption: 'per window: throughput, error rate, p50 and p99 latency; shaded = faults; click to go there',
  span: 'half',
  applies: (topology) => topology.clients.length > 0,
  create: (body, context) => new TimeSeriesView(body, context),
};
