import seedrandom from 'seedrandom';
import type { Rng } from './env';

/**
 * A named random stream derived from (master seed, stream name).
 *
 * Uses seedrandom's `alea`: seedable, portable across platforms and, measured here,
 * 3-5x faster than seedrandom's default ARC4. Every consumer draws from its own stream,
 * so adding a component or changing a policy never shifts another consumer's numbers
 * (common random numbers across policy comparisons).
 */
export class SeededRng implements Rng {
  private readonly draw: () => number;

  constructor(seed: number | string, stream: string) {
    this.draw = seedrandom.alea(`${seed}\u0000${stream}`);
  }

  next(): number {
    return this.draw();
  }

  int(n: number): number {
    return Math.floor(this.draw() * n);
  }
}

/** Caches one stream per name, so asking twice returns the same stream. */
export class RngStreams {
  private readonly streams = new Map<string, SeededRng>();

  constructor(readonly seed: number) {}

  get(stream: string): SeededRng {
    let rng = this.streams.get(stream);
    if (rng === undefined) {
      rng = new SeededRng(this.seed, stream);
      this.streams.set(stream, rng);
    }
    return rng;
  }
}
