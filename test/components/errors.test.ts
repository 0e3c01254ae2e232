import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Balancer } from '../../components/balancer/balancer';
import { EdfScheduler } from '../../components/balancer/edf-scheduler';
import { endpoint } from '../../components/balancer/endpoint';
import { leastRequestPolicy } from '../../components/balancer/least-request';
import { createPolicy, policyNames } from '../../components/balancer/policies';
import { BPlusTree, WriteBuffer, defaultCompare } from '../../components/btree';
import { checkTreeInvariants } from '../../components/btree/check-invariants';
import { LeafNode } from '../../components/btree/node';
import { Registry, RegistryAgent } from '../../components/discovery';
import {
  ComponentError,
  componentErrorCodes,
  invariantError,
  invariantHint,
  numericOptionCode,
  type ComponentErrorCode,
} from '../../components/errors';
import { GossipMember, MemberDirectory, UpdateDedupe, resolveGossipConfig } from '../../components/gossip';
import {
  BoundedLoadPartitioner,
  KvMembership,
  KvStore,
  RingPartitioner,
  VersionClock,
  checkCount,
  immediateBackend,
  resolveStoreOptions,
} from '../../components/kv';
import { checkOption, positiveCount, type OptionRange } from '../../components/options/check-option';
import { ClientProxy } from '../../components/proxy';
import {
  CircuitBreaker,
  HealthChecker,
  HedgingPolicy,
  OutlierDetector,
  RetryBudget,
  RetryPolicy,
  successRateStatistics,
} from '../../components/resilience';
import {
  BoundedLoadRing,
  HashRing,
  JumpHash,
  RingError,
  buildMaglevTable,
  checkTableSize,
  jumpConsistentHash,
  loadStats,
} from '../../components/ring';
import { ringHashPolicy } from '../../components/balancer';
import { runDocExamples } from '../support/doc-examples';
import { ScriptedEnv } from '../support/scripted-env';

const codePattern = /^[a-z]+(\.[a-z-]+)+$/;
const root = join(import.meta.dirname, '../..');

/** What `run` threw; fails the test when it returned normally. */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw, but the call returned');
}

const env = () => new ScriptedEnv({ address: 'a' });
const listener = { eject: () => {}, uneject: () => {} };
const proxyBalancer = () => new Balancer(createPolicy('round-robin', env()));
const proxyDriver = { createAttempt: () => { throw new Error('not sent'); }, transmit: () => {}, callEnded: () => {} };
const kvStore = () => new KvStore(env(), 'a', new KvMembership(new RingPartitioner(['a']), 1), immediateBackend(env()));

interface Row {
  /** What is done wrong, as a test name. */
  readonly case: string;
  readonly run: () => unknown;
  readonly code: ComponentErrorCode;
  /** Text the hint must contain, when the error has one. */
  readonly hint?: string;
}

