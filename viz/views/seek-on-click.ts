import { pointer, type Selection } from 'd3';
import type { ViewContext } from './view';

/**
 * A click on a time chart seeks the run to the time under the pointer. `timeAt` maps the
 * click (in the svg's pixels) to a time, or to undefined off the time axis.
 */
export function seekOnClick(
  svg: Selection<SVGSVGElement, unknown, null, undefined>,
  context: ViewContext,
  timeAt: (px: number, py: number) => number | undefined,
): void {
  svg.on('click', (event: MouseEvent) => {
    const [px, py] = pointer(event, svg.node());
    const t = timeAt(px, py);
    if (t !== undefined && t >= 0 && t <= context.topology.durationMs) context.seek(t);
  });
}
