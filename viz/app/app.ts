/**
 * The app: the toolbar, the editor, the timeline and one or two panels, and what ties
 * them together (opening scenarios, seeds, Compare, share links, exports, shortcuts).
 *
 * State that matters lives in the workers (the runs) and in the URL hash (what to run);
 * the page holds only what it draws. `#app` carries `data-time`, `data-playing`,
 * `data-done` and `data-busy` so tests and scripts can follow the run without hooks.
 */
import { policyNames } from '../../components/balancer/index';
import type { ScenarioOverride } from '../../models/scenario/overrides';
import { CompareBar } from './compare-bar';
import { Editor } from './editor';
import { Timeline } from './timeline';
import { Toolbar } from './toolbar';
import { downloadText, slug } from './download';
import { HelpOverlay, installShortcuts, type Shortcut } from './keyboard';
import { Panel } from './panel';
import { Player } from './player';
import { aboutOf, DEFAULT_ENTRY, LIBRARY } from './scenario-library';
import { decodeShare, encodeShare, type SharedState } from './share';

interface OpenOptions {
  readonly seed?: number;
  readonly compare?: ScenarioOverride;
  readonly tMs?: number;
}

export class App {
  private readonly root: HTMLElement;
  private readonly toolbar: Toolbar;
  private readonly editor: Editor;
  private readonly timeline: Timeline;
  private readonly compareBar: CompareBar;
  private readonly help: HelpOverlay;
  private readonly banner: HTMLElement;
  private readonly about: HTMLDetailsElement;
  private readonly panelsHost: HTMLElement;
  private readonly player: Player;
  private panels: Panel[] = [];
  private text = '';
  private file = '';
  private seed: number | undefined;
  private compare: ScenarioOverride | undefined;
  private editorVisible = false;
  /** The hash this page wrote last: a different one (a link pasted into the address bar) is opened. */
  private writtenHash = '';

  constructor(root: HTMLElement) {
    this.root = root;
    this.player = new Player({ panels: () => this.panels, changed: () => this.changed(), failed: (error) => this.fail(error) });
    this.toolbar = new Toolbar(root, LIBRARY, this.toolbarActions());
    this.compareBar = new CompareBar(root, policyNames(), {
      apply: (override) => void this.open(this.text, this.file, { seed: this.seed, compare: override }),
      close: () => void this.open(this.text, this.file, { seed: this.seed }),
    });
    this.timeline = new Timeline(root, (t) => this.player.seek(t));
    this.banner = this.element('div', 'banner', root);
    this.banner.setAttribute('role', 'alert');
    this.banner.hidden = true;
    this.banner.addEventListener('click', () => (this.banner.hidden = true));
    this.about = this.element('details', 'about', root) as HTMLDetailsElement;
    const main = this.element('main', 'main', root);
    this.editor = new Editor(main, { run: (text, file) => void this.open(text, file, { seed: this.seed, compare: this.compare }), check: (text, file) => void this.check(text, file) });
    this.editor.element.hidden = true;
    this.panelsHost = this.element('div', 'panels', main);
    const shortcuts = this.shortcuts();
    this.help = new HelpOverlay(root, shortcuts);
    installShortcuts(shortcuts);
    this.installDropAndPaste();
    window.addEventListener('hashchange', () => {
      if (location.hash !== this.writtenHash) void decodeShare(location.hash).then((shared) => shared && this.openShared(shared)).catch((error) => this.fail(error));
    });
    this.player.start();
  }

  /** Open what the URL asks for (a share link, a preloaded file), or the default scenario. */
  async start(): Promise<void> {
    try {
      const shared = await decodeShare(location.hash);
      if (shared !== undefined) return await this.openShared(shared);
      const preload = new URLSearchParams(location.search).get('preload');
      if (preload !== null) {
        const response = await fetch(`preload/${encodeURIComponent(preload)}`);
        if (!response.ok) throw new Error(`viz: cannot load the preloaded file ${preload} (HTTP ${response.status})`);
        return await this.open(await response.text(), preload, {});
      }
    } catch (error) {
      this.fail(error);
    }
    if (DEFAULT_ENTRY !== undefined) await this.open(DEFAULT_ENTRY.text, DEFAULT_ENTRY.file, {});
  }