// Representative bad inputs to every component, with the code each must throw.
const rows: readonly Row[] = [
  // balancer
  { case: 'balancer: a policy name nobody registered', run: () => createPolicy('fastest', env()), code: 'balancer.unknown-policy', hint: 'round-robin' },
  { case: 'balancer: an inherited property as a policy name', run: () => createPolicy('toString', env()), code: 'balancer.unknown-policy' },
  { case: 'balancer: least-request choices 0', run: () => leastRequestPolicy(env(), { choices: 0 }), code: 'option.out-of-range' },
  { case: 'balancer: least-request choices as a string', run: () => leastRequestPolicy(env(), { choices: '2' }), code: 'option.wrong-type' },
  { case: 'balancer: a misspelt option', run: () => leastRequestPolicy(env(), { choice_count: 2 }), code: 'option.unknown-field' },
  { case: 'balancer: panic threshold over 100%', run: () => new Balancer(createPolicy('random', env()), { panicThresholdPercent: 101 }), code: 'option.out-of-range' },
  { case: 'balancer: a host of weight 0', run: () => endpoint('h', 0), code: 'option.out-of-range' },
  { case: 'balancer: an EDF entry of weight Infinity', run: () => new EdfScheduler<string>().add(Infinity, 'A'), code: 'option.out-of-range' },
  // resilience
  { case: 'retry: max −1', run: () => new RetryPolicy({ max: -1 }), code: 'option.out-of-range' },
  { case: 'retry: an unknown option', run: () => new RetryPolicy({ retries: 2 } as never), code: 'option.unknown-field' },
  { case: 'retry: retryOn not a list', run: () => new RetryPolicy({ retryOn: '5xx' as never }), code: 'option.wrong-type' },
  { case: 'retry: retryOn with an unknown outcome', run: () => new RetryPolicy({ retryOn: ['ok' as never] }), code: 'option.not-one-of' },
  { case: 'retry: retryOn with an outcome twice', run: () => new RetryPolicy({ retryOn: ['5xx', '5xx'] }), code: 'option.duplicate-entry' },
  { case: 'retry: backoff for −1 retries so far', run: () => new RetryPolicy().backoffCeilingMs(-1), code: 'argument.out-of-range' },
  { case: 'retry budget: 120%', run: () => new RetryBudget({ budgetPercent: 120 }), code: 'option.out-of-range' },
  { case: 'hedging: no delayMs', run: () => new HedgingPolicy({} as never), code: 'option.missing', hint: 'p95' },
  {
    case: 'hedging: a request started twice',
    run: () => {
      const request = new HedgingPolicy({ delayMs: 10 }).begin(env(), { send: () => {}, cancel: () => {} });
      request.start();
      request.start();
    },
    code: 'resilience.started-twice',
  },
  { case: 'circuit breaker: maxRequests −1', run: () => new CircuitBreaker(env(), { maxRequests: -1 }), code: 'option.out-of-range' },
  { case: 'circuit breaker: release without tryAcquire', run: () => new CircuitBreaker(env()).release('retries'), code: 'resilience.release-without-acquire' },
  { case: 'outlier detection: maxEjectionPercent 101', run: () => new OutlierDetector(env(), listener, { maxEjectionPercent: 101 }), code: 'option.out-of-range' },
  { case: 'health checks: timeoutMs as a string', run: () => new HealthChecker(env(), listener, { timeoutMs: '1s' as never }), code: 'option.wrong-type' },
  { case: 'success rate of no hosts', run: () => successRateStatistics([], 1.9), code: 'argument.empty' },
  // proxy
  { case: 'proxy: a misspelt option', run: () => new ClientProxy(env(), proxyBalancer(), proxyDriver, { timeout: 1000 } as never), code: 'option.unknown-field' },
  { case: 'proxy: timeoutMs 0', run: () => new ClientProxy(env(), proxyBalancer(), proxyDriver, { timeoutMs: 0 }), code: 'option.out-of-range' },
  { case: 'proxy: perTryTimeoutMs as a string', run: () => new ClientProxy(env(), proxyBalancer(), proxyDriver, { perTryTimeoutMs: '200ms' as never }), code: 'option.wrong-type' },
  {
    case: 'proxy: retries and hedging together',
    run: () => new ClientProxy(env(), proxyBalancer(), proxyDriver, { retries: { max: 1 }, hedging: { delayMs: 10 } }),
    code: 'option.conflicting',
    hint: 'keep one of them',
  },
  // ring
  { case: 'ring: lookup with no nodes', run: () => new HashRing().lookup('k'), code: 'ring.empty' },
  {
    case: 'ring: a node added twice',
    run: () => {
      const ring = new HashRing();
      ring.add('a');
      ring.add('a');
    },
    code: 'ring.duplicate-node',
  },
  { case: 'ring: removing a node that is not there', run: () => new HashRing().remove('a'), code: 'ring.unknown-node' },
  { case: 'ring: vnodes 0', run: () => new HashRing({ vnodes: 0 }), code: 'option.out-of-range' },
  { case: 'ring: a node of weight 0', run: () => new HashRing().add('a', 0), code: 'option.out-of-range' },
  { case: 'ring: an empty node name', run: () => new HashRing().add(''), code: 'argument.invalid-name' },
  { case: 'ring: a weight that rounds to no points', run: () => new HashRing({ vnodes: 10 }).add('a', 0.04), code: 'ring.point-count-out-of-range' },
  { case: 'ring: a custom hash returning −1', run: () => new HashRing({ hash: () => -1 }).add('a'), code: 'ring.hash-out-of-range', hint: '>>> 0' },
  {
    case: 'ring: replicas beyond the node count',
    run: () => {
      const ring = new HashRing();
      ring.add('a');
      ring.replicas('k', 2);
    },
    code: 'argument.out-of-range',
  },
  { case: 'maglev: a table size that is not prime', run: () => checkTableSize(65_536), code: 'ring.table-size-not-prime', hint: 'the nearest primes are 65521 and 65537' },
  { case: 'maglev: a table of no backends', run: () => buildMaglevTable([], 65_537), code: 'argument.empty' },
  { case: 'jump: a weighted node', run: () => new JumpHash().add('a', 2), code: 'ring.unweighted' },
  { case: 'jump: a negative key', run: () => jumpConsistentHash(-1n, 1), code: 'argument.out-of-range' },
  {
    case: 'bounded loads: a key assigned twice',
    run: () => {
      const ring = new BoundedLoadRing();
      ring.add('a');
      ring.assign('k');
      ring.assign('k');
    },
    code: 'ring.duplicate-key',
  },
  { case: 'bounded loads: releasing a key never assigned', run: () => new BoundedLoadRing().release('k'), code: 'ring.unknown-key' },
  {
    case: 'bounded loads: removing the last node while it holds keys',
    run: () => {
      const ring = new BoundedLoadRing();
      ring.add('a');
      ring.assign('k');
      ring.remove('a');
    },
    code: 'ring.last-node-loaded',
  },
  { case: 'analysis: loadStats of nothing', run: () => loadStats([]), code: 'argument.empty' },
  { case: 'ring-hash policy: a misspelt option', run: () => ringHashPolicy(env(), { vnode: 100 }), code: 'option.unknown-field' },
  { case: 'ring-hash policy: vnodes as a string', run: () => ringHashPolicy(env(), { vnodes: '100' }), code: 'option.wrong-type' },
  // btree
  { case: 'btree: order 2', run: () => new BPlusTree({ order: 2 }), code: 'option.out-of-range' },
  { case: 'btree: order as a string', run: () => new BPlusTree({ order: '32' as never }), code: 'option.wrong-type' },
  { case: 'btree: compare that is not a function', run: () => new BPlusTree({ compare: 'asc' as never }), code: 'option.wrong-type' },
  { case: 'btree: NaN under the default compare', run: () => defaultCompare(Number.NaN, 1), code: 'btree.incomparable-keys' },
  { case: 'btree: bulk load out of order', run: () => BPlusTree.fromSorted([[2, 0], [1, 0]]), code: 'btree.unsorted-input', hint: 'sort the entries' },
  { case: 'btree: write buffer of capacity 0', run: () => new WriteBuffer(new BPlusTree(), { capacity: 0 }), code: 'option.out-of-range' },
  {
    case: 'btree: a leaf with more entries than the order allows',
    run: () => checkTreeInvariants({ root: new LeafNode([1, 1, 2, 2, 3, 3, 4, 4, 5, 5], null), height: 1, size: 5, order: 4, compare: (a: number, b: number) => a - b }),
    code: 'btree.invariant-violated',
    hint: 'report it',
  },
  // gossip
  { case: 'gossip config: probeIntervalMs 0', run: () => resolveGossipConfig({ probeIntervalMs: 0 }), code: 'option.out-of-range' },
  { case: 'gossip config: fanout as a string', run: () => resolveGossipConfig({ fanout: '3' as never }), code: 'option.wrong-type' },
  { case: 'gossip config: an unknown protocol', run: () => resolveGossipConfig({ protocol: 'flood' as never }), code: 'option.not-one-of' },
  { case: "gossip config: suspicion 'yes'", run: () => resolveGossipConfig({ suspicion: 'yes' as never }), code: 'option.wrong-type' },
  { case: 'gossip: converged bootstrap with nobody known', run: () => new GossipMember(env(), { name: 'a', bootstrap: 'converged' }), code: 'option.missing', hint: 'knownMembers' },
  {
    case: "gossip: a dedupe on another member's directory",
    run: () => new GossipMember(env(), { name: 'a', dedupe: new UpdateDedupe(new MemberDirectory()) }),
    code: 'gossip.foreign-directory',
    hint: 'directory',
  },
  {
    case: 'gossip: a member started twice',
    run: () => {
      const member = new GossipMember(env(), { name: 'a' });
      member.start();
      member.start();
    },
    code: 'gossip.started-twice',
  },
  { case: 'gossip: an empty member address', run: () => new MemberDirectory().intern(''), code: 'argument.invalid-name' },
  { case: 'gossip: a directory index never given out', run: () => new MemberDirectory().address(3), code: 'argument.out-of-range' },
  // kv
  { case: 'kv: handoffIntervalMs 0', run: () => resolveStoreOptions({ handoffIntervalMs: 0 }), code: 'option.out-of-range' },
  { case: 'kv: handoffBatchMax as a string', run: () => resolveStoreOptions({ handoffBatchMax: '256' as never }), code: 'option.wrong-type' },
  { case: 'kv: replication above the node count', run: () => new KvMembership(new RingPartitioner(['a']), 2), code: 'option.out-of-range' },
  { case: 'kv: bounded-load replication above the node count', run: () => new BoundedLoadPartitioner(['a'], { replication: 2 }), code: 'option.out-of-range' },
  { case: 'kv: adding a member twice', run: () => new RingPartitioner(['a']).withNode('a'), code: 'kv.duplicate-node' },
  { case: 'kv: removing a node that is not a member', run: () => new RingPartitioner(['a']).withoutNode('b'), code: 'kv.unknown-node' },
  { case: 'kv: a preference list of 0 nodes', run: () => checkCount('ring', 0, 3), code: 'argument.out-of-range' },
  { case: 'kv: node index 1024', run: () => new VersionClock(1024), code: 'argument.out-of-range' },
  { case: 'kv: a clock past the version range', run: () => new VersionClock(0).next(1e13), code: 'kv.clock-overflow' },
  {
    case: 'kv: a membership change begun twice',
    run: () => {
      const membership = new KvMembership(new RingPartitioner(['a']), 1);
      membership.begin(new RingPartitioner(['a', 'b']));
      membership.begin(new RingPartitioner(['a', 'c']));
    },
    code: 'kv.change-in-progress',
  },
  { case: 'kv: commit with no change begun', run: () => new KvMembership(new RingPartitioner(['a']), 1).commit(), code: 'kv.no-change-in-progress' },
  {
    case: 'kv: a bulk load into a store that holds keys',
    run: () => {
      const store = kvStore();
      store.load([['k', { version: 1, valueBytes: 1 }]]);
      store.load([['l', { version: 1, valueBytes: 1 }]]);
    },
    code: 'kv.store-not-empty',
  },
  // discovery
  { case: 'registry: ttlMs 0', run: () => new Registry(env(), { ttlMs: 0 }), code: 'option.out-of-range' },
  { case: 'registry: a misspelt option', run: () => new Registry(env(), { ttl: 5 } as never), code: 'option.unknown-field' },
  { case: 'registry: a registration of weight 0', run: () => new Registry(env()).register('api', 'a', { weight: 0 }), code: 'option.out-of-range' },
  {
    case: 'registry agent: a heartbeat as long as the TTL',
    run: () => new RegistryAgent(env(), { registry: 'r', service: 'api', id: 'a', ttlMs: 3_000, heartbeatIntervalMs: 3_000 }),
    code: 'option.out-of-range',
  },
];

