/**
 * `npm run bench`: runs every benchmark in scripts/bench/ in turn, each in its own process so that one's memory
 * does not colour another's peak RSS. `npm run bench -- store` runs only the ones whose name contains "store".
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const dir = path.join(import.meta.dirname, 'bench');
const filter = process.argv[2];
const benches = readdirSync(dir)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => !filter || name.includes(filter))
  .sort();
let failed = 0;
for (const name of benches) {
  console.log(`\n=== ${name.replace('.bench.ts', '')}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, name)], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