  /**
   * Load `text` into the panel(s): A as written, B with the Compare override. Nothing
   * running is touched unless the scenario is valid; its problems go to the editor.
   */
  async open(text: string, file: string, options: OpenOptions): Promise<void> {
    this.player.pause();
    await this.player.idle();
    this.editor.setText(text, file);
    this.toolbar.selectEntry(file);
    const probe = this.panels[0] ?? this.addPanel('A');
    const overrides = options.compare === undefined ? [] : [options.compare];
    const problems = [...(await probe.validate(text, file)), ...(overrides.length > 0 ? await probe.validate(text, file, overrides) : [])];
    const unique = problems.filter((p, i) => problems.findIndex((q) => q.line === p.line && q.column === p.column && q.message === p.message) === i);
    this.editor.showProblems(unique);
    if (unique.length > 0) {
      this.setEditor(true);
      this.fail(new Error(`${file}: ${unique.length} problem(s); see the editor`));
      return;
    }
    this.banner.hidden = true;
    this.setPanels(options.compare === undefined ? 1 : 2);
    const replies = await Promise.all(this.panels.map((panel, i) => panel.load({ text, file, seed: options.seed, overrides: i === 0 ? [] : overrides })));
    const first = replies[0]!;
    if (!first.ok) return this.editor.showProblems(first.problems);
    this.text = text;
    this.file = file;
    this.seed = first.topology.seed;
    this.compare = options.compare;
    this.panels[0]!.setLabel(options.compare === undefined ? `${first.topology.scenario}` : `A · ${first.topology.scenario} as written`);
    this.panels[1]?.setLabel(`B · ${options.compare!.path} = ${options.compare!.value}`);
    this.timeline.setTopology(first.topology);
    this.showAbout(first.topology.scenario, text);
    document.title = `meshsim viz · ${first.topology.scenario}`;
    this.compareBar.suggest(first.topology, options.compare);
    this.compareBar.element.hidden = options.compare === undefined && this.compareBar.element.hidden;
    this.root.classList.toggle('comparing', options.compare !== undefined);
    this.player.seek(options.tMs ?? 0);
    await this.player.idle();
    // The file alone can say a service cannot keep up: say so before the queue shows it.
    if (first.topology.warnings.length > 0) this.notify(first.topology.warnings.map((w) => `⚠ ${w}`).join('\n'));
    void this.writeHash(false);
  }

  // --- actions ---------------------------------------------------------------------------

  private toolbarActions(): ConstructorParameters<typeof Toolbar>[2] {
    return {
      openEntry: (file) => {
        const entry = LIBRARY.find((e) => e.file === file);
        if (entry !== undefined) void this.openOther(entry.text, entry.file);
      },
      openFile: (file) => void file.text().then((text) => this.openOther(text, file.name)),
      toggleEditor: () => this.setEditor(!this.editorVisible),
      setSeed: (seed) => void this.open(this.text, this.file, { seed, compare: this.compare }),
      refuseSeed: (message) => this.fail(new Error(this.seed === undefined ? message : `${message}; still running seed ${this.seed}`)),
      restart: () => this.player.seek(0),
      step: (direction) => this.player.step(direction),
      toggle: () => this.player.toggle(),
      end: () => this.player.seek(this.player.durationMs()),
      setSpeed: (factor) => this.player.setSpeed(factor),
      setMax: (max) => this.player.setMax(max),
      toggleCompare: () => this.toggleCompare(),
      share: () => void this.writeHash(true),
      exportJson: () => void this.exportJson(),
      help: () => this.help.toggle(),
    };
  }

