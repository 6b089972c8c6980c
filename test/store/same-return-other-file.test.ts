/**
 * A lossless re-save of a return's PDF (`qpdf --linearize`) has other bytes and the same parsed model: it is held
 * once, as "already held (same return, other file)", never as a resubmission. Needs qpdf (`apt-get install qpdf`);
 * skipped, with a note, where it is absent.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderFilingCard } from '../../src/format/filing-card.js';
import { buildFilingCardForSave } from '../../src/services/filing-card.js';
import { ingestFiling, sha256Of } from '../../src/services/ingest-filing.js';
import { readFiling } from '../../src/services/read-filing.js';
import { contentIdentityOf } from '../../src/store/content-identity.js';
import type { FilingStore } from '../../src/store/index.js';
import { isInstalled } from '../helpers/installed-command.js';
import { makeTempDir, openTestStore, removeTempDir } from './store-fixtures.js';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/00020_2023-11.pdf');

const qpdf = isInstalled('qpdf');
if (!qpdf)
  console.warn('same-return-other-file: qpdf is not installed (apt-get install qpdf); these tests are skipped');

let dir: string;
let store: FilingStore;
beforeEach(async () => {
  dir = await makeTempDir();
  ({ store } = await openTestStore(dir));
});
afterEach(async () => {
  await store.close();
  await removeTempDir(dir);
});

const ingest = (bytes: Uint8Array, fileName: string) =>
  ingestFiling(
    { store, now: () => new Date('2023-12-07T02:00:00Z') },
    { bytes, fileName, source: { kind: 'path', path: `/in/${fileName}` } },
  );

describe.skipIf(!qpdf)('a linearized copy of a held return', () => {
  it('has other bytes, the same content identity, and is held once as the same return', async () => {
    const original = new Uint8Array(await readFile(FIXTURE));
    const linearized = path.join(dir, 'linearized.pdf');
    execFileSync('qpdf', ['--linearize', FIXTURE, linearized]);
    const copy = new Uint8Array(await readFile(linearized));
    expect(sha256Of(copy)).not.toBe(sha256Of(original));
    const [a, b] = await Promise.all([
      readFiling(original, { fileName: 'a.pdf' }),
      readFiling(copy, { fileName: 'b.pdf' }),
    ]);
    expect(contentIdentityOf(b.monthlyReturn)).toBe(contentIdentityOf(a.monthlyReturn));

    expect((await ingest(original, '00020_2023-11.pdf')).status).toBe('stored');
    const again = await ingest(copy, 'linearized.pdf');
    expect(again).toMatchObject({ status: 'already-held', match: 'same-content', stored: { id: sha256Of(original) } });
    expect(await store.submissions('00020', '2023-11')).toHaveLength(1);
    const card = renderFilingCard(await buildFilingCardForSave(store, again));
    expect(JSON.stringify(card.blocks)).toContain('*Already held (same return, other file)*');
    expect(card.text).toContain('Already held (same return, other file)');
  });
});
