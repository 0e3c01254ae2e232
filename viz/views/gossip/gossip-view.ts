/**
 * A gossip cluster (the first `kind: gossip` service), in the run's simulation: on the
 * left the fraction of members informed over time for each recorded rumour (one line
 * each, from its creation), on the right one cell per member, as the first running
 * member sees it: alive (green square), suspect (orange, half height), dead (vermillion,
 * small), left or unknown (grey); a member that is actually down has a black outline and
 * a cross, so a crash not yet detected shows as a crossed green cell.
 * Below: the detection and dissemination numbers of the summary so far.
 */
import { axisBottom, axisLeft, line, scaleLinear, select, type ScaleLinear, type Selection } from 'd3';
import { GOSSIP_DOWN, GOSSIP_STATES, type GossipView } from '../../../models/gossip/gossip-reader';
import { duration } from '../format';
import type { RunState } from '../run-state';
import { COLORS, nodeColor, OKABE_ITO } from '../palette';
import { seekOnClick } from '../seek-on-click';
import { standaloneSvg } from '../svg-export';
import type { View, ViewContext, ViewSpec } from '../view';

const MARGIN = { top: 10, right: 10, bottom: 40, left: 40 };
export const GOSSIP_STATE_COLORS: Readonly<Record<(typeof GOSSIP_STATES)[number], string>> = {
  alive: OKABE_ITO.bluishGreen,
  suspect: OKABE_ITO.orange,
  dead: OKABE_ITO.vermillion,
  left: '#b8b8b8',
  unknown: '#e5e7eb',
};
/** Cell size factor per state: the shape differs too, not only the colour. */
const STATE_SIZE: Readonly<Record<(typeof GOSSIP_STATES)[number], [number, number]>> = {
  alive: [1, 1],
  suspect: [1, 0.5],
  dead: [0.55, 0.55],
  left: [1, 1],
  unknown: [1, 1],
};

class GossipChartView implements View {
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private x: ScaleLinear<number, number> = scaleLinear();
  private lastVersion = -1;
  private state: RunState | undefined;
  private chartWidth = 0;

  constructor(private readonly body: HTMLElement, private readonly context: ViewContext) {
    this.svg = select(body).append('svg').attr('class', 'chart gossip');
    seekOnClick(this.svg, context, (px, py) => (px > this.chartWidth || py < MARGIN.top ? undefined : this.x.invert(px - MARGIN.left)));
  }

  update(state: RunState): void {
    this.state = state;
    if (state.version === this.lastVersion) return;
    this.lastVersion = state.version;
    const view = state.part<readonly GossipView[]>('gossip')?.[0];
    if (view !== undefined) this.draw(view, state.tMs);
  }

  resize(): void {
    this.lastVersion = -1;
    if (this.state !== undefined) this.update(this.state);
  }

  exportSvg(): SVGSVGElement {
    return standaloneSvg(this.svg.node()!, 'Gossip');
  }

  private draw(view: GossipView, tMs: number): void {
    const width = Math.max(360, this.body.clientWidth);
    const height = Math.max(150, this.body.clientHeight);
    this.svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    this.svg.selectAll('*').remove();
    this.chartWidth = Math.round(width * 0.55);
    const innerWidth = this.chartWidth - MARGIN.left - MARGIN.right;
    const innerHeight = height - MARGIN.top - MARGIN.bottom;
    this.x = scaleLinear().domain([0, this.context.topology.durationMs]).range([0, innerWidth]);
    const y = scaleLinear().domain([0, 1]).range([innerHeight, 0]);
    const chart = this.svg.append('g').attr('class', 'informed').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
    chart.append('g').attr('class', 'axis x').attr('transform', `translate(0,${innerHeight})`)
      .call(axisBottom(this.x).ticks(Math.max(2, innerWidth / 80)).tickFormat((t) => duration(Number(t))));
    chart.append('g').attr('class', 'axis y').call(axisLeft(y).ticks(4, '.0%'));
    const path = line<[number, number]>().x((p) => this.x(p[0])).y((p) => y(p[1]));
    view.series.forEach((series, i) => {
      const points: [number, number][] = [[series.createdAtMs, 0]];
      series.fractions.forEach((f, w) => points.push([Math.min(series.createdAtMs + (w + 1) * series.windowMs, tMs), f]));
      chart.append('path').attr('class', 'series rumour').attr('data-rumour', series.id).attr('d', path(points)).attr('stroke', nodeColor(i));
    });
    const cx = this.x(Math.min(tMs, this.context.topology.durationMs));
    chart.append('line').attr('class', 'cursor').attr('x1', cx).attr('x2', cx).attr('y1', 0).attr('y2', innerHeight);
    const label = view.series.length === 0 ? 'informed fraction: no rumours (the scenario creates no events)' : `informed fraction, first ${view.series.length} rumour${view.series.length === 1 ? '' : 's'}`;
    chart.append('text').attr('x', innerWidth - 4).attr('y', innerHeight - 6).attr('text-anchor', 'end').attr('class', 'muted').text(label);
    this.drawSummary(view, MARGIN.left, height - 6);
    this.drawMembers(view, this.chartWidth + 6, MARGIN.top, width - this.chartWidth - 12, innerHeight + 14);
  }

