/**
 * One titled table of a run's report with its notes. The text table (cli/format/result-table.ts)
 * and the Markdown (cli/format/result-md.ts) render the same sections, so both always show the
 * same things; a subsystem contributes its own (models/subsystem).
 */
export interface Section {
  readonly title: string;
  /** Column names; none when the section is only notes. */
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Lines after the table: footnotes and single values. */
  readonly notes: readonly string[];
}

export function section(title: string, header: readonly string[], rows: readonly (readonly string[])[], notes: readonly string[] = []): Section {
  return { title, header, rows, notes };
}
