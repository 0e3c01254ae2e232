import { runScenario } from '../../models/run/run-scenario';
import { renderResult } from '../format/render-result';
import { loadScenarioFile } from '../load';
import { writeOutput } from '../output';
import { progressBar } from '../progress';
import { applyRunFlags, lateFaultNotes } from '../run-flags';
import { checkFormat, type RunFlags } from '../run-options';
import { duration } from '../../models/report/numbers';
import { UsageError } from '../errors';

/** `PATH=VALUE` to an override; `run` takes one value per path (compare takes lists). */
export function parseSet(raw: string): { path: string; value: string } {
  const eq = raw.indexOf('=');
  if (eq <= 0) throw new UsageError(`--vary: expected PATH=VALUE, got "${raw}"`, 'e.g. --vary services.api.replicas=8');
  return { path: raw.slice(0, eq).trim(), value: raw.slice(eq + 1).trim() };
}

/** `meshsim run` (registered in run.ts): runs the scenario and prints the pooled result. */
export function runCommand(file: string, flags: RunFlags & { vary?: string[] }): void {
  const format = checkFormat(flags.format);
  const scenario = applyRunFlags(loadScenarioFile(file, (flags.vary ?? []).map(parseSet)), flags);
  for (const note of lateFaultNotes(scenario)) process.stderr.write(`${note}\n`);
  const bar = progressBar(flags.quiet, scenario.name);
  const started = process.hrtime.bigint();
  const result = runScenario(scenario, {
    onProgress: (p) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const rate = seconds > 0 ? p.events / seconds : 0;
      bar.update(p.fraction, `rep ${p.replication + 1}/${p.replications} · sim ${duration(p.nowMs)}/${duration(p.durationMs)} · ${(rate / 1e6).toFixed(1)}M events/s`);
    },
  });
  bar.stop();
  writeOutput(renderResult(result, format), flags.out);
}
