import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIssuerName, comparableIssuerName } from '../../src/domain/check-issuer-name.js';
import { buildFilingCard } from '../../src/services/filing-card.js';
import { ingestFiling } from '../../src/services/ingest-filing.js';
import { FILINGS_DIR } from '../helpers/corpus.js';
import { createMemoryFilingStore } from '../helpers/memory-filing-store.js';
import { makeSenseTimeReturn, SENSETIME_NAME, saveSample } from '../helpers/sample-returns.js';

async function namedPair(october: string, november: string) {
  const store = createMemoryFilingStore();
  const previous = await saveSample(
    store,
    makeSenseTimeReturn({ month: '2023-10', overrides: { issuerName: october } }),
  );
  const current = await saveSample(store, makeSenseTimeReturn({ overrides: { issuerName: november } }));
  return { previous: previous.stored, current: current.stored };
}

describe('comparableIssuerName', () => {
  it('leaves out case, punctuation, the legal form, parentheses and HKEX stock-name markers', () => {
    expect(comparableIssuerName('SenseTime Group Inc. - W')).toBe('sensetimegroup');
    expect(comparableIssuerName(SENSETIME_NAME)).toBe('sensetimegroup');
    expect(comparableIssuerName('ALCO HOLDINGS LTD.')).toBe(comparableIssuerName('Alco Holdings Limited'));
    expect(comparableIssuerName('中國安芯控股有限公司')).toBe('中國安芯控股');
    expect(comparableIssuerName('Ocumension Therapeutics (the “Company”) (Incorporated in the Cayman Islands)')).toBe(
      'ocumensiontherapeutics',
    );
  });
});

describe('checkIssuerName', () => {
  it('finds nothing when two returns write one issuer’s name differently', async () => {
    const { previous, current } = await namedPair(SENSETIME_NAME, 'SENSETIME GROUP INC. - W');
    expect(checkIssuerName(current, previous)).toEqual([]);
  });

  it('does not compare a Chinese name with an English one: the two language versions of one return', async () => {
    const { previous, current } = await namedPair('Anxin-China Holdings Limited', '中國安芯控股有限公司');
    expect(checkIssuerName(current, previous)).toEqual([]);
  });

  it('warns when the return names another issuer than the one held for its stock code', async () => {
    const { previous, current } = await namedPair(SENSETIME_NAME, 'Moon Inc.');
    expect(checkIssuerName(current, previous)).toEqual([
      {
        code: 'issuer-name-mismatch',
        severity: 'warning',
        section: 'header',
        subject: null,
        message: `The issuer is named "Moon Inc.", but the 2023-10 return held for 00020 names "${SENSETIME_NAME}": a renamed issuer, or a return filed under another issuer's stock code`,
        expected: SENSETIME_NAME,
        actual: 'Moon Inc.',
      },
    ]);
  });
});

const corpus = existsSync(path.join(FILINGS_DIR, '01149_2011-01.pdf'));
if (!corpus) console.warn(`Skipping the issuer-name check on real returns: no filings in ${FILINGS_DIR}`);

describe.skipIf(!corpus)('the issuer-name check on real returns', () => {
  it('shows on the card of 01149’s first return after its renaming, and not on the next', async () => {
    const store = createMemoryFilingStore();
    const deps = { store, now: () => new Date('2026-02-10T00:00:00Z') };
    const stored = [];
    for (const name of ['01149_2009-10', '01149_2011-01', '01149_2011-08']) {
      const bytes = new Uint8Array(await readFile(path.join(FILINGS_DIR, `${name}.pdf`)));
      const result = await ingestFiling(deps, { bytes, fileName: `${name}.pdf`, source: { kind: 'path', path: name } });
      stored.push(result.stored);
    }
    const [, renamed, next] = stored;
    if (!renamed || !next) throw new Error('not stored');
    const renamedFlags = (await buildFilingCard(store, renamed)).flags.filter((f) => f.code === 'issuer-name-mismatch');
    expect(renamedFlags.map((f) => [f.expected, f.actual])).toEqual([
      ['Broad Intelligence International Pharmaceutical Holdings Limited', 'Anxin-China Holdings Limited'],
    ]);
    expect((await buildFilingCard(store, next)).flags.filter((f) => f.code === 'issuer-name-mismatch')).toEqual([]);
  }, 60_000);
});
