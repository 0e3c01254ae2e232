import cliProgress from 'cli-progress';

/** What a progress display is told: overall fraction and a short status. */
export interface ProgressSink {
  update(fraction: number, status: string): void;
  stop(): void;
}

/**
 * A progress bar on stderr when stderr is a terminal and the user did not ask for quiet;
 * otherwise nothing at all, so pipes and CI logs stay clean. Redraws at most 10 times
 * per second (wall-clock throttling is fine here: the CLI is outside the simulation).
 */
export function progressBar(quiet: boolean | undefined, label: string): ProgressSink {
  if (quiet || !process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {percentage}% | {status} | ETA {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(1000, 0, { status: '' });
  return {
    update: (fraction, status) => bar.update(Math.round(fraction * 1000), { status }),
    stop: () => bar.stop(),
  };
}
