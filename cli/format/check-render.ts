/**
 * `meshsim check` output: one line per assertion with its reason (table), a Markdown
 * summary for CI job summaries and pull requests, CSV, and the JSON contract.
 */
import type { Assertion, CheckReport, FileCheck } from '../../planner/check';
import type { Format } from '../run-options';
import { duration } from '../../models/report/numbers';

export function renderCheck(report: CheckReport, format: Format): string {
  switch (format) {
    case 'json':
      return JSON.stringify(report, null, 2) + '\n';
    case 'csv':
      return checkCsv(report);
    case 'md':
      return checkMarkdown(report);
    case 'table':
      return checkTable(report);
  }
}

const total = (report: CheckReport) => report.passed + report.failed;

function verdictLine(report: CheckReport): string {
  return report.ok ? `all ${total(report)} assertion(s) hold` : `${report.failed} of ${total(report)} assertion(s) failed`;
}

/** `slo p99 < 100ms [random]` or `expect least-request.p99 < random.p99`. */
function assertionText(a: Assertion): string {
  return a.kind === 'slo' ? `slo ${a.text}${a.variant === null ? '' : ` [${a.variant}]`}` : `expect ${a.text}`;
}

function fileHeading(f: FileCheck): string {
  const variants = f.variants.length > 1 ? `${f.variants.length} variants × ` : '';
  return `${variants}${f.replications} replication(s) × ${duration(f.durationMs)}`;
}

function checkTable(report: CheckReport): string {
  const lines = [`meshsim check · ${report.files.length} file(s) · ${verdictLine(report)}`];
  for (const f of report.files) {
    lines.push('', `${f.file} · ${f.scenario} · ${fileHeading(f)}`);
    for (const a of f.assertions) lines.push(`  ${a.ok ? '✓' : '✗'} ${assertionText(a)}: ${a.reason}`);
  }
  lines.push('', report.ok ? `OK: ${verdictLine(report)}` : `FAILED: ${verdictLine(report)}`);
  return lines.join('\n') + '\n';
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function checkMarkdown(report: CheckReport): string {
  const lines = [`### meshsim check: ${report.ok ? '✅' : '❌'} ${verdictLine(report)}`];
  for (const f of report.files) {
    lines.push('', `**${cell(f.file)}** (${cell(f.scenario)}): ${fileHeading(f)}`, '', '| | assertion | variant | result |', '|---|---|---|---|');
    for (const a of f.assertions) {
      const variant = a.kind === 'slo' && a.variant !== null ? cell(a.variant) : '';
      lines.push(`| ${a.ok ? '✅' : '❌'} | \`${cell(a.text)}\` | ${variant} | ${cell(a.reason)} |`);
    }
  }
  return lines.join('\n') + '\n';
}

function checkCsv(report: CheckReport): string {
  const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const rows = ['file,kind,assertion,variant,ok,reason'];
  for (const f of report.files) {
    for (const a of f.assertions) rows.push([quote(f.file), a.kind, quote(a.text), quote(a.kind === 'slo' ? (a.variant ?? '') : ''), a.ok, quote(a.reason)].join(','));
  }
  return rows.join('\n') + '\n';
}
