/**
 * The Traditional-Chinese pre-2021 returns of 01149 in ../shared/filings/zh-legacy (2009-2013), read by the same
 * reader as their English twins with the Chinese template's labels, and compared with their truth and their twins.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareBothWays } from '../../../scripts/accuracy/corpus.js';
import { compareLegacy } from '../../../scripts/accuracy/legacy.js';
import type { ExtractedDocument } from '../../../src/domain/extracted-document.js';
import type { ParsedFiling } from '../../../src/domain/parsed-filing.js';
import { parseMonthlyReturn } from '../../../src/parse/index.js';
import { extractText } from '../../../src/pdf/extract-text.js';
import { FILINGS_DIR } from '../../helpers/corpus.js';
import { isInstalled } from '../../helpers/installed-command.js';

const ZH_DIR = path.join(FILINGS_DIR, 'zh-legacy');

const qpdf = isInstalled('qpdf');
if (!qpdf) console.warn('Skipping the 30-page Chinese return: qpdf is not installed (apt-get install qpdf)');
const available = existsSync(ZH_DIR);
if (!available) console.warn(`Skipping the Chinese pre-2021 corpus tests: ${ZH_DIR} not found (set HKEX_FILINGS_DIR)`);

const names = available
  ? readdirSync(ZH_DIR)
      .filter((name) => /^01149_.*_zh.*\.pdf$/.test(name))
      .map((name) => name.replace(/\.pdf$/, ''))
  : [];

/** The English return of the same month and submission: "01149_2013-05_zh_resubmitted" -> "01149_2013-05_resubmitted". */
function englishTwin(name: string): string {
  return name.replace(/_zh_revised$/, '').replace(/_zh(_|$)/, '$1');
}

async function parse(file: string): Promise<ParsedFiling> {
  const bytes = readFileSync(file);
  return parseMonthlyReturn(await extractText(bytes, undefined, path.basename(file)), path.basename(file));
}