  private shortcuts(): Shortcut[] {
    const p = this.player;
    return [
      { keys: [' '], label: 'Space', description: 'play / pause', run: () => p.toggle() },
      { keys: ['ArrowRight'], label: '→', description: 'step forward one sampling interval', shift: false, run: () => p.step(1) },
      { keys: ['ArrowLeft'], label: '←', description: 'step back one interval (re-runs to there)', shift: false, run: () => p.step(-1) },
      { keys: ['ArrowRight'], label: 'Shift+→', description: 'forward 10% of the run', shift: true, run: () => p.seek(p.now() + p.durationMs() / 10) },
      { keys: ['ArrowLeft'], label: 'Shift+←', description: 'back 10% of the run', shift: true, run: () => p.seek(p.now() - p.durationMs() / 10) },
      { keys: ['+', '='], label: '+', description: 'faster (×2)', run: () => p.setSpeed(p.speed * 2) },
      { keys: ['-', '_'], label: '−', description: 'slower (÷2)', run: () => p.setSpeed(p.speed / 2) },
      { keys: ['m', 'M'], label: 'M', description: 'as fast as possible on / off', run: () => p.setMax(!p.max) },
      { keys: ['Home', '0'], label: 'Home', description: 'back to the start', run: () => p.seek(0) },
      { keys: ['End'], label: 'End', description: 'run to the end', run: () => p.seek(p.durationMs()) },
      { keys: ['c', 'C'], label: 'C', description: 'Compare on / off', run: () => this.toggleCompare() },
      { keys: ['e', 'E'], label: 'E', description: 'editor on / off', run: () => this.setEditor(!this.editorVisible) },
      { keys: ['s', 'S'], label: 'S', description: 'copy a share link', run: () => void this.writeHash(true) },
      { keys: ['j', 'J'], label: 'J', description: 'download the result JSON', run: () => void this.exportJson() },
      { keys: ['?'], label: '?', description: 'this help', run: () => this.help.toggle() },
      { keys: ['Escape'], label: 'Esc', description: 'close the help', run: () => this.help.toggle(false) },
    ];
  }

  private toggleCompare(): void {
    if (this.compare !== undefined) {
      this.compareBar.element.hidden = true;
      void this.open(this.text, this.file, { seed: this.seed });
      return;
    }
    this.compareBar.element.hidden = !this.compareBar.element.hidden;
    const override = this.compareBar.override();
    if (!this.compareBar.element.hidden && override !== undefined) void this.open(this.text, this.file, { seed: this.seed, compare: override });
  }

  private setEditor(visible: boolean): void {
    this.editorVisible = visible;
    this.editor.element.hidden = !visible;
    this.changed();
  }

  private async check(text: string, file: string): Promise<void> {
    const panel = this.panels[0];
    if (panel !== undefined) this.editor.showProblems(await panel.validate(text, file));
  }

  private async exportJson(): Promise<void> {
    try {
      for (const panel of this.panels) {
        const json = await panel.resultJson();
        const suffix = this.panels.length > 1 ? `-${panel.id.toLowerCase()}` : '';
        downloadText(json, `${slug(this.file.replace(/\.ya?ml$/, ''))}-seed${this.seed}${suffix}.json`, 'application/json');
      }
      this.toast('Result JSON downloaded (as meshsim run --format json)');
    } catch (error) {
      this.fail(error);
    }
  }

  /** Put the current state in the URL; with `copy`, also on the clipboard. */
  private async writeHash(copy: boolean): Promise<void> {
    if (this.text === '') return;
    const hash = await encodeShare({ text: this.text, file: this.file, seed: this.seed, tMs: copy ? this.player.now() : undefined, compare: this.compare });
    this.writtenHash = `#${hash}`;
    history.replaceState(null, '', `${location.pathname}${location.search}#${hash}`);
    if (!copy) return;
    this.root.dataset.shareUrl = location.href;
    try {
      await navigator.clipboard.writeText(location.href);
      this.toast('Link copied: it holds the scenario, the seed and this moment');
    } catch {
      this.toast('Link in the address bar: it holds the scenario, the seed and this moment');
    }
  }

