/**
 * The scenarios bundled into the app: the shipped `scenarios/*.yaml` and the viz's own
 * teaching examples (`viz/examples/*.yaml`), read at build time by vite.
 */
export interface LibraryEntry {
  /** File name, e.g. "quickstart.yaml"; unique across groups. */
  readonly file: string;
  readonly group: 'scenarios' | 'examples';
  readonly text: string;
  /** The comment block at the top of the file, without the `#`s and the schema line. */
  readonly about: string;
}

const shipped = import.meta.glob<string>('../../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true });
const examples = import.meta.glob<string>('../examples/*.yaml', { query: '?raw', import: 'default', eager: true });

function entries(modules: Record<string, string>, group: LibraryEntry['group']): LibraryEntry[] {
  return Object.entries(modules)
    .map(([path, text]) => ({ file: path.slice(path.lastIndexOf('/') + 1), group, text, about: aboutOf(text) }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** The leading comment of a scenario file, as plain text. */
export function aboutOf(text: string): string {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('#')) break;
    if (line.includes('yaml-language-server')) continue;
    lines.push(line.replace(/^# ?/, ''));
  }
  return lines.join('\n').trim();
}

/** Every bundled scenario; the quickstart first (the default). */
export const LIBRARY: readonly LibraryEntry[] = [...entries(shipped, 'scenarios'), ...entries(examples, 'examples')].sort(
  (a, b) => Number(b.file === 'quickstart.yaml') - Number(a.file === 'quickstart.yaml'),
);

export const DEFAULT_ENTRY: LibraryEntry | undefined = LIBRARY[0];
