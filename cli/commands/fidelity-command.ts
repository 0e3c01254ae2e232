import { fidelityCases } from '../../planner/fidelity/cases/index';
import { fidelityMarkdown } from '../../planner/fidelity/report';
import { runFidelity } from '../../planner/fidelity/run-fidelity';
import { createAnyRunner, defaultWorkerCount } from '../../planner/pool';
import { EXIT, UsageError } from '../errors';
import { writeOutput } from '../output';
import { progressBar } from '../progress';

export interface FidelityFlags {
  readonly scale: string;
  readonly format: string;
  readonly out?: string;
  readonly quiet?: boolean;
  readonly workers?: string;
  readonly only?: string;
}

/** `meshsim fidelity` (registered in fidelity.ts): runs the cases and writes the report. */
export async function fidelityCommand(flags: FidelityFlags): Promise<void> {
  const scale = Number(flags.scale);
  if (!(scale > 0 && scale <= 10)) throw new UsageError(`--scale: expected a number in (0, 10], got "${flags.scale}"`, '--scale 0.1');
  if (flags.format !== 'md' && flags.format !== 'json') throw new UsageError(`--format: expected md or json, got "${flags.format}"`, '--format json');
  const cases = flags.only === undefined ? fidelityCases : fidelityCases.filter((c) => c.area === flags.only);
  if (cases.length === 0) throw new UsageError(`--only: no area "${flags.only}"`, `one of ${[...new Set(fidelityCases.map((c) => c.area))].join(', ')}`);
  const workers = flags.workers === undefined ? defaultWorkerCount() : Number(flags.workers);
  const bar = progressBar(flags.quiet, 'fidelity');
  const started = process.hrtime.bigint();
  const runner = workers > 1 ? createAnyRunner(workers) : undefined;
  try {
    const outcomes = await runFidelity(cases, {
      scale,
      onProgress: (p) => bar.update(p.done / p.total, `${p.done}/${p.total} units`),
      ...(runner === undefined ? {} : {
        runUnits: async (units, onDone) => {
          let seen = 0;
          const values = await runner.runAny(units.map((u) => ({ fidelity: u })), (n) => {
            while (seen < Math.floor(n)) { seen++; onDone(); }
          });
          return values as number[];
        },
      }),
    });
    bar.stop();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const text = flags.format === 'json'
      ? JSON.stringify({ schema: 'meshsim.fidelity/v1', scale, cases: outcomes }, null, 2) + '\n'
      : fidelityMarkdown(outcomes, { scale, seconds }) + '\n';
    writeOutput(text, flags.out);
    if (outcomes.some((o) => !o.pass)) process.exitCode = EXIT.failed;
  } finally {
    await runner?.close();
  }
}
