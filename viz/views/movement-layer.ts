/**
 * Animated requests on the topology: dots from sender to receiver.
 *
 * Real network hops last microseconds to milliseconds, too short to see at any useful
 * speed, so each sampled message is drawn as a dot travelling for a fixed wall time,
 * starting in the order and rhythm the messages had within the frame. The worker already
 * samples (at most 200 messages a frame); this layer also caps the dots on screen, and
 * reuses its circle elements rather than creating one per message.
 */
import type { Selection } from 'd3';
import type { Movement } from '../../models/observe/observe';
import { COLORS, OKABE_ITO } from './palette';
import type { Point } from './topology-layout';

/** Wall time a dot travels (ms). */
const TRAVEL_MS = 450;
/** New dots per frame at most (an even sample of the frame's movements): enough to see the flow, few enough to follow one. */
const DOTS_PER_FRAME = 8;
/** Dots on screen at most; the oldest give way. */
const DOTS_MAX = 200;

interface Dot {
  readonly from: Point;
  readonly to: Point;
  readonly startMs: number;
  readonly color: string;
  readonly dropped: boolean;
}

export class MovementLayer {
  private dots: Dot[] = [];
  private readonly pool: SVGCircleElement[] = [];
  private lastFrameMs = 0;
  private frameGapMs = 33;

  constructor(private readonly group: Selection<SVGGElement, unknown, null, undefined>, private radius: number) {}

  setRadius(radius: number): void {
    this.radius = radius;
  }

  /** Queue a frame's movements, spread over the time until the next frame is expected. */
  add(movements: readonly Movement[], fromMs: number, toMs: number, positions: ReadonlyMap<string, Point>, wallMs: number): void {
    if (this.lastFrameMs > 0) this.frameGapMs = Math.min(200, Math.max(16, wallMs - this.lastFrameMs));
    this.lastFrameMs = wallMs;
    const span = toMs - fromMs;
    const every = Math.max(1, movements.length / DOTS_PER_FRAME);
    for (let k = 0; k < movements.length; k += every) {
      const m = movements[Math.floor(k)]!;
      const from = positions.get(m.from);
      const to = positions.get(m.to);
      if (from === undefined || to === undefined) continue;
      const offset = span > 0 ? ((m.tMs - fromMs) / span) * this.frameGapMs : 0;
      this.dots.push({ from, to, startMs: wallMs + offset, color: colorOf(m), dropped: m.dropped });
    }
    if (this.dots.length > DOTS_MAX) this.dots.splice(0, this.dots.length - DOTS_MAX);
  }

  clear(): void {
    this.dots = [];
    this.render(0);
  }

  /** Draw the dots at wall time `wallMs`; finished ones are dropped. */
  render(wallMs: number): void {
    this.dots = this.dots.filter((dot) => wallMs - dot.startMs < TRAVEL_MS);
    let used = 0;
    for (const dot of this.dots) {
      const progress = (wallMs - dot.startMs) / TRAVEL_MS;
      if (progress < 0) continue;
      const circle = this.circle(used++);
      const along = dot.dropped ? Math.min(progress * 2, 1) * 0.5 : progress;
      // Two lanes: each direction keeps to its right, so requests and responses do not collide.
      const dx = dot.to.x - dot.from.x;
      const dy = dot.to.y - dot.from.y;
      const length = Math.hypot(dx, dy) || 1;
      const lane = this.radius * 1.1;
      circle.setAttribute('cx', String(dot.from.x + dx * along - (dy / length) * lane));
      circle.setAttribute('cy', String(dot.from.y + dy * along + (dx / length) * lane));
      if (dot.dropped) {
        circle.setAttribute('r', String(this.radius * (1 + 2 * progress)));
        circle.setAttribute('fill', 'none');
        circle.setAttribute('stroke', COLORS.failed);
        circle.setAttribute('opacity', String(1 - progress));
      } else {
        circle.setAttribute('r', String(this.radius));
        circle.setAttribute('fill', dot.color);
        circle.setAttribute('stroke', 'white');
        circle.setAttribute('opacity', '1');
      }
      circle.style.display = '';
    }
    for (let i = used; i < this.pool.length; i++) this.pool[i]!.style.display = 'none';
  }

  private circle(i: number): SVGCircleElement {
    while (this.pool.length <= i) {
      const circle = this.group.append('circle').attr('class', 'dot').attr('stroke-width', 0.75).node()!;
      this.pool.push(circle);
    }
    return this.pool[i]!;
  }
}

function colorOf(m: Movement): string {
  if (m.kind === 'request') return COLORS.request;
  if (m.kind === 'response') return m.outcome === 'ok' ? COLORS.ok : COLORS.failed;
  return OKABE_ITO.reddishPurple;
}

/** The dots' legend entries, for the view's caption. */
export const MOVEMENT_LEGEND: readonly { label: string; color: string; hollow?: boolean }[] = [
  { label: 'request', color: COLORS.request },
  { label: 'ok response', color: COLORS.ok },
  { label: 'failed response', color: COLORS.failed },
  { label: 'dropped', color: COLORS.failed, hollow: true },
];
