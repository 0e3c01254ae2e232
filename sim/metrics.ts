import type { Metrics } from './env';
import { Histogram } from './histogram';

/**
 * Named counters, gauges and histograms for components (retries sent, ejections, probe
 * round trips...). Memory grows with the number of names, never with observations.
 */
export class MetricsRegistry implements Metrics {
  readonly counters = new Map<string, number>();
  readonly gauges = new Map<string, number>();
  readonly histograms = new Map<string, Histogram>();
  /** False during warm-up: observations are dropped so they do not bias results. */
  enabled = true;

  count(name: string, by = 1): void {
    if (!this.enabled) return;
    this.counters.set(name, (this.counters.get(name) ?? 0) + by);
  }

  gauge(name: string, value: number): void {
    this.gauges.set(name, value);
  }

  observe(name: string, value: number): void {
    if (!this.enabled) return;
    let h = this.histograms.get(name);
    if (h === undefined) {
      h = new Histogram();
      this.histograms.set(name, h);
    }
    h.record(value);
  }

  counter(name: string): number {
    return this.counters.get(name) ?? 0;
  }
}
