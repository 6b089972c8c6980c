/**
 * The project's fixture returns as their specs state them (fixtures/specs/*.json): exactly what reading each PDF
 * gives back (test/fixtures/fixtures.test.ts holds the parser to that), so renderer tests can start from the model.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Flag } from '../../src/domain/flag.js';
import { type MonthlyReturn, MonthlyReturnSchema } from '../../src/domain/monthly-return.js';
import type { FilingStore, SaveResult } from '../../src/store/filing-store.js';
import { makeProvenance } from './factories.js';

const SPECS = path.resolve(import.meta.dirname, '../../fixtures/specs');

export function loadFixtureReturn(name: string): MonthlyReturn {
  const spec = JSON.parse(readFileSync(path.join(SPECS, `${name}.json`), 'utf8')) as { monthlyReturn: unknown };
  return MonthlyReturnSchema.parse(spec.monthlyReturn);
}

/** Saves a fixture's return as if read from a file of its name; `sha256` tells submissions apart. */
export function saveFixture(
  store: FilingStore,
  name: string,
  options: { sha256: string; flags?: Flag[] },
): Promise<SaveResult> {
  return store.save({
    monthlyReturn: loadFixtureReturn(name),
    flags: options.flags ?? [],
    provenance: makeProvenance({ sha256: options.sha256, source: { kind: 'path', path: `fixtures/${name}.pdf` } }),
  });
}
