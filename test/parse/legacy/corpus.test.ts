/**
 * The pre-2021 returns of 01149 in ../shared/filings (2009-2013), read and compared with their hand-checked truth.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareBothWays } from '../../../scripts/accuracy/corpus.js';
import { compareLegacy } from '../../../scripts/accuracy/legacy.js';
import type { ExtractedDocument } from '../../../src/domain/extracted-document.js';
import type { MonthlyReturn } from '../../../src/domain/monthly-return.js';
import { parseMonthlyReturn } from '../../../src/parse/index.js';
import { readLegacyFiling } from '../../../src/parse/legacy/index.js';
import { extractText } from '../../../src/pdf/extract-text.js';
import { FILINGS_DIR } from '../../helpers/corpus.js';

const available = existsSync(FILINGS_DIR);
if (!available) console.warn(`Skipping the pre-2021 corpus tests: ${FILINGS_DIR} not found (set HKEX_FILINGS_DIR)`);

const names = available
  ? readdirSync(FILINGS_DIR)
      .filter((name) => /^01149_.*\.pdf$/.test(name))
      .map((name) => name.replace(/\.pdf$/, ''))
  : [];

describe.skipIf(!available)('pre-2021 returns of 01149', () => {
  const read = new Map<string, { monthlyReturn: MonthlyReturn; flags: readonly { message: string }[] }>();
  const extracted = new Map<string, ExtractedDocument>();

  beforeAll(async () => {
    for (const name of names) {
      const bytes = readFileSync(path.join(FILINGS_DIR, `${name}.pdf`));
      extracted.set(name, await extractText(bytes, undefined, name));
      read.set(name, readLegacyFiling(extracted.get(name) as ExtractedDocument, name));
    }
  });

  function returnOf(name: string): MonthlyReturn {
    const entry = read.get(name);
    if (!entry) throw new Error(`${name} was not read`);
    return entry.monthlyReturn;
  }

  it('has the nine returns and the resubmission', () => {
    expect(names).toHaveLength(10);
  });

  it.each(names)('reads every truth field of %s, and nothing the truth does not hold', (name) => {
    const truth = JSON.parse(readFileSync(path.join(FILINGS_DIR, `${name}.truth.json`), 'utf8'));
    const wrong = compareBothWays(compareLegacy, truth, returnOf(name)).filter(
      (field) => !field.ok && !field.uncertain,
    );
    expect(wrong).toEqual([]);
  });

  it('reads a repurchase and cancellation printed in parentheses as a decrease (2011-08)', () => {
    const monthlyReturn = returnOf('01149_2011-08');
    const [repurchase] = monthlyReturn.detailsOfMovements.otherMovements.classes[0]?.items ?? [];
    expect(repurchase).toMatchObject({
      type: 'repurchase',
      dateOfEvent: '2011-08-19',
      generalMeetingApprovalDate: '2011-06-03',
      changeInIssuedShares: -5940000,
      sharesIssuableAtClose: 0,
    });
    expect(monthlyReturn.issuedShares.classes[0]?.issuedShares).toEqual({
      preceding: 2592537458,
      movement: -5940000,
      closing: 2586597458,
    });
  });

  it('splits two consideration issues reported under one entry, by their date labels (2013-09)', () => {
    const items = returnOf('01149_2013-09').detailsOfMovements.otherMovements.classes[0]?.items ?? [];
    expect(items.map((item) => [item.type, item.changeInIssuedShares, item.sharesIssuableAtClose])).toEqual([
      ['consideration-issue', null, 64707513],
      ['consideration-issue', 50778605, 50778606],
    ]);
    expect(items[1]?.dateOfEvent).toBe('2013-09-06');
  });

  it('reads warrant amounts printed as units as counts, not money (2011-01)', () => {
    const [warrant] = returnOf('01149_2011-01').detailsOfMovements.warrants.classes[0]?.items ?? [];
    expect(warrant).toMatchObject({
      description: 'Unlisted Warrant',
      dateOfExpiry: '2012-10-27',
      amountPreceding: '90000000',
      amountClosing: '50000000',
      amountsIn: 'units',
      newSharesIssued: 40000000,
      note: 'Placing under General Mandate',
    });
  });

  it('reads the convertible notes converted and the consideration issue of 2009-10', () => {
    const details = returnOf('01149_2009-10').detailsOfMovements;
    const tranche2 = details.convertibles.classes[0]?.items[1];
    expect(tranche2?.movements).toEqual([
      { type: 'converted', label: 'Converted during the month', number: null, amount: '20000000' },
    ]);
    expect(tranche2?.price).toEqual({ currency: 'HKD', amount: '0.65' });
    expect(details.totals).toEqual([
      { className: 'Ordinary shares', changeInIssuedShares: 161769230, changeInTreasuryShares: null },
    ]);
  });

  it('tells a resubmission by its later submission date only (2013-05)', () => {
    const original = returnOf('01149_2013-05');
    const resubmitted = returnOf('01149_2013-05_resubmitted');
    expect([original.status, resubmitted.status]).toEqual([null, null]);
    expect([original.monthEnded, resubmitted.monthEnded]).toEqual(['2013-05-31', '2013-05-31']);
    expect([original.dateSubmitted, resubmitted.dateSubmitted]).toEqual(['2013-06-03', '2013-08-07']);
    expect(resubmitted.authorisedShareCapital.classes[0]?.authorisedShares.closing).toBe(8000000000);
  });

  it('flags the repurchase row whose class of shares is printed N/A (2013-05)', () => {
    const flags = read.get('01149_2013-05')?.flags ?? [];
    expect(flags.map((flag) => flag.message)).toEqual([
      'Repurchase of shares: the class of shares is printed as "N/A"; read as Ordinary shares, the issuer\'s only class',
    ]);
  });

  it('is what parseMonthlyReturn reads the 01149 returns with, and the checks flag the subtotal the filer left N/A', () => {
    const parsed = parseMonthlyReturn(extracted.get('01149_2013-05') as ExtractedDocument, '01149_2013-05.pdf');
    expect(parsed.monthlyReturn.form.kind).toBe('legacy');
    expect(parsed.flags.map((flag) => [flag.code, flag.section, flag.message])).toEqual([
      [
        'uncertain-figure',
        'III(E)',
        'Repurchase of shares: the class of shares is printed as "N/A"; read as Ordinary shares, the issuer\'s only class',
      ],
      [
        'subtotal-mismatch',
        'III(E)',
        'Ordinary shares, increase in issued shares: the figures add up to -2,200,000, but the form prints N/A',
      ],
    ]);
  });

  it('keeps "Total E. (Ordinary shares) N/A" apart from a printed 0, and says N/A in its flag (2013-05 resubmitted)', () => {
    const parsed = parseMonthlyReturn(
      extracted.get('01149_2013-05_resubmitted') as ExtractedDocument,
      '01149_2013-05_resubmitted.pdf',
    );
    const details = parsed.monthlyReturn.detailsOfMovements;
    expect(details.otherMovements.totals).toEqual([
      {
        className: 'Ordinary shares',
        increaseInIssuedShares: null,
        decreaseInTreasuryShares: null,
        printedInstead: { increaseInIssuedShares: 'N/A' },
      },
    ]);
    // "Total A. (Ordinary shares) 1,230,000" is a figure: nothing printed instead.
    expect(details.shareOptions.totals[0]).toEqual({
      className: 'Ordinary shares',
      increaseInIssuedShares: 1230000,
      decreaseInTreasuryShares: null,
    });
    const subtotal = parsed.flags.find((flag) => flag.code === 'subtotal-mismatch');
    expect(subtotal).toMatchObject({ expected: '-2200000', actual: null });
    expect(subtotal?.message).toBe(
      'Ordinary shares, increase in issued shares: the figures add up to -2,200,000, but the form prints N/A',
    );
  });

  it('raises no flag on the returns whose figures add up', () => {
    const flagged = names
      .filter((name) => !name.startsWith('01149_2013-05'))
      .filter((name) => parseMonthlyReturn(extracted.get(name) as ExtractedDocument, name).flags.length > 0);
    expect(flagged).toEqual([]);
  });
});