describe.skipIf(!available)('Chinese pre-2021 returns of 01149', () => {
  const chinese = new Map<string, ParsedFiling>();
  const english = new Map<string, ParsedFiling>();
  const extracted = new Map<string, ExtractedDocument>();

  beforeAll(async () => {
    for (const name of names) {
      const bytes = readFileSync(path.join(ZH_DIR, `${name}.pdf`));
      extracted.set(name, await extractText(bytes, undefined, name));
      chinese.set(name, await parse(path.join(ZH_DIR, `${name}.pdf`)));
      english.set(name, await parse(path.join(FILINGS_DIR, `${englishTwin(name)}.pdf`)));
    }
  });

  function read(name: string): ParsedFiling {
    const parsed = chinese.get(name);
    if (!parsed) throw new Error(`${name} was not read`);
    return parsed;
  }

  it('has the eight Chinese returns', () => {
    expect(names).toHaveLength(8);
  });

  it.each(names)('reads every truth field of %s, and nothing the truth does not hold', (name) => {
    const truth = JSON.parse(readFileSync(path.join(ZH_DIR, `${name}.truth.json`), 'utf8'));
    const wrong = compareBothWays(compareLegacy, truth, read(name).monthlyReturn).filter(
      (field) => !field.ok && !field.uncertain,
    );
    expect(wrong).toEqual([]);
  });

  it.each(names)('reads the same figures from %s as from its English twin, and raises the same flags', (name) => {
    const zh = read(name);
    const en = english.get(name) as ParsedFiling;
    const figures = (parsed: ParsedFiling) => ({
      month: parsed.monthlyReturn.monthEnded,
      submitted: parsed.monthlyReturn.dateSubmitted,
      codes: parsed.monthlyReturn.stockCodes,
      issued: parsed.monthlyReturn.issuedShares.classes.map((shareClass) => shareClass.issuedShares),
      totals: parsed.monthlyReturn.detailsOfMovements.totals.map((total) => total.changeInIssuedShares),
      otherMovements: parsed.monthlyReturn.detailsOfMovements.otherMovements.classes.flatMap((group) =>
        group.items.map((item) => [item.type, item.changeInIssuedShares, item.sharesIssuableAtClose]),
      ),
    });
    expect(figures(zh)).toEqual(figures(en));
    expect(zh.flags.map((flag) => [flag.code, flag.section])).toEqual(
      en.flags.map((flag) => [flag.code, flag.section]),
    );
  });

  it('names the form in Chinese and its classes as the template prints them (2011-08)', () => {
    const { monthlyReturn } = read('01149_2011-08_zh');
    expect(monthlyReturn.form).toEqual({
      kind: 'legacy',
      version: null,
      language: 'zh-Hant',
      title: '股份發行人的證券變動月報表',
      pages: 10,
    });
    expect(monthlyReturn.issuerName).toBe('中國安芯控股有限公司');
    expect(monthlyReturn.issuedShares.classes.map((shareClass) => shareClass.className)).toEqual(['普通股']);
    expect(monthlyReturn.submittedBy).toBe('卓佳標準有限公司');
  });

  it('reads a date printed "2009 年 2 月 3 日" (2009-01)', () => {
    expect(read('01149_2009-01_zh').monthlyReturn.dateSubmitted).toBe('2009-02-03');
  });

  it('reads cells that extract as "不不不" (a broken ToUnicode map for 不適用) as N/A, not as text (2009-01)', () => {
    const { monthlyReturn, flags } = read('01149_2009-01_zh');
    const [scheme] = monthlyReturn.detailsOfMovements.shareOptions.classes[0]?.items ?? [];
    expect(scheme?.movements.map((movement) => [movement.label, movement.number])).toEqual([
      ['授出', null],
      ['行使', null],
      ['註銷', null],
      ['失效', null],
    ]);
    expect(scheme?.newSharesIssued).toBeNull();
    expect(scheme?.sharesIssuableAtClose).toBe(1000000);
    // The preference column's movement prints 不不不: the column is an unused slot, not a class.
    expect(monthlyReturn.issuedShares.classes.map((shareClass) => shareClass.className)).toEqual(['普通股']);
    expect(flags).toEqual([]);
  });

  it('reads the A-E total printed on the line above its label, and 無 as Nil (2011-08)', () => {
    const { monthlyReturn } = read('01149_2011-08_zh');
    expect(monthlyReturn.detailsOfMovements.totals).toEqual([
      { className: '普通股', changeInIssuedShares: -5940000, changeInTreasuryShares: null },
    ]);
    const [repurchase] = monthlyReturn.detailsOfMovements.otherMovements.classes[0]?.items ?? [];
    expect(repurchase).toMatchObject({
      event: '購回股份',
      type: 'repurchase',
      dateOfEvent: '2011-08-19',
      generalMeetingApprovalDate: '2011-06-03',
      changeInIssuedShares: -5940000,
      sharesIssuableAtClose: 0,
    });
  });

  it('flags 總數 E left 不適用 while its item carries a figure, and the class printed 不適用 (2013-05)', () => {
    const { monthlyReturn, flags } = read('01149_2013-05_zh_resubmitted');
    const otherMovements = monthlyReturn.detailsOfMovements.otherMovements;
    expect(otherMovements.totals).toEqual([
      {
        className: '普通股',
        increaseInIssuedShares: null,
        decreaseInTreasuryShares: null,
        printedInstead: { increaseInIssuedShares: '不適用' },
      },
    ]);
    expect(otherMovements.classes[0]?.items[0]?.changeInIssuedShares).toBe(-2200000);
    // Each flag quotes the form as printed: 不適用, never "N/A" or 0.
    expect(flags.map((flag) => [flag.code, flag.section, flag.subject, flag.message])).toEqual([
      [
        'uncertain-figure',
        'III(E)',
        '購回股份',
        '購回股份: the class of shares is printed as "不適用"; read as 普通股, the issuer\'s only class',
      ],
      [
        'subtotal-mismatch',
        'III(E)',
        '普通股',
        '普通股, increase in issued shares: the figures add up to -2,200,000, but the form prints 不適用',
      ],
    ]);
  });

  it('reads "Nil" printed in English inside the Chinese form as 0, as it reads 無 (2011-08)', () => {
    // 2011-08 prints 無 for the repurchase's shares issuable at close; filers also write the English word there.
    const doc = extracted.get('01149_2011-08_zh') as ExtractedDocument;
    const withNil: ExtractedDocument = {
      pages: doc.pages.map((page) => ({
        ...page,
        items: page.items.map((item) => (item.text.trim() === '無' ? { ...item, text: 'Nil' } : item)),
      })),
    };
    expect(withNil.pages.flatMap((page) => page.items).filter((item) => item.text === 'Nil')).toHaveLength(1);
    const parsed = parseMonthlyReturn(withNil, 'nil.pdf');
    const [repurchase] = parsed.monthlyReturn.detailsOfMovements.otherMovements.classes[0]?.items ?? [];
    expect(repurchase?.sharesIssuableAtClose).toBe(0);
    expect(parsed.monthlyReturn).toEqual(read('01149_2011-08_zh').monthlyReturn);
    expect(parsed.flags).toEqual([]);
  });

  it('reads prices whose currency follows the figure, and keeps wrapped Chinese text unspaced (2013-09)', () => {
    const items = read('01149_2013-09_zh').monthlyReturn.detailsOfMovements.otherMovements.classes[0]?.items ?? [];
    expect(items.map((item) => item.price)).toEqual([
      { currency: 'HKD', amount: '1.8035' },
      { currency: 'HKD', amount: '1.477' },
    ]);
    expect(items[0]?.note).toBe('(根據一般授權配發及發行) 備註一');
  });

  it.skipIf(!qpdf)(
    'reads a 30-page PDF file holding the same return three times as that one return',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'zh-thrice-'));
      try {
        const once = path.join(ZH_DIR, '01149_2011-08_zh.pdf');
        const thrice = path.join(dir, 'thrice.pdf');
        execFileSync('qpdf', ['--empty', '--pages', once, once, once, '--', thrice]);
        const parsed = await parse(thrice);
        const single = read('01149_2011-08_zh');
        expect(parsed.monthlyReturn.form.pages).toBe(30);
        expect({ ...parsed.monthlyReturn, form: single.monthlyReturn.form }).toEqual(single.monthlyReturn);
        expect(parsed.flags).toEqual(single.flags);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );

  it('reads a PDF that holds the same return three times (30 pages) as that one return', () => {
    const doc = extracted.get('01149_2011-08_zh') as ExtractedDocument;
    const pages = doc.pages.length;
    const tripled: ExtractedDocument = {
      pages: [0, 1, 2].flatMap((copy) => doc.pages.map((page) => ({ ...page, number: page.number + copy * pages }))),
    };
    const once = read('01149_2011-08_zh');
    const thrice = parseMonthlyReturn(tripled, 'tripled.pdf');
    expect(thrice.monthlyReturn.form.pages).toBe(30);
    expect({ ...thrice.monthlyReturn, form: once.monthlyReturn.form }).toEqual(once.monthlyReturn);
    expect(thrice.flags).toEqual(once.flags);
  });
});