describe('ComponentError', () => {
  it('every code in the catalogue is family.condition in lower case, and says when', () => {
    for (const [code, when] of Object.entries(componentErrorCodes)) {
      expect(code).toMatch(codePattern);
      expect(when.length).toBeGreaterThan(10);
    }
  });

  it('carries code, message and hint, and formats them on one line', () => {
    const error = new ComponentError('option.missing', 'hedging: delayMs is required', 'e.g. delayMs: 50');
    expect(error).toBeInstanceOf(Error);
    expect([error.name, error.code, error.message, error.hint]).toEqual(['ComponentError', 'option.missing', 'hedging: delayMs is required', 'e.g. delayMs: 50']);
    expect(error.format()).toBe('hedging: delayMs is required (hint: e.g. delayMs: 50)');
    expect(new ComponentError('argument.empty', 'x: empty').format()).toBe('x: empty');
  });

  it('invariant errors say that the input was not at fault', () => {
    const error = invariantError('gossip.invariant-violated', 'gossip: invariant violated: x');
    expect([error.code, error.hint]).toEqual(['gossip.invariant-violated', invariantHint]);
  });

  it('a RingError is a ComponentError with a "ring:" message and its old code beside the new one', () => {
    const error = thrown(() => new HashRing().lookup('k'));
    expect(error).toBeInstanceOf(RingError);
    expect(error).toBeInstanceOf(ComponentError);
    expect(error).toMatchObject({ name: 'RingError', code: 'ring.empty' });
    expect((error as RingError).message).toBe('ring: hash-ring: lookup of "k" in an empty placement (add a node first)');
  });
});

