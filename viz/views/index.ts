// The built-in views, in the order they appear in a panel (each only for the runs its
// `applies` accepts); see docs/viz.md, "Adding a view".
import { bTreeView } from './kv/btree-view';
import { gossipView } from './gossip/gossip-view';
import { heatStripView } from './heat-strip-view';
import { latencyView } from './latency-view';
import { ringView } from './kv/ring-view';
import { timeSeriesView } from './timeseries-view';
import { topologyView } from './topology-view';
import { registerView } from './view';

export function registerBuiltInViews(): void {
  for (const spec of [gossipView, topologyView, timeSeriesView, latencyView, heatStripView, ringView, bTreeView]) registerView(spec);
}

export { registerView, viewsFor, type View, type ViewContext, type ViewSpec } from './view';
