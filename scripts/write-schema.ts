// Writes scenarios/schema.json, the JSON Schema of scenario files, from the zod schema in
// models/scenario. Run after changing the scenario format:
//   npx tsx scripts/write-schema.ts
// test/models/scenario/schema.test.ts fails while the committed file is out of date.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchema } from '../planner/scenario-file';

const target = fileURLToPath(new URL('../scenarios/schema.json', import.meta.url));
writeFileSync(target, JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
console.log(`wrote ${target}`);
