import type { Command } from 'commander';
import { runScenario } from '../../models/run-scenario';
import { renderResult } from '../format/render-result';
import { loadScenarioFile } from '../load';
import { writeOutput } from '../output';
import { progressBar } from '../progress';
import { addRunOptions, applyRunFlags, checkFormat, type RunFlags } from '../run-options';
import { duration } from '../format/text-table';

export function registerRun(program: Command): void {
  addRunOptions(
    program
      .command('run')
      .summary('run a scenario and report latency, throughput and load')
      .description('Run a scenario file for its replications and print the pooled result.')
      .argument('<file>', 'scenario file (YAML)'),
  )
    .addHelpText('after', '\nExamples:\n  meshsim run scenarios/quickstart.yaml\n  meshsim run scenarios/mmc.yaml --replications 8 --format json --out result.json\n')
    .action((file: string, flags: RunFlags) => runCommand(file, flags));
}

export function runCommand(file: string, flags: RunFlags): void {
  const format = checkFormat(flags.format);
  const scenario = applyRunFlags(loadScenarioFile(file), flags);
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
