/**
 * The styles of every chart, in one string: injected into the page once and copied into
 * each exported SVG, so an exported chart looks the same outside the app.
 */
import { COLORS } from './palette';

export const CHART_CSS = `
svg.chart { font: 11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: ${COLORS.ink}; }
svg.chart text { fill: ${COLORS.ink}; }
svg.chart .axis text { fill: ${COLORS.muted}; }
svg.chart .axis path, svg.chart .axis line { stroke: #c4c8cf; }
svg.chart .grid line { stroke: ${COLORS.grid}; }
svg.chart .grid path { display: none; }
svg.chart .label { font-weight: 600; }
svg.chart .muted { fill: ${COLORS.muted}; }
svg.chart .group-box { fill: #f8fafc; stroke: #d7dce3; }
svg.chart .group-title { font-weight: 600; fill: ${COLORS.ink}; }
svg.chart .edge { fill: none; stroke: #b9c0ca; stroke-width: 1; }
svg.chart .edge.bundled { stroke-width: 6; stroke-opacity: 0.35; }
svg.chart .edge.absent { display: none; }
svg.chart.ring.focus path.vnodes:not(.on) { stroke-opacity: 0.12; }
svg.chart.ring .shares rect.share, svg.chart.ring .shares text { pointer-events: none; }
svg.chart .node rect.body { stroke: #5b6472; stroke-width: 1; }
svg.chart .node.slow rect.body { stroke: #E69F00; stroke-width: 3; stroke-dasharray: 5 2; }
svg.chart .node.partitioned rect.body { stroke: #CC79A7; stroke-width: 3; stroke-dasharray: 1.5 2.5; }
svg.chart .node .cross { stroke: #111; stroke-width: 2; display: none; }
svg.chart .node.crashed .cross { display: inline; }
svg.chart .node.absent rect.body { stroke: ${COLORS.muted}; stroke-dasharray: 3 2; }
svg.chart .node.absent text { fill: ${COLORS.muted}; }
svg.chart .node .queue { fill: #E69F00; }
svg.chart .node text { pointer-events: none; font-size: 10px; }
svg.chart .node.crashed text { paint-order: stroke; stroke: #fff; stroke-width: 3px; font-weight: 600; }
svg.chart .client circle { fill: #fff; stroke: #0072B2; stroke-width: 2; }
svg.chart .cursor { stroke: ${COLORS.ink}; stroke-width: 1; stroke-dasharray: 3 2; }
svg.chart .series { fill: none; stroke-width: 1.6; }
svg.chart .series.p50, svg.chart .series.p99 { stroke-linecap: round; } /* a lone window between gaps still shows, as a dot */
svg.chart .fault-label { font-size: 10px; }
svg.chart .bar { fill: #56B4E9; }
`;