describe.each(rows)('$case', (row) => {
  it(`throws a ComponentError coded ${row.code}`, () => {
    const error = thrown(row.run);
    expect(error).toBeInstanceOf(ComponentError);
    const { code, message, hint } = error as ComponentError;
    expect(code).toBe(row.code);
    expect(code).toMatch(codePattern);
    expect(Object.keys(componentErrorCodes)).toContain(code);
    // Messages carry a module prefix (style.md: "Messages carry the offending value and a module prefix").
    expect(message).toMatch(/^[a-zA-Z-]+: /);
    if (row.hint === undefined) return;
    expect(hint).toContain(row.hint);
    expect((error as ComponentError).format()).toBe(`${message} (hint: ${hint})`);
  });

  // The ring module's own errors (its policies in components/balancer are the balancer's).
  if (/^(ring|maglev|jump|bounded loads|analysis):/.test(row.case)) {
    it('is a RingError whose message starts with "ring:"', () => {
      const error = thrown(row.run);
      expect(error).toBeInstanceOf(RingError);
      expect((error as RingError).message).toMatch(/^ring: /);
    });
  }
});

describe('option checks (property)', () => {
  const ranges: readonly OptionRange[] = [positiveCount, { min: 0, max: 1, minExclusive: true }, { min: -5, max: 5 }];
  /** The reference: accepted exactly when a number, integer if asked, within the bounds. */
  const accepts = (value: unknown, range: OptionRange): boolean =>
    typeof value === 'number' &&
    !Number.isNaN(value) &&
    (range.integer !== true || Number.isInteger(value)) &&
    (range.minExclusive === true ? value > range.min : value >= range.min) &&
    value <= range.max;

  it('checkOption accepts what the reference accepts, else throws option.out-of-range (a number) or option.wrong-type', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer({ min: -10, max: 2_000_000 }), fc.anything()), fc.constantFrom(...ranges), (value, range) => {
        if (value === undefined) return;
        if (accepts(value, range)) {
          expect(checkOption('c', 'f', value, 0, range)).toBe(value);
          return;
        }
        const error = thrown(() => checkOption('c', 'f', value, 0, range));
        expect(error).toBeInstanceOf(ComponentError);
        expect((error as ComponentError).code).toBe(typeof value === 'number' ? 'option.out-of-range' : 'option.wrong-type');
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('gossip fanout is accepted exactly as an integer in [1, 1024]; anything else is coded by its type', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -5, max: 1100 }), fc.double(), fc.string(), fc.boolean()), (fanout) => {
        const valid = typeof fanout === 'number' && Number.isInteger(fanout) && fanout >= 1 && fanout <= 1024;
        if (valid) {
          expect(resolveGossipConfig({ fanout }).fanout).toBe(fanout);
          return;
        }
        const error = thrown(() => resolveGossipConfig({ fanout: fanout as number }));
        expect((error as ComponentError).code).toBe(numericOptionCode(fanout));
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('an unknown policy name is refused, and every registered one builds', () => {
    const names = policyNames();
    fc.assert(
      fc.property(fc.string(), (name) => {
        if (names.includes(name)) {
          expect(createPolicy(name, env()).name).toBeTypeOf('string');
          return;
        }
        expect((thrown(() => createPolicy(name, env())) as ComponentError).code).toBe('balancer.unknown-policy');
      }),
      { seed: 42, numRuns: 300 },
    );
    for (const name of names) expect(() => createPolicy(name, env())).not.toThrow();
  });
});

