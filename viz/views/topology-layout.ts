/**
 * Where the topology view puts things: a pure function of the topology and the size of
 * the drawing, so it is tested without a browser.
 *
 * Columns by call depth (clients, the services they call, the services those call, …);
 * in each column the services are stacked, each a box holding its replicas in a grid.
 * One glyph size for the whole picture, the largest that fits: 56 px for a handful of
 * replicas (room for labels), a few pixels for a thousand.
 */
import type { Topology } from '../../models/observe/observe';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Glyph extends Point {
  readonly id: string;
  /** Service or client name. */
  readonly group: string;
}

export interface GroupBox {
  readonly name: string;
  readonly kind: 'client' | 'service';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Edge {
  readonly from: Point;
  readonly to: Point;
  /** Drawn between boxes, standing for every replica pair (too many to draw one by one). */
  readonly bundled: boolean;
}

export interface TopologyLayout {
  readonly width: number;
  readonly height: number;
  /** Side of a replica glyph (px). */
  readonly size: number;
  /** Big enough for text in the glyphs. */
  readonly labels: boolean;
  /** Replica glyphs, by node index. */
  readonly replicas: readonly Glyph[];
  readonly clients: readonly Glyph[];
  readonly groups: readonly GroupBox[];
  readonly edges: readonly Edge[];
  /** Centre of every network address: replica ids and client instance addresses. */
  readonly positions: ReadonlyMap<string, Point>;
}

const SIZE_MAX = 56;
const SIZE_MIN = 3;
const HEADER = 18;
const PADDING = 8;
/** Replica pairs above which edges are bundled between boxes. */
const EDGES_MAX = 64;

interface Group {
  readonly name: string;
  readonly kind: 'client' | 'service';
  readonly members: readonly string[];
}

/** Lay out `topology` in a `width` × `height` drawing. */
export function layoutTopology(topology: Topology, width: number, height: number): TopologyLayout {
  const columns = columnsOf(topology);
  const columnWidth = width / columns.length;
  const { size, shapes } = fit(columns, columnWidth, height);
  const gap = gapOf(size);
  const replicas: Glyph[] = [];
  const clients: Glyph[] = [];
  const groups: GroupBox[] = [];
  columns.forEach((column, c) => {
    const total = shapes[c]!.reduce((sum, shape) => sum + shape.height, 0) + PADDING * (column.length - 1);
    let y = Math.max(PADDING, (height - total) / 2);
    column.forEach((group, g) => {
      const shape = shapes[c]![g]!;
      const boxWidth = group.kind === 'client' ? columnWidth - 2 * PADDING : Math.min(columnWidth - 2 * PADDING, shape.width);
      const box = { name: group.name, kind: group.kind, x: c * columnWidth + (columnWidth - boxWidth) / 2, y, width: boxWidth, height: shape.height };
      groups.push(box);
      const placed = group.kind === 'client' ? clients : replicas;
      for (const item of placeGrid(group, box, shape.perRow, size, gap)) placed.push(item);
      y += box.height + PADDING;
    });
  });
  const byId = new Map(replicas.map((glyph) => [glyph.id, glyph]));
  const ordered = topology.nodes.map((id) => byId.get(id)!);
  const positions = new Map<string, Point>(ordered.map((glyph) => [glyph.id, glyph]));
  for (const client of topology.clients) {
    const glyph = clients.find((g) => g.group === client.name)!;
    for (const address of client.addresses) positions.set(address, glyph);
  }
  return { width, height, size, labels: size >= 40, replicas: ordered, clients, groups, edges: edgesOf(topology, groups, clients, byId), positions };
}

/** Clients in column 0, each service in the column of its longest call path from a client. */
function columnsOf(topology: Topology): Group[][] {
  const depth = new Map<string, number>(topology.services.map((s) => [s.name, 1]));
  // Longest path in a DAG by relaxation: at most one pass per service.
  for (let pass = 0; pass < topology.services.length; pass++) {
    for (const service of topology.services) {
      for (const callee of service.calls) depth.set(callee, Math.max(depth.get(callee) ?? 1, depth.get(service.name)! + 1));
    }
  }
  const columns: Group[][] = [topology.clients.map((client) => ({ name: client.name, kind: 'client', members: [client.name] }))];
  for (const service of topology.services) {
    const d = depth.get(service.name)!;
    while (columns.length <= d) columns.push([]);
    columns[d]!.push({ name: service.name, kind: 'service', members: service.replicas });
  }
  return columns.filter((column) => column.length > 0);
}

interface Shape {
  readonly perRow: number;
  readonly width: number;
  readonly height: number;
}

const gapOf = (size: number): number => Math.max(1, Math.round(size * 0.22));

/**
 * The largest glyph size at which every column fits the height, and each group's grid.
 * A group gets the fewest grid columns that fit its share of the column's height (share
 * by replica count), so a few replicas stack vertically and their edges fan out.
 */
function fit(columns: readonly Group[][], columnWidth: number, height: number): { size: number; shapes: Shape[][] } {
  let shapes: Shape[][] = [];
  for (let size = SIZE_MAX; size >= SIZE_MIN; size--) {
    const gap = gapOf(size);
    const perRowMax = Math.max(1, Math.floor((columnWidth - 4 * PADDING + gap) / (size + gap)));
    shapes = columns.map((column) => {
      const members = column.reduce((sum, group) => sum + group.members.length, 0);
      const room = height - PADDING * (column.length + 1) - column.length * (HEADER + PADDING);
      return column.map((group) => {
        const share = Math.max(size, (room * group.members.length) / members);
        const rowsFit = Math.max(1, Math.floor((share + gap) / (size + gap)));
        const perRow = Math.min(perRowMax, Math.max(1, Math.ceil(group.members.length / rowsFit)));
        return shapeOf(group, perRow, size, gap);
      });
    });
    const fits = shapes.every((column) => column.reduce((sum, shape) => sum + shape.height, 0) + PADDING * (column.length + 1) <= height);
    if (fits) return { size, shapes };
  }
  return { size: SIZE_MIN, shapes };
}

function shapeOf(group: Group, perRow: number, size: number, gap: number): Shape {
  const rows = Math.ceil(group.members.length / perRow);
  const used = Math.min(perRow, group.members.length);
  return { perRow, width: used * (size + gap) - gap + 4 * PADDING, height: HEADER + rows * (size + gap) - gap + PADDING };
}

/** Glyph centres in a grid inside `box`, centred horizontally. */
function placeGrid(group: Group, box: GroupBox, perRow: number, size: number, gap: number): Glyph[] {
  const n = group.members.length;
  const used = Math.min(n, perRow);
  const left = box.x + (box.width - (used * (size + gap) - gap)) / 2;
  return group.members.map((id, i) => ({
    id,
    group: group.name,
    x: left + (i % perRow) * (size + gap) + size / 2,
    y: box.y + HEADER + Math.floor(i / perRow) * (size + gap) + size / 2,
  }));
}

function edgesOf(topology: Topology, groups: readonly GroupBox[], clients: readonly Glyph[], byId: ReadonlyMap<string, Glyph>): Edge[] {
  const edges: Edge[] = [];
  const box = (name: string, kind: GroupBox['kind']) => groups.find((g) => g.name === name && g.kind === kind)!;
  /** Edges from each of `from` to every replica of `to`, or one bundle from `anchor` to its box. */
  const connect = (from: readonly Point[], anchor: Point, to: string) => {
    const target = topology.services.find((s) => s.name === to);
    if (target === undefined) return;
    if (from.length * target.replicas.length <= EDGES_MAX) {
      for (const point of from) for (const id of target.replicas) edges.push({ from: point, to: byId.get(id)!, bundled: false });
      return;
    }
    const toBox = box(to, 'service');
    edges.push({ from: anchor, to: { x: toBox.x, y: toBox.y + toBox.height / 2 }, bundled: true });
  };
  for (const client of topology.clients) {
    const glyph = clients.find((g) => g.group === client.name)!;
    connect([glyph], glyph, client.target);
  }
  for (const service of topology.services) {
    const from = service.replicas.map((id) => byId.get(id)!);
    const fromBox = box(service.name, 'service');
    for (const callee of service.calls) connect(from, { x: fromBox.x + fromBox.width, y: fromBox.y + fromBox.height / 2 }, callee);
  }
  return edges;
}
