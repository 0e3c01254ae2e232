/**
 * The scenario editor: a text area with line numbers and the loader's problems listed
 * below it, each `file:line:column  path: message (hint: …)` exactly as the CLI prints
 * them; clicking a problem selects its place in the text. Ctrl+Enter (or Run) loads the
 * text; the problems refresh while typing.
 */
import { formatProblem, type ScenarioProblem } from '../../models/scenario/errors';

export interface EditorActions {
  /** Load the text (it may still have problems: the app reports them). */
  run(text: string, file: string): void;
  /** Validate while typing. */
  check(text: string, file: string): void;
}

const CHECK_DELAY_MS = 300;

export class Editor {
  readonly element: HTMLElement;
  private readonly textarea: HTMLTextAreaElement;
  private readonly gutter: HTMLElement;
  private readonly problemsList: HTMLOListElement;
  private readonly fileLabel: HTMLElement;
  private file = 'scenario.yaml';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: HTMLElement, private readonly actions: EditorActions) {
    this.element = document.createElement('aside');
    this.element.className = 'editor';
    this.element.innerHTML = `
      <header><strong>Scenario</strong> <span class="file"></span><span class="spacer"></span>
        <button type="button" class="primary" data-ref="run" title="Load this text (Ctrl+Enter)">Run</button></header>
      <div class="code"><pre class="gutter" aria-hidden="true"></pre><textarea spellcheck="false" aria-label="Scenario YAML" wrap="off"></textarea></div>
      <ol class="problems" aria-live="polite"></ol>
      <p class="hint">Drop a .yaml file anywhere, paste one, or pick one above. Format: docs/scenarios.md.</p>`;
    this.textarea = this.element.querySelector('textarea')!;
    this.gutter = this.element.querySelector('.gutter')!;
    this.problemsList = this.element.querySelector('.problems')!;
    this.fileLabel = this.element.querySelector('.file')!;
    this.element.querySelector('[data-ref="run"]')!.addEventListener('click', () => this.actions.run(this.text(), this.file));
    this.textarea.addEventListener('input', () => this.changed());
    this.textarea.addEventListener('scroll', () => (this.gutter.scrollTop = this.textarea.scrollTop));
    this.textarea.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this.actions.run(this.text(), this.file);
      }
    });
    host.appendChild(this.element);
  }

  text(): string {
    return this.textarea.value;
  }

  fileName(): string {
    return this.file;
  }

  setText(text: string, file: string): void {
    this.file = file;
    this.fileLabel.textContent = file;
    if (this.textarea.value !== text) this.textarea.value = text;
    this.renumber();
  }

  /** Show the loader's problems; an empty list shows "no problems". */
  showProblems(problems: readonly ScenarioProblem[]): void {
    this.problemsList.innerHTML = '';
    this.element.classList.toggle('invalid', problems.length > 0);
    for (const problem of problems) {
      const item = document.createElement('li');
      item.textContent = formatProblem(problem);
      item.title = problem.expected === undefined ? '' : `expected: ${problem.expected}`;
      if (problem.line > 0) {
        item.tabIndex = 0;
        item.addEventListener('click', () => this.select(problem.line, problem.column));
      }
      this.problemsList.appendChild(item);
    }
  }

  /** Put the cursor at `line`:`column` (1-based) and select to the end of the line. */
  select(line: number, column: number): void {
    const lines = this.textarea.value.split('\n');
    let offset = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i]!.length + 1;
    const start = offset + Math.max(0, column - 1);
    const end = offset + (lines[line - 1]?.length ?? 0);
    this.textarea.focus();
    this.textarea.setSelectionRange(start, Math.max(start, end));
    const lineHeight = parseFloat(getComputedStyle(this.textarea).lineHeight) || 16;
    this.textarea.scrollTop = Math.max(0, (line - 4) * lineHeight);
  }

  private changed(): void {
    this.renumber();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.actions.check(this.text(), this.file), CHECK_DELAY_MS);
  }

  private renumber(): void {
    const lines = this.textarea.value.split('\n').length;
    this.gutter.textContent = Array.from({ length: lines }, (_, i) => String(i + 1)).join('\n');
    this.gutter.scrollTop = this.textarea.scrollTop;
  }
}
