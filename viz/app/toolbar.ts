/**
 * The toolbar: scenario, seed, playback, speed, and the Compare / Share / Export
 * buttons. It only shows state and forwards clicks; the app owns the behaviour.
 */
import { duration, speed as speedText } from '../views/format';
import type { LibraryEntry } from './scenario-library';
import { SPEED_MAX, SPEED_MIN } from './player';
import { parseSeed } from '../worker/seed';

export interface ToolbarActions {
  openEntry(file: string): void;
  openFile(file: File): void;
  toggleEditor(): void;
  setSeed(seed: number): void;
  /** The seed field holds no seed (`message` says why); the field is back to the seed in use. */
  refuseSeed(message: string): void;
  restart(): void;
  step(direction: 1 | -1): void;
  toggle(): void;
  end(): void;
  setSpeed(factor: number): void;
  setMax(max: boolean): void;
  toggleCompare(): void;
  share(): void;
  exportJson(): void;
  help(): void;
}

const html = String.raw;

/** Inline icons: the media-control characters (⏮ ⏭) are missing from many system fonts. */
const ICONS = {
  restart: 'M2 3h2v10H2zM9 3v10L4 8zM15 3v10L10 8z',
  back: 'M3 3h2v10H3zM13 3v10L6 8z',
  play: 'M4 2v12l10-6z',
  pause: 'M4 2h3v12H4zM9 2h3v12H9z',
  forward: 'M3 3v10l7-5zM11 3h2v10h-2z',
  end: 'M1 3v10l5-5zM7 3v10l5-5zM12 3h2v10h-2z',
};
const icon = (name: keyof typeof ICONS): string => `<svg class="icon" viewBox="0 0 16 16" aria-hidden="true"><path d="${ICONS[name]}"/></svg>`;

export class Toolbar {
  readonly element: HTMLElement;
  private readonly refs: Record<string, HTMLElement> = {};
  /** The seed of the run on screen, put back in the field when what is typed is refused. */
  private seedInUse: number | undefined;

  constructor(host: HTMLElement, library: readonly LibraryEntry[], private readonly actions: ToolbarActions) {
    this.element = document.createElement('header');
    this.element.className = 'toolbar';
    this.element.innerHTML = html`
      <span class="brand" title="meshsim viz">meshsim</span>
      <select data-ref="scenario" title="Bundled scenarios" aria-label="Scenario"></select>
      <label class="button file" title="Open a scenario file (or drop one on the page)">Open…<input data-ref="file" type="file" accept=".yaml,.yml,text/yaml" hidden /></label>
      <button type="button" data-ref="editor" title="Show or hide the scenario editor (E)">Edit</button>
      <label class="field">seed <input data-ref="seed" type="text" inputmode="numeric" autocomplete="off" spellcheck="false" title="Master seed, a whole number ≥ 0: same seed, same run" /></label>
      <span class="group playback">
        <button type="button" data-ref="restart" title="Back to 0 (Home)" aria-label="Back to the start">${icon('restart')}</button>
        <button type="button" data-ref="back" title="Step back one interval (←)" aria-label="Step back">${icon('back')}</button>
        <button type="button" data-ref="play" class="primary" title="Play / pause (Space)">${icon('play')} Play</button>
        <button type="button" data-ref="forward" title="Step one interval (→)" aria-label="Step forward">${icon('forward')}</button>
        <button type="button" data-ref="end" title="Run to the end (End)" aria-label="Run to the end">${icon('end')}</button>
      </span>
      <span class="group speed">
        <input data-ref="speed" type="range" min="0" max="1000" step="1" title="Speed: simulated time per wall time (+ / −)" />
        <output data-ref="speedText">1×</output>
        <label class="check" title="As fast as possible (M)"><input data-ref="max" type="checkbox" /> max</label>
      </span>
      <output class="time" data-ref="time">0 s</output>
      <span class="spacer"></span>
      <button type="button" data-ref="compare" title="Compare two variants side by side (C)">Compare</button>
      <button type="button" data-ref="share" title="Copy a link to this scenario, seed and moment (S)">Share</button>
      <button type="button" data-ref="json" title="Download the result JSON, as meshsim run --format json (J)">JSON</button>
      <button type="button" data-ref="help" title="Keyboard shortcuts (?)">?</button>`;
    for (const element of this.element.querySelectorAll<HTMLElement>('[data-ref]')) this.refs[element.dataset.ref!] = element;
    this.fillLibrary(library);
    this.wire();
    host.appendChild(this.element);
  }

