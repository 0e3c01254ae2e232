/**
 * Per-node load over time: one row per replica, one column per sampling interval, the
 * colour its mean utilisation (hatched grey while down). Drawn on a canvas (1,000 rows ×
 * 600 columns would be 600,000 SVG elements); the axes and the cursor are SVG on top.
 * With more rows than pixels, each pixel row shows the mean of its nodes.
 */
import { axisBottom, scaleLinear, select, type ScaleLinear, type Selection } from 'd3';
import type { LoadColumn } from '../../models/observe/observe';
import { duration } from './format';
import type { RunState } from './run-state';
import { COLORS, utilizationColor } from './palette';
import { seekOnClick } from './seek-on-click';
import { standaloneSvg } from './svg-export';
import type { View, ViewContext, ViewSpec } from './view';

const MARGIN = { top: 6, right: 12, bottom: 22, left: 64 };
/** Colour lookup: utilisation in 1% steps, so drawing does not parse colours per cell. */
const RAMP = Array.from({ length: 101 }, (_, i) => rgb(utilizationColor(i / 100)));
const DOWN = rgb(COLORS.down);

function rgb(color: string): [number, number, number] {
  const m = color.match(/\d+/g)!.map(Number);
  if (color.startsWith('#')) return [parseInt(color.slice(1, 3), 16), parseInt(color.slice(3, 5), 16), parseInt(color.slice(5, 7), 16)];
  return [m[0]!, m[1]!, m[2]!];
}

class HeatStripView implements View {
  private readonly canvas: HTMLCanvasElement;
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private x: ScaleLinear<number, number> = scaleLinear();
  private cursor: Selection<SVGLineElement, unknown, null, undefined> | undefined;
  private image: ImageData | undefined;
  private drawnColumns = 0;
  private lastVersion = -1;
  private state: RunState | undefined;
  private rows = 0;

  constructor(private readonly body: HTMLElement, private readonly context: ViewContext) {
    body.classList.add('heat-body');
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'heat-canvas';
    body.appendChild(this.canvas);
    this.svg = select(body).append('svg').attr('class', 'chart heat');
    seekOnClick(this.svg, context, (px) => this.x.invert(px - MARGIN.left));
    this.build();
  }

  update(state: RunState): void {
    this.state = state;
    if (state.version === this.lastVersion) return;
    this.lastVersion = state.version;
    if (state.load.length < this.drawnColumns) this.clear();
    for (let c = this.drawnColumns; c < state.load.length; c++) this.paintColumn(state.load[c]!);
    this.drawnColumns = state.load.length;
    this.canvas.getContext('2d')!.putImageData(this.image!, 0, 0);
    const cx = MARGIN.left + this.x(state.tMs);
    this.cursor?.attr('x1', cx).attr('x2', cx);
  }

  resize(): void {
    this.build();
    if (this.state !== undefined) {
      this.lastVersion = -1;
      this.update(this.state);
    }
  }

  exportSvg(): SVGSVGElement {
    const svg = standaloneSvg(this.svg.node()!, 'Load per node');
    const image = document.createElementNS('http://www.w3.org/2000/svg', 'image');
    image.setAttribute('href', this.canvas.toDataURL('image/png'));
    image.setAttribute('x', String(MARGIN.left));
    image.setAttribute('y', String(MARGIN.top));
    image.setAttribute('width', String(this.canvas.width));
    image.setAttribute('height', String(this.canvas.height));
    image.setAttribute('preserveAspectRatio', 'none');
    svg.insertBefore(image, svg.querySelector('g'));
    return svg;
  }

