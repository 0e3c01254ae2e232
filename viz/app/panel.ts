/**
 * One run on screen: a worker with its SimSession, the page's RunState, and the views in
 * their cards. Single mode has one panel; Compare has two, driven in lockstep by the
 * Player. A panel never runs the simulation itself; it asks its worker and applies the
 * frames it gets back.
 */
import { wrap, type Remote } from 'comlink';
import type { Topology } from '../../models/observe/observe';
import type { ScenarioProblem } from '../../models/scenario/errors';
import { svgText, svgToPng } from '../views/svg-export';
import { viewsFor, type View, type ViewContext } from '../views/view';
import type { AdvanceOptions, Frame, LoadReply, LoadRequest, SimSession } from '../worker/sim-session';
import { download, downloadText, slug } from './download';
import { count, percent } from '../views/format';
import { RunState } from '../views/run-state';

/** What a panel needs from the app. */
export interface PanelHooks {
  seek(tMs: number): void;
  speed(): number;
  failed(error: unknown): void;
}

/** Wall time between latency digests while playing (a histogram merge in the worker). */
const LATENCY_EVERY_MS = 250;

export class Panel {
  readonly element: HTMLElement;
  state: RunState | undefined;
  private readonly worker: Worker;
  private readonly session: Remote<SimSession>;
  private readonly cards: HTMLElement;
  private readonly counters: HTMLElement;
  private views: View[] = [];
  private resizeObserver: ResizeObserver | undefined;
  private lastLatencyMs = -Infinity;
  private scenarioName = '';

  constructor(host: HTMLElement, readonly id: string, label: string, private readonly hooks: PanelHooks) {
    this.element = document.createElement('section');
    this.element.className = 'panel';
    this.element.dataset.panel = id;
    this.element.innerHTML = `<header class="panel-head"><span class="panel-label"></span><span class="counters"></span></header><div class="cards"></div>`;
    this.element.querySelector('.panel-label')!.textContent = label;
    this.counters = this.element.querySelector('.counters')!;
    this.cards = this.element.querySelector('.cards')!;
    host.appendChild(this.element);
    this.worker = new Worker(new URL('../worker/sim-worker.ts', import.meta.url), { type: 'module', name: `meshsim-${id}` });
    this.session = wrap<SimSession>(this.worker);
    // A worker that fails to start never answers: say so rather than wait silently.
    this.worker.addEventListener('error', (event) => hooks.failed(new Error(`viz: the simulation worker failed: ${event.message || 'it could not start'}`)));
  }

  setLabel(label: string): void {
    this.element.querySelector('.panel-label')!.textContent = label;
  }

  /** Load a scenario in the worker; on success, build the views for its topology. */
  async load(request: LoadRequest): Promise<LoadReply> {
    const reply = await this.session.load(request);
    if (reply.ok) {
      this.scenarioName = reply.topology.scenario;
      this.build(reply.topology);
    }
    return reply;
  }

  /** The scenario's problems as the CLI reports them (none when valid). */
  validate(text: string, file: string, overrides: LoadRequest['overrides'] = []): Promise<readonly ScenarioProblem[]> {
    return this.session.validate(text, file, overrides);
  }

  async advance(untilMs: number, options: AdvanceOptions = {}): Promise<Frame> {
    const now = performance.now();
    const latency = options.latency ?? now - this.lastLatencyMs >= LATENCY_EVERY_MS;
    if (latency) this.lastLatencyMs = now;
    return this.apply(await this.session.advance(untilMs, { ...options, latency }));
  }

  async seek(tMs: number): Promise<Frame> {
    return this.apply(await this.session.seek(tMs));
  }

  async restart(): Promise<Frame> {
    return this.apply(await this.session.restart());
  }

  resultJson(): Promise<string> {
    return this.session.resultJson();
  }

  /** Redraw every view from the state (after frames). */
  render(): void {
    const state = this.state;
    if (state === undefined) return;
    for (const view of this.views) view.update(state);
    this.element.dataset.time = String(state.tMs);
    const c = state.counters;
    const ended = c.completed + c.failed;
    const warmup = state.tMs < state.topology.warmupMs ? 'warm-up, not measured yet · ' : '';
    this.counters.textContent = state.topology.clients.length === 0
      ? `${warmup}no clients, so no requests: the cluster's own view is below`
      : `${warmup}sent ${count(c.sent)} · ok ${count(c.completed)} · failed ${count(c.failed)} (${percent(ended === 0 ? NaN : c.failed / ended)})` +
      ` · timed out ${count(c.timedOut)} · in flight ${count(c.inFlight)} · dropped ${count(c.dropped)} · ${count(state.events)} events`;
    this.counters.title = this.counters.textContent;
  }

  animate(wallMs: number): void {
    for (const view of this.views) view.animate?.(wallMs);
  }

  /** Download the chart of card `index` as SVG or PNG. */
  async exportView(index: number, format: 'svg' | 'png'): Promise<void> {
    const view = this.views[index];
    const card = this.cards.children[index] as HTMLElement | undefined;
    if (view === undefined || card === undefined) return;
    const name = `${slug(this.scenarioName)}-${this.id.toLowerCase()}-${card.dataset.view}`;
    const svg = view.exportSvg();
    if (format === 'svg') downloadText(svgText(svg), `${name}.svg`, 'image/svg+xml');
    else download(await svgToPng(svg), `${name}.png`);
  }

  dispose(): void {
    this.resizeObserver?.disconnect();
    for (const view of this.views) view.dispose?.();
    this.worker.terminate();
    this.element.remove();
  }

  private apply(frame: Frame): Frame {
    this.state?.apply(frame);
    return frame;
  }

  private build(topology: Topology): void {
    this.resizeObserver?.disconnect();
    for (const view of this.views) view.dispose?.();
    this.cards.innerHTML = '';
    this.state = new RunState(topology);
    const context: ViewContext = { topology, seek: (t) => this.hooks.seek(t), speed: () => this.hooks.speed() };
    const bodies = new Map<Element, View>();
    this.resizeObserver = new ResizeObserver((entries) => {
      for (const entry of entries) bodies.get(entry.target)?.resize?.();
    });
    this.views = viewsFor(topology).map((spec, index) => {
      const card = document.createElement('article');
      card.className = `card span-${spec.span}`;
      card.dataset.view = spec.id;
      const actions = spec.exportable === false ? '' :
        `<button type="button" data-export="svg" title="Download this chart as SVG">SVG</button>` +
        `<button type="button" data-export="png" title="Download this chart as PNG">PNG</button>`;
      card.innerHTML = `<header><h3></h3><span class="caption"></span><span class="actions">${actions}</span></header><div class="card-body"></div>`;
      card.querySelector('h3')!.textContent = spec.title;
      card.querySelector('.caption')!.textContent = spec.caption;
      for (const button of card.querySelectorAll<HTMLButtonElement>('[data-export]')) {
        button.addEventListener('click', () => void this.exportView(index, button.dataset.export as 'svg' | 'png'));
      }
      this.cards.appendChild(card);
      const body = card.querySelector<HTMLElement>('.card-body')!;
      const view = spec.create(body, context);
      bodies.set(body, view);
      return view;
    });
    // Observe after the first layout, so the initial callbacks do not rebuild twice.
    requestAnimationFrame(() => {
      for (const body of bodies.keys()) this.resizeObserver?.observe(body);
    });
  }
}