  /** Reflect the player and run state. */
  show(state: { playing: boolean; speed: number; max: boolean; tMs: number; durationMs: number; seed?: number; compare: boolean; editor: boolean }): void {
    const play = this.refs.play as HTMLButtonElement;
    play.innerHTML = state.playing ? `${icon('pause')} Pause` : `${icon('play')} Play`;
    play.setAttribute('aria-pressed', String(state.playing));
    (this.refs.speed as HTMLInputElement).value = String(toSlider(state.speed));
    (this.refs.speed as HTMLInputElement).disabled = state.max;
    this.refs.speedText!.textContent = state.max ? 'max' : speedText(state.speed);
    (this.refs.max as HTMLInputElement).checked = state.max;
    this.refs.time!.textContent = `${duration(state.tMs)} / ${duration(state.durationMs)}`;
    const seed = this.refs.seed as HTMLInputElement;
    this.seedInUse = state.seed;
    if (state.seed !== undefined && document.activeElement !== seed) seed.value = String(state.seed);
    this.refs.compare!.setAttribute('aria-pressed', String(state.compare));
    this.refs.editor!.setAttribute('aria-pressed', String(state.editor));
  }

  /** Select `file` in the list, or nothing for a file not in the library. */
  selectEntry(file: string): void {
    const select = this.refs.scenario as HTMLSelectElement;
    select.value = [...select.options].some((o) => o.value === file) ? file : '';
  }

  private fillLibrary(library: readonly LibraryEntry[]): void {
    const select = this.refs.scenario as HTMLSelectElement;
    select.appendChild(new Option('(your file)', ''));
    select.options[0]!.disabled = true;
    for (const group of ['scenarios', 'examples'] as const) {
      const optgroup = document.createElement('optgroup');
      optgroup.label = group === 'scenarios' ? 'scenarios/' : 'viz examples';
      for (const entry of library.filter((e) => e.group === group)) {
        const option = new Option(entry.file.replace(/\.ya?ml$/, ''), entry.file);
        option.title = entry.about;
        optgroup.appendChild(option);
      }
      select.appendChild(optgroup);
    }
  }

  private wire(): void {
    const a = this.actions;
    const on = (ref: string, event: string, fn: (e: Event) => void) => this.refs[ref]!.addEventListener(event, fn);
    on('scenario', 'change', () => a.openEntry((this.refs.scenario as HTMLSelectElement).value));
    on('file', 'change', () => {
      const input = this.refs.file as HTMLInputElement;
      const file = input.files?.[0];
      if (file !== undefined) a.openFile(file);
      input.value = '';
    });
    on('editor', 'click', () => a.toggleEditor());
    on('seed', 'change', () => {
      const field = this.refs.seed as HTMLInputElement;
      const reading = parseSeed(field.value);
      if (reading.ok) return a.setSeed(reading.seed);
      field.value = this.seedInUse === undefined ? '' : String(this.seedInUse);
      a.refuseSeed(reading.message);
    });
    // Leaving the field shows the seed as the run has it: " 007" becomes "7".
    on('seed', 'blur', () => {
      const field = this.refs.seed as HTMLInputElement;
      const reading = parseSeed(field.value);
      const seed = reading.ok ? reading.seed : this.seedInUse;
      field.value = seed === undefined ? '' : String(seed);
    });
    on('restart', 'click', () => a.restart());
    on('back', 'click', () => a.step(-1));
    on('play', 'click', () => a.toggle());
    on('forward', 'click', () => a.step(1));
    on('end', 'click', () => a.end());
    on('speed', 'input', () => a.setSpeed(fromSlider(Number((this.refs.speed as HTMLInputElement).value))));
    on('max', 'change', () => a.setMax((this.refs.max as HTMLInputElement).checked));
    on('compare', 'click', () => a.toggleCompare());
    on('share', 'click', () => a.share());
    on('json', 'click', () => a.exportJson());
    on('help', 'click', () => a.help());
  }
}

// The speed slider is logarithmic: 0 → 0.1×, 1000 → 1000×.
const LOG_MIN = Math.log10(SPEED_MIN);
const LOG_SPAN = Math.log10(SPEED_MAX) - LOG_MIN;

function toSlider(factor: number): number {
  return Math.round(((Math.log10(factor) - LOG_MIN) / LOG_SPAN) * 1000);
}

/** Slider position to a speed, rounded to 1, 2 or 5 times a power of ten. */
function fromSlider(position: number): number {
  const raw = 10 ** (LOG_MIN + (position / 1000) * LOG_SPAN);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const nice = [1, 2, 5, 10].reduce((best, m) => (Math.abs(m * magnitude - raw) < Math.abs(best * magnitude - raw) ? m : best), 1);
  return Math.min(SPEED_MAX, Math.max(SPEED_MIN, nice * magnitude));
}
