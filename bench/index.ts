/**
 * `npm run bench`: every benchmark in one process, each beside its baseline from the same
 * run. Pass names to run a subset: `npm run bench -- engine ring`.
 */
const suites = ['engine', 'balancer', 'ring', 'btree', 'gossip'];
const load = (name: string): Promise<{ bench: () => Promise<void> }> => import(`./${name}.ts`);

const wanted = process.argv.slice(2);
for (const name of suites) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  let suite: { bench: () => Promise<void> };
  try {
    suite = await load(name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') continue; // suite not written yet
    throw error;
  }
  console.log(`\n=== ${name} ===`);
  await suite.bench();
}
export {};
