/**
 * Compare: variant B is the scenario with one override (`path=value`, as the CLI's
 * overrides), run with the same seed, so both see the same requests (common random
 * numbers) and any difference comes from the change. The bar also sums up A against B.
 */
import type { Topology } from '../../models/observe/observe';
import type { ScenarioOverride } from '../../models/scenario/overrides';
import { latency, percent } from '../views/format';
import type { RunState } from '../views/run-state';

export interface CompareActions {
  apply(override: ScenarioOverride): void;
  close(): void;
}

export class CompareBar {
  readonly element: HTMLElement;
  private readonly path: HTMLInputElement;
  private readonly value: HTMLInputElement;
  private readonly summary: HTMLTableElement;

  constructor(host: HTMLElement, private readonly policies: readonly string[], private readonly actions: CompareActions) {
    this.element = document.createElement('div');
    this.element.className = 'compare-bar';
    this.element.hidden = true;
    this.element.innerHTML = `
      <strong>Compare</strong><span>A = as written · B = with</span>
      <input data-ref="path" list="compare-paths" size="30" aria-label="Override path" placeholder="clients.web.balancer.policy" />
      <span>=</span>
      <input data-ref="value" list="compare-values" size="16" aria-label="Override value" placeholder="least-request" />
      <button type="button" class="primary" data-ref="apply">Apply</button>
      <button type="button" data-ref="close" title="Back to one panel (C)">Close</button>
      <datalist id="compare-paths"></datalist><datalist id="compare-values"></datalist>
      <table class="compare-summary"></table>`;
    this.path = this.element.querySelector('[data-ref="path"]')!;
    this.value = this.element.querySelector('[data-ref="value"]')!;
    this.summary = this.element.querySelector('table')!;
    this.element.querySelector('[data-ref="apply"]')!.addEventListener('click', () => this.submit());
    this.element.querySelector('[data-ref="close"]')!.addEventListener('click', () => this.actions.close());
    for (const input of [this.path, this.value]) input.addEventListener('keydown', (e) => e.key === 'Enter' && this.submit());
    host.appendChild(this.element);
  }

  /** Suggest overrides for this topology; prefill a policy change if the fields are empty. */
  suggest(topology: Topology, current: ScenarioOverride | undefined): void {
    const paths = [
      ...topology.clients.map((c) => `clients.${c.name}.balancer.policy`),
      ...topology.services.filter((s) => s.calls.length > 0).map((s) => `services.${s.name}.balancer.policy`),
      ...topology.services.map((s) => `services.${s.name}.replicas`),
      ...topology.services.map((s) => `services.${s.name}.cores`),
    ];
    this.element.querySelector('#compare-paths')!.innerHTML = paths.map((p) => `<option value="${p}"></option>`).join('');
    this.element.querySelector('#compare-values')!.innerHTML = this.policies.map((p) => `<option value="${p}"></option>`).join('');
    if (current !== undefined) {
      this.path.value = current.path;
      this.value.value = current.value;
    } else if (this.path.value === '' || !paths.includes(this.path.value)) {
      const client = topology.clients[0];
      if (client !== undefined) {
        this.path.value = `clients.${client.name}.balancer.policy`;
        this.value.value = client.policy === 'least-request' ? 'random' : 'least-request';
      }
    }
  }

  /** The override in the fields. */
  override(): ScenarioOverride | undefined {
    const path = this.path.value.trim();
    const value = this.value.value.trim();
    return path === '' || value === '' ? undefined : { path, value };
  }

  /** A against B on the headline numbers. */
  showSummary(a: RunState | undefined, b: RunState | undefined): void {
    if (a === undefined || b === undefined) {
      this.summary.innerHTML = '';
      return;
    }
    const errorRate = (s: RunState) => {
      const ended = s.counters.completed + s.counters.failed;
      return ended === 0 ? NaN : s.counters.failed / ended;
    };
    const rows: [string, (s: RunState) => string][] = [
      ['p50 ok', (s) => latency(s.latency?.p50Ms ?? NaN)],
      ['p99 ok', (s) => latency(s.latency?.p99Ms ?? NaN)],
      ['errors', (s) => percent(errorRate(s))],
    ];
    // Latency counts successful requests only: a variant that times out its slowest
    // requests can show a lower p99, so the error rate sits beside it.
    this.summary.title = 'p50 and p99 (ms) of successful requests since the warm-up; errors = failed / (ok + failed)';
    this.summary.innerHTML = `<tr><th></th>${rows.map(([name]) => `<th>${name}</th>`).join('')}</tr>` +
      [['A', a], ['B', b]].map(([label, s]) => `<tr><th>${label as string}</th>${rows.map(([, f]) => `<td>${f(s as RunState)}</td>`).join('')}</tr>`).join('');
  }

  private submit(): void {
    const override = this.override();
    if (override !== undefined) this.actions.apply(override);
  }
}
