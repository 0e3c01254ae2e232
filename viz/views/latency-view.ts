/**
 * Latency at the client: a histogram of successful requests on a log scale (10 bins per
 * decade) with the percentiles marked, and the percentile table. Measured requests only
 * (sent after the warm-up), as in the CLI's report.
 */
import { axisBottom, axisLeft, max, scaleLinear, scaleLog, select, type Selection } from 'd3';
import type { LatencyDigest } from '../../models/observe/observe';
import { count, duration, latency } from './format';
import type { RunState } from './run-state';
import { COLORS, OKABE_ITO } from './palette';
import { standaloneSvg } from './svg-export';
import type { View, ViewContext, ViewSpec } from './view';

/** The bottom margin holds the tick labels and, on a line of its own below them, the unit: side by side they collided. */
const MARGIN = { top: 30, right: 16, bottom: 36, left: 46 };

/** The rows of the percentile table: label, digest field. */
const PERCENTILES: readonly [string, keyof LatencyDigest][] = [
  ['mean', 'meanMs'],
  ['p50', 'p50Ms'],
  ['p90', 'p90Ms'],
  ['p99', 'p99Ms'],
  ['p99.9', 'p999Ms'],
  ['max', 'maxMs'],
];

const MARKS: readonly [string, keyof LatencyDigest, string][] = [
  ['p50', 'p50Ms', COLORS.p50],
  ['p99', 'p99Ms', COLORS.p99],
  ['p99.9', 'p999Ms', OKABE_ITO.reddishPurple],
];

type G = Selection<SVGGElement, unknown, null, undefined>;

/** The parts of the chart that stay while the data changes (rebuilt on resize only). */
interface Frame {
  readonly width: number;
  readonly height: number;
  readonly root: G;
  readonly bars: G;
  readonly xAxis: G;
  readonly yAxis: G;
  readonly marks: G;
  readonly empty: Selection<SVGTextElement, unknown, null, undefined>;
}

class LatencyView implements View {
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly table: HTMLTableElement;
  private frame: Frame | undefined;
  private lastDigest: LatencyDigest | undefined = undefined;
  private state: RunState | undefined;

  constructor(private readonly body: HTMLElement, private readonly context: ViewContext) {
    body.classList.add('latency-body');
    this.svg = select(body).append('svg').attr('class', 'chart latency');
    this.table = document.createElement('table');
    this.table.className = 'percentiles';
    body.appendChild(this.table);
    this.build();
    this.fillTable(undefined);
  }

  update(state: RunState): void {
    this.state = state;
    if (state.latency === this.lastDigest && this.frame !== undefined) return;
    this.lastDigest = state.latency;
    this.draw(state.latency);
    this.fillTable(state.latency);
  }

  resize(): void {
    this.build();
    this.lastDigest = undefined;
    if (this.state !== undefined) this.update(this.state);
  }

  exportSvg(): SVGSVGElement {
    return standaloneSvg(this.svg.node()!, 'Latency histogram');
  }

  private build(): void {
    const width = Math.max(200, this.body.clientWidth - 150);
    const height = Math.max(120, this.body.clientHeight);
    this.svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    this.svg.selectAll('*').remove();
    const root = this.svg.append('g').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
    const innerWidth = width - MARGIN.left - MARGIN.right;
    const innerHeight = height - MARGIN.top - MARGIN.bottom;
    const warmup = this.context.topology.warmupMs;
    this.frame = {
      width: innerWidth,
      height: innerHeight,
      root,
      bars: root.append('g').attr('class', 'bars'),
      xAxis: root.append('g').attr('class', 'axis x').attr('transform', `translate(0,${innerHeight})`),
      yAxis: root.append('g').attr('class', 'axis y'),
      marks: root.append('g').attr('class', 'marks'),
      empty: root.append('text').attr('class', 'muted empty').attr('x', innerWidth / 2).attr('y', innerHeight / 2).attr('text-anchor', 'middle')
        .text(warmup > 0 ? `no measured requests yet (warm-up: ${duration(warmup)})` : 'no completed requests yet'),
    };
    root.append('text').attr('class', 'muted unit').attr('x', innerWidth).attr('y', innerHeight + MARGIN.bottom - 3).attr('text-anchor', 'end').text('ms (log)');
  }

  private draw(digest: LatencyDigest | undefined): void {
    const f = this.frame!;
    const empty = digest === undefined || digest.count === 0;
    f.empty.attr('display', empty ? null : 'none');
    for (const g of [f.bars, f.xAxis, f.yAxis, f.marks]) g.attr('display', empty ? 'none' : null);
    if (empty) return;
    const edges = digest.edgesMs;
    const x = scaleLog().domain([edges[0]!, edges[edges.length - 1]!]).range([0, f.width]);
    const shares = digest.counts.map((n) => n / digest.count);
    const y = scaleLinear().domain([0, (max(shares) ?? 1) * 1.1]).nice().range([f.height, 0]);
    f.bars.selectAll('rect').data(shares).join('rect').attr('class', 'bar')
      .attr('x', (_, i) => x(edges[i]!) + 0.5).attr('width', (_, i) => Math.max(1, x(edges[i + 1]!) - x(edges[i]!) - 1))
      .attr('y', (share) => y(share)).attr('height', (share) => f.height - y(share));
    f.xAxis.call(axisBottom(x).ticks(5, '~g'));
    f.yAxis.call(axisLeft(y).ticks(4, '.0%'));
    f.marks.selectAll('*').remove();
    MARKS.forEach(([label, key, color], i) => {
      const value = digest[key] as number;
      if (!Number.isFinite(value) || value <= 0) return;
      const px = x(Math.min(Math.max(value, edges[0]!), edges[edges.length - 1]!));
      f.marks.append('line').attr('class', `mark ${label}`).attr('x1', px).attr('x2', px).attr('y1', -2).attr('y2', f.height)
        .attr('stroke', color).attr('stroke-width', 1.5).attr('stroke-dasharray', '4 2');
      const right = px > f.width - 36;
      f.marks.append('text').attr('x', right ? px - 3 : px + 3).attr('y', i * 11 - 4).attr('text-anchor', right ? 'end' : 'start')
        .attr('fill', color).attr('font-weight', 600).text(label);
    });
  }

  private fillTable(digest: LatencyDigest | undefined): void {
    const rows = PERCENTILES.map(([label, key]) => `<tr><th>${label}</th><td>${digest === undefined ? '–' : latency(digest[key] as number)}</td></tr>`);
    rows.push(`<tr class="n"><th>requests</th><td>${digest === undefined ? '–' : count(digest.count)}</td></tr>`);
    this.table.innerHTML = `<caption>latency (ms)</caption>${rows.join('')}`;
  }
}

export const latencyView: ViewSpec = {
  id: 'latency',
  title: 'Latency',
  caption: 'client latency of measured successful requests: histogram (log scale) and percentiles',
  span: 'half',
  applies: (topology) => topology.clients.length > 0,
  create: (body, context) => new LatencyView(body, context),
};
