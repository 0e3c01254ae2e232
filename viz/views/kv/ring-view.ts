/**
 * The hash ring of a kv service (the first one): each node's virtual nodes as ticks on a
 * circle (angle = point hash / 2^32, clockwise from the top; colour per node), and each
 * node's share of the hash space as a bar list. During an add-node or remove-node the
 * ring drawn is the one being moved to, so a new node's points appear when it starts
 * joining. At most 4,096 points are drawn (an even sample of larger rings).
 */
import { select, type Selection } from 'd3';
import type { KvView } from '../../../models/kv/kv-reader';
import type { RunState } from '../run-state';
import { COLORS, nodeColor } from '../palette';
import { standaloneSvg } from '../svg-export';
import type { View, ViewContext, ViewSpec } from '../view';
import { maxOf } from '../../../sim/stats';


class RingView implements View {
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private lastVersion = -1;
  private drawnPoints: unknown = undefined;
  private state: RunState | undefined;
  /** Left edge of the bar list (right of the circle). */
  private sharesX = 0;
  /** The node whose row the pointer is on: its points stand out (colours repeat beyond eight). */
  private focused: string | undefined;

  constructor(private readonly body: HTMLElement, context: ViewContext) {
    this.svg = select(body).append('svg').attr('class', 'chart ring');
    void context;
    // The row under the pointer picks out that node's points (rows are redrawn every frame,
    // so one handler on the svg rather than enter/leave on each row).
    const hover = (event: MouseEvent | undefined) => {
      const target = event?.target as SVGElement | undefined;
      const id = target?.classList.contains('row-hit') ? target.dataset.member : undefined;
      if (id === this.focused) return;
      this.focused = id;
      this.applyFocus();
    };
    this.svg.on('mousemove', hover).on('mouseleave', () => hover(undefined));
  }

  update(state: RunState): void {
    this.state = state;
    if (state.version === this.lastVersion) return;
    this.lastVersion = state.version;
    const view = state.part<readonly KvView[]>('kv')?.[0];
    if (view === undefined) return;
    const points = view.points;
    if (points !== this.drawnPoints || this.svg.select('g.points').empty()) {
      this.drawnPoints = points;
      this.draw(view, points);
    } else {
      this.drawShares(view);
    }
  }

  resize(): void {
    this.drawnPoints = undefined;
    this.lastVersion = -1;
    if (this.state !== undefined) this.update(this.state);
  }

  exportSvg(): SVGSVGElement {
    return standaloneSvg(this.svg.node()!, 'Hash ring');
  }

  private applyFocus(): void {
    const id = this.focused;
    this.svg.classed('focus', id !== undefined);
    this.svg.selectAll<SVGPathElement, unknown>('path.vnodes').classed('on', function () {
      return this.dataset.member === id;
    });
  }

  private size(): { width: number; height: number } {
    return { width: Math.max(260, this.body.clientWidth), height: Math.max(150, this.body.clientHeight) };
  }

  private draw(view: KvView, points: KvView['points']): void {
    const { width, height } = this.size();
    this.svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    this.svg.selectAll('*').remove();
    const r = Math.max(30, Math.min(height / 2 - 14, width * 0.25));
    const cx = r + 14;
    const cy = height / 2;
    const ring = this.svg.append('g').attr('class', 'points').attr('transform', `translate(${cx},${cy})`);
    ring.append('circle').attr('r', r).attr('fill', 'none').attr('stroke', COLORS.grid).attr('stroke-width', 6);
    const count = points?.angles.length ?? 0;
    this.svg.attr('data-points', count).attr('data-members', view.members.length);
    if (points !== undefined) {
      // One path per node: cheap with thousands of ticks.
      const paths = view.members.map(() => [] as string[]);
      for (let i = 0; i < count; i++) {
        const a = points.angles[i]! * 2 * Math.PI;
        const sin = Math.sin(a);
        const cos = -Math.cos(a);
        const p = (radius: number) => `${(radius * sin).toFixed(1)},${(radius * cos).toFixed(1)}`;
        paths[points.owners[i]!]?.push(`M${p(r - 7)}L${p(r + 7)}`);
      }
      paths.forEach((d, i) => {
        if (d.length > 0) ring.append('path').attr('class', 'vnodes').attr('data-member', view.members[i]!).attr('d', d.join('')).attr('stroke', nodeColor(i)).attr('stroke-width', 1.5);
      });
      const note = points.total > count ? `${count} of ${points.total} points` : `${count} points`;
      ring.append('text').attr('text-anchor', 'middle').attr('y', 4).attr('class', 'muted').text(note);
    }
    this.sharesX = cx + r + 24;
    this.svg.append('g').attr('class', 'shares').attr('transform', `translate(${this.sharesX},10)`);
    this.drawShares(view);
  }

  /** One bar per node: its share of the hash space (dashed line = an even share). */
  private drawShares(view: KvView): void {
    const { width, height } = this.size();
    const g = this.svg.select<SVGGElement>('g.shares');
    g.selectAll('*').remove();
    const left = 70;
    const barMax = Math.max(40, width - this.sharesX - left - 50);
    const n = view.members.length;
    const rowHeight = Math.max(3, Math.min(16, (height - 30) / n));
    const top = Math.max(maxOf(view.shares), 1 / n) * 1.1;
    view.members.forEach((id, i) => {
      const y = i * rowHeight;
      const w = (view.shares[i]! / top) * barMax;
      g.append('rect').attr('class', 'row-hit').attr('data-member', id).attr('x', 0).attr('y', y).attr('width', left + barMax).attr('height', rowHeight).attr('fill', 'transparent');
      g.append('rect').attr('class', 'share').attr('data-member', id).attr('x', left).attr('y', y + 1).attr('width', w).attr('height', Math.max(1, rowHeight - 2)).attr('fill', nodeColor(i));
      if (rowHeight >= 10) {
        g.append('text').attr('x', left - 4).attr('y', y + rowHeight / 2 + 4).attr('text-anchor', 'end').text(id);
        g.append('text').attr('x', left + w + 4).attr('y', y + rowHeight / 2 + 4).attr('class', 'muted').text(`${(view.shares[i]! * 100).toFixed(1)}%`);
      }
    });
    const even = left + (1 / n / top) * barMax;
    g.append('line').attr('x1', even).attr('x2', even).attr('y1', 0).attr('y2', n * rowHeight).attr('stroke', COLORS.muted).attr('stroke-dasharray', '3 2');
    g.append('text').attr('x', left).attr('y', n * rowHeight + 14).attr('class', 'muted')
      .text(`${view.service}: share of the hash space${view.changing ? ' (new placement, streaming)' : ''}; dashed = 1/${n}`);
    this.applyFocus(); // redrawn rows get no mouseenter: keep the focus across frames
  }
}

export const ringView: ViewSpec = {
  id: 'ring',
  title: 'Hash ring',
  caption: 'virtual nodes on the ring (colour per node) and each node\u2019s share of the key space',
  span: 'half',
  applies: (topology) => topology.parts.kv !== undefined,
  create: (body, context) => new RingView(body, context),
};