  /**
   * Open another scenario. In Compare, the override of the previous one may not exist in
   * this one: open it alone first, then compare with the override the bar suggests for it.
   */
  private async openOther(text: string, file: string): Promise<void> {
    const comparing = this.compare !== undefined;
    await this.open(text, file, {});
    const override = this.compareBar.override();
    if (comparing && override !== undefined && this.file === file) await this.open(text, file, { seed: this.seed, compare: override });
  }

  private openShared(shared: SharedState): Promise<void> {
    return this.open(shared.text, shared.file, { seed: shared.seed, compare: shared.compare, tMs: shared.tMs });
  }

  // --- page plumbing ---------------------------------------------------------------------

  private setPanels(count: number): void {
    while (this.panels.length > count) this.panels.pop()!.dispose();
    while (this.panels.length < count) this.addPanel(this.panels.length === 0 ? 'A' : 'B');
  }

  private addPanel(id: string): Panel {
    const panel = new Panel(this.panelsHost, id, id, {
      seek: (t) => this.player.seek(t),
      speed: () => (this.player.max ? Infinity : this.player.speed),
      failed: (error) => this.fail(error),
    });
    this.panels.push(panel);
    return panel;
  }

  private changed(): void {
    const p = this.player;
    const t = p.now();
    this.toolbar.show({ playing: p.playing, speed: p.speed, max: p.max, tMs: t, durationMs: p.durationMs(), seed: this.seed, compare: this.compare !== undefined, editor: this.editorVisible });
    this.timeline.show(t);
    this.compareBar.showSummary(this.panels[0]?.state, this.panels[1]?.state);
    Object.assign(this.root.dataset, { time: String(t), playing: String(p.playing), done: String(p.done()), busy: String(p.working), panels: String(this.panels.length) });
  }

  private fail(error: unknown): void {
    this.notify(error instanceof Error ? error.message : String(error));
  }

  /** A line above the views, until clicked away or the next scenario opens. */
  private notify(message: string): void {
    this.banner.textContent = message;
    this.banner.hidden = false;
    this.changed();
  }

  /** The scenario's leading comment (what it shows, what to look at), folded. */
  private showAbout(name: string, text: string): void {
    const about = aboutOf(text);
    this.about.hidden = about === '';
    this.about.innerHTML = '<summary></summary><pre></pre>';
    this.about.querySelector('summary')!.textContent = about.split('\n')[0]!;
    this.about.title = `About ${name}: click to read what the scenario shows`;
    this.about.querySelector('pre')!.textContent = about;
  }

  private toast(message: string): void {
    const toast = this.element('div', 'toast', this.root);
    toast.textContent = message;
    setTimeout(() => toast.remove(), 3000);
  }

  private installDropAndPaste(): void {
    document.addEventListener('dragover', (event) => {
      event.preventDefault();
      this.root.classList.add('dropping');
    });
    document.addEventListener('dragleave', () => this.root.classList.remove('dropping'));
    document.addEventListener('drop', (event) => {
      event.preventDefault();
      this.root.classList.remove('dropping');
      const file = event.dataTransfer?.files[0];
      if (file !== undefined) void file.text().then((text) => this.openOther(text, file.name));
    });
    document.addEventListener('paste', (event) => {
      if ((event.target as HTMLElement).closest('input, textarea') !== null) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      if (/^\s*(#.*\n\s*)*name\s*:/m.test(text)) void this.openOther(text, 'pasted.yaml');
    });
  }

  private element(tag: string, className: string, host: HTMLElement): HTMLElement {
    const element = document.createElement(tag);
    element.className = className;
    host.appendChild(element);
    return element;
  }
}
