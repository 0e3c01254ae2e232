import type { Result } from '../../models/run/result';
import type { Section } from '../../models/report/section';
import { resultSections, runFrame } from './result-sections';

/** Markdown for CI job summaries, pull-request comments and design reviews: the table's sections. */
export function resultMarkdown(result: Result): string {
  return [`### meshsim: ${result.scenario}`, '', `${runFrame(result)}.`, '', ...resultSections(result).flatMap(sectionMarkdown)].join('\n');
}

function sectionMarkdown(s: Section): string[] {
  const numeric = s.header.map((_, i) => i > 0 && s.rows.every((row) => /\d/.test(row[i] ?? '') || row[i] === '-' || row[i] === ''));
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const table = s.header.length === 0 ? [] : [
    `| ${s.header.map(cell).join(' | ')} |`,
    `|${numeric.map((right) => (right ? '---:' : '---')).join('|')}|`,
    ...s.rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
  return [`**${s.title}**`, '', ...table, ...(table.length > 0 && s.notes.length > 0 ? [''] : []), ...s.notes.map((note) => `${note}  `), ''];
}
