import type { Endpoint } from './endpoint';
import type { PickContext, Policy } from './policy';
import type { Env } from '../../sim/env';
import { ringDefaults } from '../ring/defaults';
import { buildMaglevTable, checkTableSize, maglevBackend } from '../ring/maglev-table';
import { murmur3String } from '../ring/murmur3';
import { checkKnownOptions, optionalNumberOption } from './policy-options';

/**
 * Envoy's `MAGLEV` load-balancing policy: `ctx.key` indexes a Maglev table of the
 * candidates (weighted by `host.weight`); requests without a key go to a uniformly
 * random candidate.
 *
 * Hosts enter the table sorted by id, as Envoy sorts them, so every balancer that sees
 * the same hosts builds the same table. Keys and host names are hashed with MurmurHash3
 * (Envoy: xxHash64), so individual choices differ from a real Envoy's; the statistics do
 * not. The table is rebuilt only when the candidates array changes identity, O(M log M).
 */
export interface MaglevPolicyOptions {
  /** Envoy `table_size`: a prime, default 65,537, at most 5,000,011. */
  readonly tableSize?: number;
}

const optionNames: readonly (keyof MaglevPolicyOptions)[] = ['tableSize'];

/** Builds the 'maglev' policy; `env` supplies the 'balancer.hash' stream for keyless picks. */
export function maglevPolicy(env: Env, options: Readonly<Record<string, unknown>> = {}): Policy {
  checkKnownOptions('maglev', options, optionNames);
  const tableSize =
    optionalNumberOption('maglev', options, 'tableSize', { min: 2, max: ringDefaults.maglevTableSizeMax, integer: true }) ?? ringDefaults.maglevTableSize;
  checkTableSize(tableSize);
  const rng = env.rng('balancer.hash');
  let cached: readonly Endpoint[] | undefined;
  let hosts: Endpoint[] = [];
  let table: Int32Array = new Int32Array(0);

  function rebuild(candidates: readonly Endpoint[]): void {
    hosts = [...candidates].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    table = buildMaglevTable(
      hosts.map((host) => maglevBackend(host.id, tableSize, murmur3String, host.weight)),
      tableSize,
    );
    cached = candidates;
  }

  return {
    name: 'maglev',
    choose(candidates: readonly Endpoint[], ctx: PickContext | undefined): Endpoint {
      const key = ctx?.key;
      if (key === undefined) return candidates[rng.int(candidates.length)]!;
      if (candidates !== cached) rebuild(candidates);
      return hosts[table[murmur3String(key) % tableSize]!]!;
    },
  };
}