  private build(): void {
    const width = Math.max(200, this.body.clientWidth);
    const height = Math.max(60, this.body.clientHeight);
    const innerWidth = width - MARGIN.left - MARGIN.right;
    const topology = this.context.topology;
    this.rows = Math.max(1, Math.min(topology.nodes.length, height - MARGIN.top - MARGIN.bottom));
    const rowHeight = Math.max(1, Math.floor((height - MARGIN.top - MARGIN.bottom) / this.rows));
    const innerHeight = rowHeight * this.rows;
    this.canvas.width = Math.max(1, Math.round(innerWidth));
    this.canvas.height = innerHeight;
    Object.assign(this.canvas.style, { left: `${MARGIN.left}px`, top: `${MARGIN.top}px`, width: `${this.canvas.width}px`, height: `${innerHeight}px` });
    this.x = scaleLinear().domain([0, topology.durationMs]).range([0, innerWidth]);
    this.svg.attr('width', width).attr('height', innerHeight + MARGIN.top + MARGIN.bottom).attr('viewBox', `0 0 ${width} ${innerHeight + MARGIN.top + MARGIN.bottom}`);
    this.svg.selectAll('*').remove();
    const root = this.svg.append('g').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
    root.append('rect').attr('width', innerWidth).attr('height', innerHeight).attr('fill', 'none').attr('stroke', '#d7dce3');
    root.append('g').attr('class', 'axis x').attr('transform', `translate(0,${innerHeight})`)
      .call(axisBottom(this.x).ticks(Math.max(2, innerWidth / 90)).tickFormat((t) => duration(Number(t))));
    this.labelServices(root, innerHeight);
    this.cursor = this.svg.append('line').attr('class', 'cursor').attr('y1', MARGIN.top).attr('y2', MARGIN.top + innerHeight);
    this.clear();
  }

  /** Node ids beside their rows when there is room, else service names beside their bands. */
  private labelServices(root: Selection<SVGGElement, unknown, null, undefined>, innerHeight: number): void {
    const n = this.context.topology.nodes.length;
    if (innerHeight / n >= 12) {
      this.context.topology.nodes.forEach((id, i) => {
        root.append('text').attr('x', -6).attr('y', ((i + 0.5) / n) * innerHeight + 4).attr('text-anchor', 'end').text(id);
      });
      return;
    }
    let first = 0;
    for (const service of this.context.topology.services) {
      const y0 = (first / n) * innerHeight;
      const y1 = ((first + service.replicas.length) / n) * innerHeight;
      root.append('text').attr('x', -6).attr('y', (y0 + y1) / 2 + 4).attr('text-anchor', 'end').text(service.name);
      if (first > 0) root.append('line').attr('x1', -60).attr('x2', 0).attr('y1', y0).attr('y2', y0).attr('stroke', '#d7dce3');
      first += service.replicas.length;
    }
  }

  private clear(): void {
    this.image = new ImageData(this.canvas.width, this.canvas.height);
    this.drawnColumns = 0;
  }

  /** Paint one interval: each pixel row is the mean of its nodes that are up; hatched when most are down. */
  private paintColumn(column: LoadColumn): void {
    const image = this.image!;
    const x0 = Math.max(0, Math.floor(this.x(column.startMs)));
    const x1 = Math.min(image.width, Math.max(x0 + 1, Math.ceil(this.x(column.endMs))));
    const n = column.utilization.length;
    const rowHeight = image.height / this.rows;
    for (let row = 0; row < this.rows; row++) {
      const from = Math.floor((row / this.rows) * n);
      const to = Math.max(from + 1, Math.floor(((row + 1) / this.rows) * n));
      let sum = 0;
      let up = 0;
      let absent = 0;
      for (let i = from; i < to; i++) {
        const u = column.utilization[i]!;
        if (Number.isNaN(u)) absent++;
        else if (u >= 0) {
          sum += u;
          up++;
        }
      }
      // Nodes not added yet are left blank; of the others, a row mostly down is hatched.
      const present = to - from - absent;
      if (present === 0) continue;
      const value = up === 0 || up * 2 < present ? -1 : sum / up;
      const color = value < 0 ? DOWN : RAMP[Math.round(Math.min(1, value) * 100)]!;
      for (let y = Math.round(row * rowHeight); y < Math.round((row + 1) * rowHeight); y++) {
        for (let x = x0; x < x1; x++) {
          const hatch = value < 0 && (x + y) % 4 === 0;
          const p = (y * image.width + x) * 4;
          image.data[p] = hatch ? 90 : color[0];
          image.data[p + 1] = hatch ? 90 : color[1];
          image.data[p + 2] = hatch ? 90 : color[2];
          image.data[p + 3] = 255;
        }
      }
    }
  }
}

export const heatStripView: ViewSpec = {
  id: 'heat',
  title: 'Load per node',
  caption: 'one row per replica, colour = utilisation per interval (light idle → dark busy), hatched = down; click to go there',
  span: 'half',
  applies: (topology) => topology.nodes.length > 0,
  create: (body, context) => new HeatStripView(body, context),
};