/** Every .ts file under `dir`, relative to the repository root. */
function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

const componentSources = sources('components').map((file) => ({
  file: relative(root, join(root, file)),
  text: readFileSync(join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''),
}));

describe('components/ throws only ComponentErrors', () => {
  it('constructs no built-in Error, RangeError or TypeError', () => {
    const bad = componentSources.flatMap(({ file, text }) =>
      [...text.matchAll(/\bnew (\w*Error)\(/g)].filter((m) => m[1] !== 'ComponentError' && m[1] !== 'RingError').map((m) => `${file}: new ${m[1]}`));
    expect(bad).toEqual([]);
  });

  it('throws only new ComponentError, new RingError or a factory declared to return one', () => {
    const factories = new Set(
      componentSources.flatMap(({ text }) => [...text.matchAll(/function (\w+)\([^)]*\): (?:ComponentError|RingError)\b/g)].map((m) => m[1]!)),
    );
    expect(factories.size).toBeGreaterThan(0);
    const bad = componentSources.flatMap(({ file, text }) =>
      [...text.matchAll(/\bthrow\s+(new (\w+)|(\w+)\()/g)]
        .filter((m) => (m[2] !== undefined ? m[2] !== 'ComponentError' && m[2] !== 'RingError' : !factories.has(m[3]!)))
        .map((m) => `${file}: throw ${m[1]}`));
    expect(bad).toEqual([]);
  });

  it('uses every code of the catalogue somewhere', () => {
    const text = componentSources
      .filter(({ file }) => file !== 'components/errors.ts' && file !== 'components/ring/ring-error.ts')
      .map((source) => source.text)
      .join('\n');
    const unused = Object.keys(componentErrorCodes).filter((code) => !text.includes(`'${code}'`));
    expect(unused).toEqual([]);
  });

  it('the table covers every code a caller can provoke (all but the *.invariant-violated bugs)', () => {
    const covered = new Set(rows.map((row) => row.code));
    const missing = Object.keys(componentErrorCodes).filter((code) => !code.endsWith('.invariant-violated') && !covered.has(code as ComponentErrorCode));
    expect(missing).toEqual([]);
  });
});

describe('docs/components/errors.md', () => {
  it('lists exactly the codes of the catalogue, in its order', () => {
    const doc = readFileSync(join(root, 'docs/components/errors.md'), 'utf8');
    const listed = [...doc.matchAll(/^\| `([a-z.-]+)` \|/gm)].map((m) => m[1]);
    expect(listed).toEqual(Object.keys(componentErrorCodes));
  });

  it('every example runs and prints what its comments say', async () => {
    const runs = await runDocExamples('docs/components/errors.md');
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) expect({ name: run.name, printed: run.printed }).toEqual({ name: run.name, printed: run.expected });
  });
});
