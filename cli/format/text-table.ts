import { maxOf } from '../../sim/stats';

/** Render rows as aligned columns: text left, numbers right. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[], indent = '  '): string {
  const widths = header.map((h, i) => Math.max(h.length, maxOf(rows.map((r) => (r[i] ?? '').length))));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => /^[-+\d.,%[\]\s/a-z]*\d[-+\d.,%[\]\s/a-z]*$/i.test(r[i] ?? '') && i > 0));
  const line = (cells: readonly string[]) =>
    indent + cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
