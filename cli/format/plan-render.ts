/**
 * `meshsim plan` output: the answer beside the analytic one, then every probe with its
 * SLO bounds (table, Markdown), one row per probe (CSV), and the JSON contract.
 */
import type { PlanProbe, PlanReport } from '../../planner/plan';
import type { Format } from '../run-options';
import { duration, num } from '../../models/report/numbers';
import { textTable } from './text-table';

export function renderPlan(report: PlanReport, format: Format): string {
  switch (format) {
    case 'json':
      return JSON.stringify(report, null, 2) + '\n';
    case 'csv':
      return planCsv(report);
    case 'md':
      return planMarkdown(report);
    case 'table':
      return planTable(report);
  }
}

const valuesText = (values: Readonly<Record<string, unknown>> | null) =>
  values === null ? 'none' : Object.entries(values).map(([path, v]) => `${path} = ${typeof v === 'string' ? v : JSON.stringify(v)}`).join(', ');

function answerLine(report: PlanReport): string {
  if (report.answer === null) {
    return report.search === 'load' ? 'answer: none: even the lowest load misses the SLOs' : `answer: none: even the top of the range misses the SLOs`;
  }
  const searched = report.answer[report.search];
  const neighbour = report.verified ? (report.search === 'load' ? '; the next load up fails' : `; ${report.search} = ${Number(searched) - 1} fails`) : '';
  const edge = report.verified ? '' : report.search === 'load' ? '; the top of the range still meets' : '; the bottom of the range already meets';
  const cost = report.cost === null ? '' : `, cost ${num(report.cost, 3)}`;
  return `answer: ${valuesText(report.answer)}${cost} (simulated${neighbour}${edge})`;
}

function analyticLine(report: PlanReport): string {
  const model = report.analyticModel;
  if (model.model === null) return `analytic: none (${model.reason})`;
  const kind = model.exact ? 'M/M/c, Erlang C' : 'M/M/c, Erlang C, balancer approximated as a random split: an upper bound';
  const agree = agreement(report);
  return `analytic: ${valuesText(report.analytic)} (${kind}, service ${model.service})${agree}`;
}

/** Whether the simulated and analytic answers agree: equal, or for a load within one 1% step. */
function agreement(report: PlanReport): string {
  if (report.analytic === null || report.answer === null) return '';
  const simulated = Number(report.answer[report.search]);
  const analytic = Number(report.analytic[report.search]);
  if (simulated === analytic) return ' · agrees';
  if (report.search === 'load' && Math.abs(simulated - analytic) <= 0.0101 * Math.max(simulated, analytic)) return ' · agrees within the 1% step';
  return ` · differs (simulated ${simulated})`;
}

function probeRows(report: PlanReport): { header: string[]; rows: string[][] } {
  const paths = Object.keys(report.probes[0]?.values ?? {});
  const header = ['#', ...paths, 'met', ...report.slo.map((s) => `${s} (bound)`), ...(report.cost === null && report.probes.every((p) => p.cost === null) ? [] : ['cost'])];
  const rows = report.probes.map((p: PlanProbe, i) => [
    String(i + 1),
    ...paths.map((path) => String(p.values[path])),
    p.met ? 'yes' : 'no',
    ...p.slo.map((o) => `${o.ok ? '✓' : '✗'} ${o.confidenceBound === null ? '-' : num(o.confidenceBound, 3)}`),
    ...(header.at(-1) === 'cost' ? [p.cost === null ? '-' : num(p.cost, 3)] : []),
  ]);
  return { header, rows };
}

function heading(report: PlanReport): string {
  return `${report.replications} replication(s) × ${duration(report.durationMs)} per probe`;
}

function rangeText(report: PlanReport): string {
  const range = report.vary[report.search] as [number, number];
  return report.search === 'load' ? `load (total arrival rate) from ${num(range[0], 1)}/s to ${num(range[1], 1)}/s, 1% steps` : `${report.search} from ${range[0]} to ${range[1]}`;
}

function planTable(report: PlanReport): string {
  const { header, rows } = probeRows(report);
  return [
    `meshsim plan · ${report.scenario} · seed ${report.seed} · ${heading(report)}`,
    `SLOs (upper 95% confidence bound): ${report.slo.join(', ')}`,
    `search: ${rangeText(report)}, bracket then bisect`,
    '',
    answerLine(report),
    analyticLine(report),
    '',
    `probes, in order (${report.probes.length}); each SLO's confidence bound, ms, fraction or per second`,
    textTable(header, rows),
    ...unmeasuredNotes(report).map((note) => `  ${note}`),
  ].join('\n') + '\n';
}

function planMarkdown(report: PlanReport): string {
  const { header, rows } = probeRows(report);
  return [
    `### meshsim plan: ${report.scenario}`,
    '',
    `SLOs (upper 95% confidence bound): ${report.slo.map((s) => `\`${s}\``).join(', ')}; ${heading(report)}; search ${rangeText(report)}.`,
    '',
    `- **${answerLine(report)}**`,
    `- ${analyticLine(report)}`,
    '',
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    ...unmeasuredNotes(report).flatMap((note) => ['', note]),
  ].join('\n') + '\n';
}

/** Why a probe shows no bound ('-'), once per reason: an overloaded probe answers nothing it measured. */
function unmeasuredNotes(report: PlanReport): string[] {
  const reasons = new Set<string>();
  for (const probe of report.probes) for (const o of probe.slo) if (o.confidenceBound === null) reasons.add(o.reason);
  return [...reasons].map((reason) => `-: ${reason}`);
}

function planCsv(report: PlanReport): string {
  const paths = Object.keys(report.probes[0]?.values ?? {});
  const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = [['probe', ...paths, 'met', 'cost', ...report.slo.map((s) => `${s} bound`)].map(quote).join(',')];
  report.probes.forEach((p, i) => lines.push([i + 1, ...paths.map((path) => quote(String(p.values[path]))), p.met, p.cost ?? '', ...p.slo.map((o) => o.confidenceBound ?? '')].join(',')));
  return lines.join('\n') + '\n';
}
