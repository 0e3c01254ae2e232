/**
 * The topology view: clients and service replicas as a graph, requests moving along the
 * edges. Each replica's fill is its utilisation over the last sampling interval, the
 * orange bar its queue; a crashed replica is hatched grey with a cross, a slow one has a
 * dashed orange outline, a partitioned one a dotted purple outline. Replicas are drawn by
 * topology-nodes.ts (SVG for a few, canvas for many).
 */
import { select, type Selection } from 'd3';
import type { Topology } from '../../models/observe/observe';
import { count } from './format';
import type { RunState } from './run-state';
import { MovementLayer } from './movement-layer';
import { COLORS } from './palette';
import { standaloneSvg } from './svg-export';
import { CANVAS_FROM, CanvasNodeLayer, nodeTooltip, SvgNodeLayer, type NodeLayer } from './topology-nodes';
import { layoutTopology, type TopologyLayout } from './topology-layout';
import type { View, ViewContext, ViewSpec } from './view';

let views = 0;

class TopologyView implements View {
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  /** Unique per view: two panels must not share pattern ids. */
  private readonly hatchId = `hatch-${++views}`;
  private layout: TopologyLayout | undefined;
  private nodes: NodeLayer | undefined;
  private clientText: SVGTextElement[] = [];
  private movements: MovementLayer | undefined;
  private lastVersion = -1;
  private lastTMs = 0;
  /** Edges to or from nodes an add-node fault brings in, by node index: hidden until it joins. */
  private joiningEdges = new Map<number, SVGLineElement[]>();
  private state: RunState | undefined;

  constructor(private readonly body: HTMLElement, private readonly context: ViewContext) {
    this.svg = select(body).append('svg').attr('class', 'chart topology');
    this.svg.append('defs').html(
      `<pattern id="${this.hatchId}" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
        `<rect width="5" height="5" fill="${COLORS.down}"/><line x1="0" y1="0" x2="0" y2="5" stroke="#555" stroke-width="1.5"/></pattern>`,
    );
    this.build();
  }

  update(state: RunState): void {
    this.state = state;
    if (state.version === this.lastVersion) return;
    this.lastVersion = state.version;
    this.nodes?.update(state);
    for (const [index, lines] of this.joiningEdges) {
      const hidden = state.node(index).absent;
      for (const line of lines) line.classList.toggle('absent', hidden);
    }
    this.updateClients(state);
    if (state.tMs < this.lastTMs) this.movements?.clear();
    else this.movements?.add(state.movements, this.lastTMs, state.tMs, this.layout!.positions, performance.now());
    this.lastTMs = state.tMs;
  }

  animate(wallMs: number): void {
    this.movements?.render(wallMs);
  }

  resize(): void {
    this.build();
    if (this.state !== undefined) {
      this.lastVersion = -1;
      this.update(this.state);
    }
  }

  exportSvg(): SVGSVGElement {
    const svg = standaloneSvg(this.svg.node()!, 'Topology');
    this.nodes?.exportInto(svg);
    return svg;
  }

  dispose(): void {
    this.nodes?.dispose();
  }

  private build(): void {
    const width = Math.max(240, this.body.clientWidth);
    const height = Math.max(180, this.body.clientHeight);
    const topology = this.context.topology;
    const layout = layoutTopology(topology, width, height);
    this.layout = layout;
    this.svg.attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height);
    this.svg.selectAll('g.layer').remove();
    this.nodes?.dispose();
    const layer = (name: string) => this.svg.append('g').attr('class', `layer ${name}`);
    const boxes = layer('groups');
    for (const box of layout.groups) {
      if (box.kind === 'client') continue;
      boxes.append('rect').attr('class', 'group-box').attr('x', box.x).attr('y', box.y).attr('width', box.width).attr('height', box.height).attr('rx', 6);
      boxes.append('text').attr('class', 'group-title').attr('x', box.x + 6).attr('y', box.y + 13).text(box.name);
    }
    const edges = layer('edges');
    const joining = new Map(Object.keys(topology.addedAtMs ?? {}).map((id) => [id, topology.nodes.indexOf(id)]));
    this.joiningEdges = new Map();
    for (const edge of layout.edges) {
      const line = edges.append('line').attr('class', edge.bundled ? 'edge bundled' : 'edge')
        .attr('x1', edge.from.x).attr('y1', edge.from.y).attr('x2', edge.to.x).attr('y2', edge.to.y).node()!;
      for (const end of [edge.from, edge.to]) {
        const index = 'id' in end ? joining.get(end.id as string) : undefined;
        if (index !== undefined) this.joiningEdges.set(index, [...(this.joiningEdges.get(index) ?? []), line]);
      }
    }
    this.buildClients(layer('clients'), layout);
    const tooltip = (i: number) => (this.state === undefined ? topology.nodes[i]! : nodeTooltip(this.state, i, topology.services.find((s) => s.replicas.includes(topology.nodes[i]!))?.cores));
    const nodeGroup = layer('nodes');
    this.nodes = layout.replicas.length >= CANVAS_FROM ? new CanvasNodeLayer(this.body, layout, tooltip) : new SvgNodeLayer(nodeGroup, layout, `url(#${this.hatchId})`, tooltip);
    this.movements = new MovementLayer(layer('movements'), Math.max(2, Math.min(5, layout.size / 8)));
  }

  private buildClients(group: Selection<SVGGElement, unknown, null, undefined>, layout: TopologyLayout): void {
    const r = Math.max(8, Math.min(22, layout.size / 2));
    this.clientText = layout.clients.map((glyph) => {
      const g = group.append('g').attr('class', 'client').attr('data-client', glyph.group).attr('transform', `translate(${glyph.x},${glyph.y})`);
      g.append('circle').attr('r', r);
      g.append('text').attr('class', 'label').attr('text-anchor', 'middle').attr('y', -r - 5).text(glyph.group);
      return g.append('text').attr('class', 'muted').attr('text-anchor', 'middle').attr('y', r + 13).node()!;
    });
  }

  /** Under each client: its send rate (windows pool every client, so only with one client), else its policy. */
  private updateClients(state: RunState): void {
    const topology = this.context.topology;
    const last = state.windows[state.windows.length - 1];
    this.clientText.forEach((text, i) => {
      const client = topology.clients[i]!;
      const rate = topology.clients.length === 1 && last !== undefined ? `${count(last.sent / (topology.windowMs / 1000))}/s · ` : '';
      text.textContent = `${rate}${client.policy}`;
    });
  }
}

export const topologyView: ViewSpec = {
  id: 'topology',
  title: 'Topology',
  caption: 'fill = utilisation · orange bar = queue · hatched ✕ = crashed · dashed orange = slow · dotted purple = partitioned',
  span: 'half',
  applies: (topology: Topology) => topology.nodes.length > 0,
  create: (body, context) => new TopologyView(body, context),
};
