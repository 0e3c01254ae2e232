/**
 * Keyboard shortcuts. Ignored while typing in a field (the editor, the seed), except
 * Escape, which leaves the field.
 */
export interface Shortcut {
  /** `KeyboardEvent.key` values that trigger it. */
  readonly keys: readonly string[];
  /** As shown in the help: "Space", "Shift+→". */
  readonly label: string;
  readonly description: string;
  readonly shift?: boolean;
  readonly run: () => void;
}

export function installShortcuts(shortcuts: readonly Shortcut[]): void {
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    const typing = target.closest('input, textarea, select, [contenteditable]') !== null;
    if (typing) {
      if (event.key === 'Escape') target.blur();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const shortcut =
      shortcuts.find((s) => s.keys.includes(event.key) && (s.shift ?? false) === event.shiftKey) ??
      shortcuts.find((s) => s.keys.includes(event.key) && s.shift === undefined);
    if (shortcut === undefined) return;
    event.preventDefault();
    shortcut.run();
  });
}

/** The help overlay listing `shortcuts`; toggled by `toggle()`. */
export class HelpOverlay {
  readonly element: HTMLElement;

  constructor(host: HTMLElement, shortcuts: readonly Shortcut[]) {
    this.element = document.createElement('div');
    this.element.className = 'help';
    this.element.hidden = true;
    this.element.setAttribute('role', 'dialog');
    this.element.setAttribute('aria-label', 'Keyboard shortcuts');
    const rows = shortcuts.map((s) => `<tr><th><kbd>${s.label}</kbd></th><td>${s.description}</td></tr>`).join('');
    this.element.innerHTML = `<div class="help-box"><h2>Keyboard shortcuts</h2><table>${rows}</table>
      <p>Drop a scenario file anywhere to open it. Click a chart or the timeline to go to that moment.</p>
      <button type="button">Close</button></div>`;
    this.element.addEventListener('click', (event) => {
      if (event.target === this.element || (event.target as HTMLElement).tagName === 'BUTTON') this.toggle(false);
    });
    host.appendChild(this.element);
  }

  toggle(show = this.element.hidden): void {
    this.element.hidden = !show;
  }
}
