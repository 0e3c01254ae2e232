/**
 * The B+tree of one kv node (a select picks it; node 0 first): one row of boxes per
 * level, root on top, leaves at the bottom. Each box is a tree node; its blue part is the
 * level's mean fill (children per node / order, entries per leaf / order). Levels wider
 * than the card show their first boxes and say how many there are. From the tree's
 * shape() (counts per level), not from its keys.
 */
import { select, type Selection } from 'd3';
import type { KvView } from '../../../models/kv/kv-reader';
import type { RunState } from '../run-state';
import { COLORS, utilizationColor } from '../palette';
import { standaloneSvg } from '../svg-export';
import type { View, ViewContext, ViewSpec } from '../view';

const BOX = 14;
const GAP = 3;
const ROW = 34;
const LEFT = 10;

class BTreeView implements View {
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly picker: HTMLSelectElement;
  private lastVersion = -1;
  private state: RunState | undefined;

  constructor(private readonly body: HTMLElement, context: ViewContext) {
    void context;
    body.classList.add('btree-body');
    this.picker = document.createElement('select');
    this.picker.className = 'btree-node';
    this.picker.setAttribute('aria-label', 'kv node');
    this.picker.addEventListener('change', () => this.redraw());
    body.appendChild(this.picker);
    this.svg = select(body).append('svg').attr('class', 'chart btree');
  }

  update(state: RunState): void {
    this.state = state;
    if (state.version === this.lastVersion) return;
    this.lastVersion = state.version;
    const view = state.part<readonly KvView[]>('kv')?.[0];
    if (view === undefined) return;
    const options = [...this.picker.options].map((o) => o.value);
    if (options.join('\n') !== view.members.join('\n')) {
      const selected = this.picker.value;
      this.picker.replaceChildren();
      for (const id of view.members) this.picker.append(new Option(id, id));
      this.picker.value = view.members.includes(selected) ? selected : view.members[0]!;
    }
    this.draw();
  }

  resize(): void {
    this.redraw();
  }

  exportSvg(): SVGSVGElement {
    return standaloneSvg(this.svg.node()!, `B+tree of ${this.picker.value}`);
  }

  private redraw(): void {
    if (this.state === undefined) return;
    this.lastVersion = -1;
    this.update(this.state);
  }

  private draw(): void {
    const view = this.state!.part<readonly KvView[]>('kv')![0]!;
    const index = Math.max(0, view.members.indexOf(this.picker.value));
    const levels = view.trees[index] ?? [];
    const width = Math.max(220, this.body.clientWidth);
    const height = Math.max(60, 12 + levels.length * ROW + 20);
    this.svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    this.svg.attr('data-node', view.members[index] ?? '').attr('data-levels', levels.length);
    this.svg.selectAll('*').remove();
    const fit = Math.max(1, Math.floor((width - 2 * LEFT + GAP) / (BOX + GAP)));
    levels.forEach((level, depth) => {
      const y = 6 + depth * ROW;
      const shown = Math.min(level.nodeCount, fit);
      const rowWidth = shown * (BOX + GAP) - GAP;
      const x0 = Math.max(LEFT, (width - rowWidth) / 2);
      const row = this.svg.append('g').attr('class', 'level').attr('data-depth', depth).attr('data-nodes', level.nodeCount);
      const fill = Math.min(1, Math.max(0, level.fill));
      for (let i = 0; i < shown; i++) {
        const x = x0 + i * (BOX + GAP);
        row.append('rect').attr('class', 'tree-node').attr('x', x).attr('y', y).attr('width', BOX).attr('height', BOX).attr('fill', '#fff').attr('stroke', '#5b6472');
        row.append('rect').attr('x', x + 1).attr('y', y + 1 + (BOX - 2) * (1 - fill)).attr('width', BOX - 2).attr('height', (BOX - 2) * fill).attr('fill', utilizationColor(0.35 + 0.65 * fill));
      }
      const kind = depth === levels.length - 1 ? 'leaves' : depth === 0 ? 'root' : 'internal';
      const more = level.nodeCount > shown ? ` (first ${shown} shown)` : '';
      row.append('text').attr('x', x0).attr('y', y + BOX + 12).attr('class', 'muted')
        .text(`${kind}: ${level.nodeCount.toLocaleString('en')} node${level.nodeCount === 1 ? '' : 's'}, ${level.keyCount.toLocaleString('en')} keys, fill ${(level.fill * 100).toFixed(0)}%${more}`);
    });
    if (levels.length === 0) this.svg.append('text').attr('x', LEFT).attr('y', 20).attr('fill', COLORS.muted).text('no tree');
  }
}

export const bTreeView: ViewSpec = {
  id: 'btree',
  title: 'B+tree',
  caption: 'one kv node\u2019s tree: a row of nodes per level, root on top; blue = mean fill of the level',
  span: 'half',
  applies: (topology) => topology.parts.kv !== undefined,
  create: (body, context) => new BTreeView(body, context),
};