  private drawSummary(view: GossipView, x: number, y: number): void {
    const d = view.summary.detection;
    const ms = (v: number | null) => (v === null ? '–' : duration(v));
    this.svg.append('text').attr('class', 'gossip-summary').attr('x', x).attr('y', y)
      .text(`first suspicion p50 ${ms(d.firstSuspectMs.p50)} · all dead p50 ${ms(d.allDeadMs.p50)} · false positives ${d.falsePositives} · full dissemination p50 ${ms(view.summary.dissemination.fullMs.p50)} (${view.summary.dissemination.events} events)`);
  }

  private drawMembers(view: GossipView, x0: number, y0: number, width: number, height: number): void {
    const n = view.states.length;
    const g = this.svg.append('g').attr('class', 'members').attr('transform', `translate(${x0},${y0})`);
    if (n === 0) return;
    const cell = Math.max(2, Math.floor(Math.sqrt((width * (height - 14)) / n)));
    const columns = Math.max(1, Math.floor(width / cell));
    const counts = new Array<number>(GOSSIP_STATES.length).fill(0);
    let down = 0;
    const paths = GOSSIP_STATES.map(() => [] as string[]);
    const crosses: string[] = [];
    const box = cell > 3 ? cell - 1 : cell;
    for (let i = 0; i < n; i++) {
      const code = view.states[i]! & (GOSSIP_DOWN - 1);
      const state = GOSSIP_STATES[code]!;
      counts[code]!++;
      const [fw, fh] = STATE_SIZE[state];
      const x = (i % columns) * cell;
      const y = Math.floor(i / columns) * cell;
      const w = box * fw;
      const h = box * fh;
      const ox = x + (box - w) / 2;
      const oy = y + (box - h) / 2;
      paths[code]!.push(`M${ox},${oy}h${w}v${h}h${-w}z`);
      if ((view.states[i]! & GOSSIP_DOWN) !== 0) {
        down++;
        crosses.push(`M${x},${y}L${x + box},${y + box}M${x + box},${y}L${x},${y + box}`);
      }
    }
    paths.forEach((d, code) => {
      if (d.length > 0) g.append('path').attr('class', `member-cells ${GOSSIP_STATES[code]}`).attr('d', d.join('')).attr('fill', GOSSIP_STATE_COLORS[GOSSIP_STATES[code]!]);
    });
    if (crosses.length > 0) g.append('path').attr('class', 'member-down').attr('d', crosses.join('')).attr('stroke', COLORS.ink).attr('stroke-width', cell > 5 ? 1.2 : 0.8);
    this.svg.attr('data-members', n).attr('data-down', down)
      .attr('data-suspect', counts[GOSSIP_STATES.indexOf('suspect')]!).attr('data-dead', counts[GOSSIP_STATES.indexOf('dead')]!);
    const rows = Math.ceil(n / columns);
    const legend = GOSSIP_STATES.map((s, code) => (counts[code]! > 0 ? `${s} ${counts[code]}` : '')).filter((s) => s !== '').join(' · ');
    g.append('text').attr('x', 0).attr('y', rows * cell + 12).attr('class', 'muted')
      .text(`as ${view.observer >= 0 ? `${view.service}-${view.observer}` : 'nobody'} sees them: ${legend}${down > 0 ? ` · ✕ down ${down}` : ''}`);
  }
}

export const gossipView: ViewSpec = {
  id: 'gossip',
  title: 'Gossip',
  caption: 'informed fraction per rumour over time; members as one member sees them (green alive, orange suspect, vermillion dead, ✕ down); click the chart to go there',
  span: 'full',
  applies: (topology) => topology.parts.gossip !== undefined,
  create: (body, context) => new GossipChartView(body, context),
};
