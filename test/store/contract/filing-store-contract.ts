/**
 * The behaviour every FilingStore must have, written once and run against each implementation (the lowdb store in
 * a temporary folder, the in-memory test store, and any other backend): a backend that passes it can replace
 * another without a caller noticing.
 *
 * A backend gives a factory; `reopen` (a restart on the same data) and `damageMonth` (a month's data torn as a
 * crash or a disk fault would) are optional, and the tests that need them are skipped, with a note, without them.
 */
import { afterEach, beforeEach, describe, expect, it, type TestContext } from 'vitest';
import { onlyIn, type Viewer, viewerIn, WORKSPACE } from '../../../src/domain/audience.js';
import type { MonthlyReturn, ReportMonth } from '../../../src/domain/monthly-return.js';
import type { SlackShare } from '../../../src/domain/slack-upload.js';
import type { StockCode } from '../../../src/domain/stock-code.js';
import type { DigestRecord, Watchlist } from '../../../src/domain/stored-return.js';
import type { FilingStore, SaveInput } from '../../../src/store/filing-store.js';
import { loadFixtureReturn } from '../../helpers/fixture-specs.js';
import { makeSaveInput, sha256Of } from '../store-fixtures.js';

export interface StoreUnderTest {
  readonly store: FilingStore;
  /** Closes the store and opens the same data again, as a restart would. */
  readonly reopen?: () => Promise<FilingStore>;
  /** Closes the store, damages what it holds for one code and month, and opens it again. */
  readonly damageMonth?: (stockCode: StockCode, month: ReportMonth) => Promise<FilingStore>;
  cleanup(): Promise<void>;
}

export type MakeStore = () => Promise<StoreUnderTest>;

const closingOf = (held: { monthlyReturn: Pick<MonthlyReturn, 'issuedShares'> } | null | undefined) =>
  held?.monthlyReturn.issuedShares.classes[0]?.issuedShares.closing;

const watchlist = (channelId: string, stockCodes: string[]): Watchlist => ({
  channelId,
  stockCodes,
  digestEnabled: true,
  updatedAt: '2024-01-02T03:04:05.000Z',
});

const digest = (channelId: string, reportMonth: string, messageTs: string[]): DigestRecord => ({
  channelId,
  reportMonth,
  sentAt: '2024-01-08T01:00:00.000Z',
  messageTs,
  trigger: 'scheduled',
});

const original = () => makeSaveInput({ file: 'original', dateSubmitted: '2023-12-06', closing: 1000 });
const corrected = () =>
  makeSaveInput({ file: 'corrected', status: 'resubmission', dateSubmitted: '2023-12-20', closing: 1200 });

export function describeFilingStoreContract(name: string, makeStore: MakeStore): void {
  describe(`FilingStore contract: ${name}`, () => {
    let subject: StoreUnderTest | null = null;
    let store: FilingStore;

    beforeEach(async () => {
      subject = await makeStore();
      store = subject.store;
    });
    afterEach(async () => {
      await subject?.cleanup();
      subject = null;
    });

    const reopen = async (ctx: TestContext) => {
      if (!subject?.reopen) return ctx.skip(`${name} keeps nothing across a restart`);
      store = await subject.reopen();
    };
    const damageMonth = async (ctx: TestContext, stockCode: StockCode, month: ReportMonth) => {
      if (!subject?.damageMonth) return ctx.skip(`${name} has no files to damage`);
      store = await subject.damageMonth(stockCode, month);
    };

    /** Three months of 00020 and one of 00700, saved out of order. */
    const saveSomeReturns = async () => {
      await store.save(makeSaveInput({ month: '2023-10', closing: 100 }));
      await store.save(makeSaveInput({ month: '2023-12', closing: 300 }));
      await store.save(makeSaveInput({ month: '2023-11', closing: 200 }));
      await store.save(makeSaveInput({ stockCode: '00700', month: '2023-11', issuerName: 'Tencent Holdings Limited' }));
    };

    describe('saving', () => {
      it("keeps an A share's Shanghai code and part IV's depositary, ratio and underlying class, across a restart", async (ctx) => {
        const fixtures = { 'a-plus-h': '01338_2025-09_a-plus-h-sse', hdr: '06288_2025-08_hdr-depositary' } as const;
        for (const [file, name] of Object.entries(fixtures)) {
          await store.save({ ...makeSaveInput({ file }), monthlyReturn: loadFixtureReturn(name) });
        }
        const heldAsSaved = async () => {
          for (const [file, name] of Object.entries(fixtures)) {
            expect((await store.findBySha256(sha256Of(file)))?.monthlyReturn).toEqual(loadFixtureReturn(name));
          }
        };
        await heldAsSaved();
        await reopen(ctx);
        await heldAsSaved();
      });

      it('keeps a return with its provenance and flags', async () => {
        const flag = {
          code: 'balance-mismatch' as const,
          severity: 'error' as const,
          section: 'II',
          subject: 'Ordinary shares',
          message: 'Ordinary shares: 100 + 5 = 105, but the form says 106',
          expected: '105',
          actual: '106',
        };
        const result = await store.save({ ...makeSaveInput({ file: 'nov' }), flags: [flag] });
        expect(result.status).toBe('stored');
        const held = await store.findBySha256(sha256Of('nov'));
        expect(held).toMatchObject({
          id: sha256Of('nov'),
          stockCode: '00020',
          reportMonth: '2023-11',
          supersededBy: null,
          supersedes: null,
        });
        expect(held?.provenance).toEqual({
          source: { kind: 'path', path: '/filings/nov.pdf' },
          sha256: sha256Of('nov'),
          readAt: '2023-12-06T02:00:00.000Z',
          parserVersion: '0.1.0',
        });
        expect(held?.flags).toEqual([flag]);
        expect(closingOf(held)).toBe(1_000_000_000);
      });

      it('keeps the data across a restart', async (ctx) => {
        await saveSomeReturns();
        await reopen(ctx);
        expect((await store.history('00020')).map((h) => h.reportMonth)).toEqual(['2023-12', '2023-11', '2023-10']);
        expect((await store.findBySha256(sha256Of('00700-2023-11-new')))?.monthlyReturn.issuerName).toBe(
          'Tencent Holdings Limited',
        );
      });

      it('refuses a return with no stock code to file it under, and stores nothing', async () => {
        const input = makeSaveInput();
        const noCode = {
          ...input,
          monthlyReturn: {
            ...input.monthlyReturn,
            stockCodes: [],
            issuedShares: { ...input.monthlyReturn.issuedShares, classes: [] },
          },
        };
        await expect(store.save(noCode)).rejects.toMatchObject({ code: 'bad-input' });
        expect(await store.listIssuers()).toEqual([]);
      });

      it('refuses a return that does not validate, and stores nothing', async () => {
        const input = makeSaveInput({ file: 'bad' });
        const bad = { ...input, monthlyReturn: { ...input.monthlyReturn, dateSubmitted: '6 Dec 2023' } };
        await expect(store.save(bad)).rejects.toMatchObject({ code: 'bad-input' });
        expect(await store.findBySha256(sha256Of('bad'))).toBeNull();
        expect(await store.listIssuers()).toEqual([]);
      });

      it('files a return under its first listed stock code', async () => {
        const input = makeSaveInput({ stockCode: '00005' });
        const twoCodes = { ...input, monthlyReturn: { ...input.monthlyReturn, stockCodes: ['00005', '80005'] } };
        expect((await store.save(twoCodes)).stored.stockCode).toBe('00005');
        expect(await store.monthsHeld('00005')).toEqual(['2023-11']);
        expect(await store.monthsHeld('80005')).toEqual([]);
      });
    });

    describe('the same file (sha256) saved twice', () => {
      it('is stored once, and the second save answers with the one held', async () => {
        const input = makeSaveInput({ file: 'nov' });
        await store.save(input);
        const again = await store.save({
          ...input,
          provenance: { ...input.provenance, readAt: '2024-05-01T00:00:00Z' },
        });
        expect(again.status).toBe('already-held');
        expect(again.stored.provenance.readAt).toBe('2023-12-06T02:00:00.000Z');
        expect(await store.submissions('00020', '2023-11')).toHaveLength(1);
      });

      it('is stored once when both saves run at the same time', async () => {
        const input = makeSaveInput({ file: 'nov' });
        const results = await Promise.all([store.save(input), store.save(input)]);
        expect(results.map((r) => r.status).sort()).toEqual(['already-held', 'stored']);
        expect(await store.submissions('00020', '2023-11')).toHaveLength(1);
      });

      it('is recognised after a restart', async (ctx) => {
        await store.save(makeSaveInput({ file: 'nov' }));
        await reopen(ctx);
        expect((await store.save(makeSaveInput({ file: 'nov' }))).status).toBe('already-held');
      });

      it('is found by its sha256, and an unknown sha256 finds nothing', async () => {
        await store.save(makeSaveInput({ file: 'nov' }));
        expect((await store.findBySha256(sha256Of('nov')))?.reportMonth).toBe('2023-11');
        expect(await store.findBySha256(sha256Of('never saved'))).toBeNull();
      });
    });

    describe('the same return in another file (same parsed model, other sha256)', () => {
      it('is already held as the same return, never a resubmission, and nothing is written', async () => {
        const input = makeSaveInput({ file: 'nov' });
        await store.save(input);
        const resaved = { ...input, provenance: { ...input.provenance, sha256: sha256Of('nov, linearized') } };
        const result = await store.save(resaved);
        expect(result).toMatchObject({
          status: 'already-held',
          match: 'same-content',
          stored: { id: sha256Of('nov') },
        });
        expect((await store.submissions('00020', '2023-11')).map((s) => s.id)).toEqual([sha256Of('nov')]);
        expect(await store.findBySha256(sha256Of('nov, linearized'))).toBeNull();
      });

      it('is told apart from the same file', async () => {
        const input = makeSaveInput({ file: 'nov' });
        await store.save(input);
        expect(await store.save(input)).toMatchObject({ status: 'already-held', match: 'same-file' });
      });

      it('is a resubmission still when one figure differs', async () => {
        await store.save(makeSaveInput({ file: 'nov', closing: 1000 }));
        const changed = makeSaveInput({ file: 'nov-2', closing: 1001, readAt: '2023-12-07T02:00:00.000Z' });
        expect((await store.save(changed)).status).toBe('superseded-earlier');
      });
    });

    describe('the same file later seen on HKEXnews', () => {
      const listing = (newsId: string) => ({
        kind: 'hkexnews' as const,
        newsId,
        url: `https://www1.hkexnews.hk/listedco/listconews/sehk/2023/1206/${newsId}.pdf`,
        title: 'Monthly Return of Equity Issuer on Movements in Securities for the month ended 30 November 2023',
        releasedAt: '2023-12-06T16:30+08:00',
      });
      const fromHkexnews = (newsId: string, input = original()) => ({
        ...input,
        provenance: { ...input.provenance, source: listing(newsId), readAt: '2023-12-07T02:00:00.000Z' },
      });

      it('links the held return to its listing there, keeping where it was first read from', async () => {
        await store.save(original());
        const result = await store.save(fromHkexnews('11538201'));
        expect(result).toMatchObject({
          status: 'already-held',
          match: 'same-file',
          stored: { hkexnews: listing('11538201') },
        });
        const held = await store.findBySha256(original().provenance.sha256);
        expect(held?.hkexnews).toEqual(listing('11538201'));
        expect(held?.provenance).toEqual(original().provenance);
        expect((await store.forMonth('00020', '2023-11'))?.hkexnews?.newsId).toBe('11538201');
        expect(await store.submissions('00020', '2023-11')).toHaveLength(1);
      });

      it('keeps the first listing seen, and the link across a restart', async (ctx) => {
        await store.save(original());
        await store.save(fromHkexnews('11538201'));
        expect((await store.save(fromHkexnews('99999999'))).stored.hkexnews?.newsId).toBe('11538201');
        await reopen(ctx);
        expect((await store.latest('00020'))?.hkexnews?.newsId).toBe('11538201');
      });

      it('links only the same file: another file of the same return is not that document', async () => {
        await store.save(original());
        const other = fromHkexnews('11538201');
        const resaved = { ...other, provenance: { ...other.provenance, sha256: sha256Of('re-saved original') } };
        expect(await store.save(resaved)).toMatchObject({ status: 'already-held', match: 'same-content' });
        expect((await store.latest('00020'))?.hkexnews).toBeUndefined();
      });

      it('supersedes as an upload would when the site holds a resubmission', async () => {
        await store.save(original());
        const result = await store.save(fromHkexnews('11560001', corrected()));
        expect(result.status).toBe('superseded-earlier');
        expect(closingOf(await store.latest('00020'))).toBe(1200);
        const [current, earlier] = await store.submissions('00020', '2023-11');
        expect(current?.provenance.source).toEqual(listing('11560001'));
        expect(earlier?.supersededBy).toBe(current?.id);
      });
    });

    describe('resubmissions for one code and month', () => {
      it('make a later submission current, the earlier one superseded by it', async () => {
        expect((await store.save(original())).status).toBe('stored');
        expect(await store.save(corrected())).toMatchObject({
          status: 'superseded-earlier',
          stored: { id: sha256Of('corrected'), supersedes: sha256Of('original'), supersededBy: null },
          superseded: { id: sha256Of('original'), supersededBy: sha256Of('corrected') },
        });
        expect(closingOf(await store.forMonth('00020', '2023-11'))).toBe(1200);
        expect((await store.latest('00020'))?.id).toBe(sha256Of('corrected'));
        expect((await store.submissions('00020', '2023-11')).map((s) => [s.id, s.supersededBy])).toEqual([
          [sha256Of('corrected'), null],
          [sha256Of('original'), sha256Of('corrected')],
        ]);
      });

      it('keep the held one current when an older submission arrives later', async () => {
        await store.save(corrected());
        expect(await store.save(original())).toMatchObject({
          status: 'older-than-held',
          stored: { id: sha256Of('original'), supersededBy: sha256Of('corrected') },
          current: { id: sha256Of('corrected'), supersedes: sha256Of('original') },
        });
        expect((await store.forMonth('00020', '2023-11'))?.id).toBe(sha256Of('corrected'));
        expect((await store.submissions('00020', '2023-11')).map((s) => s.id)).toEqual([
          sha256Of('corrected'),
          sha256Of('original'),
        ]);
      });

      it('link a submission that falls between two held ones to its neighbours', async () => {
        await store.save(original());
        await store.save(corrected());
        const middle = makeSaveInput({ file: 'middle', status: 'resubmission', dateSubmitted: '2023-12-10' });
        expect(await store.save(middle)).toMatchObject({
          status: 'older-than-held',
          stored: { supersedes: sha256Of('original'), supersededBy: sha256Of('corrected') },
          current: { id: sha256Of('corrected') },
        });
        expect((await store.submissions('00020', '2023-11')).map((s) => [s.id, s.supersedes, s.supersededBy])).toEqual([
          [sha256Of('corrected'), sha256Of('middle'), null],
          [sha256Of('middle'), sha256Of('original'), sha256Of('corrected')],
          [sha256Of('original'), null, sha256Of('middle')],
        ]);
      });

      it('rank a resubmission above a new submission dated the same day, whichever was read first', async () => {
        const sameDayNew = makeSaveInput({ file: 'a', dateSubmitted: '2023-12-06', readAt: '2024-01-01T00:00:00Z' });
        const sameDayResubmission = makeSaveInput({
          file: 'b',
          status: 'resubmission',
          dateSubmitted: '2023-12-06',
          readAt: '2023-12-07T00:00:00Z',
        });
        await store.save(sameDayResubmission);
        expect((await store.save(sameDayNew)).status).toBe('older-than-held');
        expect((await store.forMonth('00020', '2023-11'))?.id).toBe(sha256Of('b'));
      });

      it('fall back on the later reading when date and status tie', async () => {
        // Two returns, not two files of one: they differ in a figure, not in date or status.
        await store.save(makeSaveInput({ file: 'first', readAt: '2023-12-07T01:00:00Z', closing: 1 }));
        expect(
          (await store.save(makeSaveInput({ file: 'second', readAt: '2023-12-07T09:00:00Z', closing: 2 }))).status,
        ).toBe('superseded-earlier');
        expect((await store.forMonth('00020', '2023-11'))?.id).toBe(sha256Of('second'));
      });

      it('count a month once in history, months held and the issuer list', async () => {
        await store.save(original());
        await store.save(corrected());
        await store.save(makeSaveInput({ month: '2023-12' }));
        expect((await store.history('00020')).map((h) => [h.id, h.supersedes])).toEqual([
          [sha256Of('00020-2023-12-new'), null],
          [sha256Of('corrected'), sha256Of('original')],
        ]);
        expect(await store.monthsHeld('00020')).toEqual(['2023-12', '2023-11']);
        expect((await store.listIssuers())[0]?.returnsHeld).toBe(2);
        expect((await store.previous('00020', '2023-12'))?.id).toBe(sha256Of('corrected'));
      });

      it('give in history the current submission and the one it replaced, however they arrived, across a restart', async (ctx) => {
        await store.save(corrected());
        await store.save(original());
        const middle = makeSaveInput({ file: 'middle', status: 'resubmission', dateSubmitted: '2023-12-10' });
        await store.save(middle);
        const current = [[sha256Of('corrected'), sha256Of('middle'), 1200]];
        const entries = async () => (await store.history('00020')).map((h) => [h.id, h.supersedes, closingOf(h)]);
        expect(await entries()).toEqual(current);
        await store.save(
          makeSaveInput({ file: 'latest', status: 'resubmission', dateSubmitted: '2023-12-28', closing: 1300 }),
        );
        expect(await entries()).toEqual([[sha256Of('latest'), sha256Of('corrected'), 1300]]);
        await reopen(ctx);
        expect(await entries()).toEqual([[sha256Of('latest'), sha256Of('corrected'), 1300]]);
      });

      it('keep ten submissions of one month saved at the same time, the latest current', async (ctx) => {
        const inputs = Array.from({ length: 10 }, (_, i) =>
          makeSaveInput({ file: `resub-${i}`, status: 'resubmission', dateSubmitted: `2023-12-${10 + i}` }),
        );
        await Promise.all(inputs.map((input) => store.save(input)));
        expect(await store.submissions('00020', '2023-11')).toHaveLength(10);
        expect((await store.forMonth('00020', '2023-11'))?.id).toBe(sha256Of('resub-9'));
        await reopen(ctx);
        expect((await store.submissions('00020', '2023-11')).map((s) => s.id)).toEqual(
          inputs.map((input) => input.provenance.sha256).reverse(),
        );
      });
    });

    describe('lookups', () => {
      it('answer the latest month held for a code, whatever the order saved', async () => {
        await saveSomeReturns();
        const latest = await store.latest('00020');
        expect(latest?.reportMonth).toBe('2023-12');
        expect(closingOf(latest)).toBe(300);
        expect(await store.latest('00005')).toBeNull();
      });

      it('answer the return for a code and month, and null for a month not held', async () => {
        await saveSomeReturns();
        expect(closingOf(await store.forMonth('00020', '2023-11'))).toBe(200);
        expect(await store.forMonth('00020', '2023-09')).toBeNull();
        expect(await store.forMonth('09999', '2023-11')).toBeNull();
        expect(await store.submissions('00020', '2023-09')).toEqual([]);
      });

      it('give the history newest month first, capped by a limit', async () => {
        await saveSomeReturns();
        const history = await store.history('00020');
        expect(
          history.map((h) => [h.reportMonth, h.monthlyReturn.issuedShares.classes[0]?.issuedShares.closing]),
        ).toEqual([
          ['2023-12', 300],
          ['2023-11', 200],
          ['2023-10', 100],
        ]);
        expect((await store.history('00020', { limit: 2 })).map((h) => h.reportMonth)).toEqual(['2023-12', '2023-11']);
        expect(await store.history('00020', { limit: 0 })).toEqual([]);
        expect(await store.history('09999')).toEqual([]);
      });

      it('give the months held newest first, none of them damaged', async () => {
        await saveSomeReturns();
        expect(await store.damagedMonths('00020')).toEqual([]);
        expect(await store.monthsHeld('00020')).toEqual(['2023-12', '2023-11', '2023-10']);
        expect(await store.monthsHeld('00700')).toEqual(['2023-11']);
        expect(await store.monthsHeld('09999')).toEqual([]);
      });

      it('find the current return of the latest month before a given one, across a gap', async () => {
        await saveSomeReturns();
        await store.save(makeSaveInput({ month: '2024-03', closing: 600 }));
        expect((await store.previous('00020', '2024-03'))?.reportMonth).toBe('2023-12');
        expect((await store.previous('00020', '2024-02'))?.reportMonth).toBe('2023-12');
        expect((await store.previous('00020', '2023-12'))?.reportMonth).toBe('2023-11');
        expect(await store.previous('00020', '2023-10')).toBeNull();
      });

      it('list every current return of a report month, by code', async () => {
        await saveSomeReturns();
        await store.save(corrected());
        const november = await store.forReportMonth('2023-11');
        expect(november.map((r) => [r.stockCode, r.reportMonth, r.id])).toEqual([
          ['00020', '2023-11', sha256Of('corrected')],
          ['00700', '2023-11', sha256Of('00700-2023-11-new')],
        ]);
        expect(await store.forReportMonth('2022-01')).toEqual([]);
      });
    });

    describe('issuers', () => {
      it('are listed by code with the latest name, month, count and submission date', async () => {
        await saveSomeReturns();
        await store.save(makeSaveInput({ month: '2024-01', issuerName: 'Example Group Limited' }));
        expect(await store.listIssuers()).toEqual([
          {
            stockCode: '00020',
            issuerName: 'Example Group Limited',
            latestMonth: '2024-01',
            returnsHeld: 4,
            latestDateSubmitted: '2024-02-06',
          },
          {
            stockCode: '00700',
            issuerName: 'Tencent Holdings Limited',
            latestMonth: '2023-11',
            returnsHeld: 1,
            latestDateSubmitted: '2023-12-06',
          },
        ]);
      });

      it('take the name of the current submission of the latest month', async () => {
        await store.save(
          makeSaveInput({ file: 'x', issuerName: 'Misspelt Holdngs Limited', dateSubmitted: '2023-12-06' }),
        );
        await store.save(
          makeSaveInput({
            file: 'y',
            issuerName: 'Example Holdings Limited',
            status: 'resubmission',
            dateSubmitted: '2023-12-08',
          }),
        );
        expect((await store.listIssuers()).map((i) => [i.issuerName, i.latestDateSubmitted])).toEqual([
          ['Example Holdings Limited', '2023-12-08'],
        ]);
      });

      it('are found by part of a name without case, and by code', async () => {
        await saveSomeReturns();
        await store.save(makeSaveInput({ month: '2024-01', issuerName: 'SenseTime Group Inc.' }));
        await store.save(
          makeSaveInput({ stockCode: '02020', month: '2024-01', issuerName: 'ANTA Sports Products Limited' }),
        );
        expect((await store.searchIssuers('sensetime')).map((f) => [f.stockCode, f.issuerName])).toEqual([
          ['00020', 'SenseTime Group Inc.'],
        ]);
        expect((await store.searchIssuers('TENCENT'))[0]?.stockCode).toBe('00700');
        expect((await store.searchIssuers('700'))[0]?.stockCode).toBe('00700');
        expect(await store.searchIssuers('hsbc')).toEqual([]);
        expect(await store.searchIssuers('   ')).toEqual([]);
      });

      it('are found by the Shanghai code their returns print for a class, by no other code, across a restart', async (ctx) => {
        await saveSomeReturns();
        await store.save({
          ...makeSaveInput({ file: 'a-plus-h' }),
          monthlyReturn: loadFixtureReturn('01338_2025-09_a-plus-h-sse'),
        });
        const found = async () => ({
          sse: await store.findByOtherExchangeCode({ exchange: 'SSE', stockCode: '601338' }),
          szse: await store.findByOtherExchangeCode({ exchange: 'SZSE', stockCode: '601338' }),
          other: await store.findByOtherExchangeCode({ exchange: 'SSE', stockCode: '600036' }),
        });
        const expected = {
          sse: [
            {
              stockCode: '01338',
              issuerName: 'Donghai Port Machinery Co., Ltd.',
              latestMonth: '2025-09',
              returnsHeld: 1,
              latestDateSubmitted: '2025-10-06',
            },
          ],
          szse: [],
          other: [],
        };
        expect(await found()).toEqual(expected);
        await reopen(ctx);
        expect(await found()).toEqual(expected);
      });

      it('are found by a name they filed under before', async () => {
        await store.save(makeSaveInput({ month: '2023-11', issuerName: 'Old Name Limited' }));
        await store.save(makeSaveInput({ month: '2023-12', issuerName: 'New Name Limited' }));
        expect((await store.searchIssuers('old name')).map((f) => f.issuerName)).toEqual(['New Name Limited']);
      });

      it('are found no more than the limit asks', async () => {
        for (const code of ['00001', '00002', '00003']) {
          await store.save(makeSaveInput({ stockCode: code, issuerName: `Harbour ${code} Limited` }));
        }
        expect((await store.searchIssuers('harbour', { limit: 2 })).map((f) => f.stockCode)).toEqual([
          '00001',
          '00002',
        ]);
      });
    });

    describe('who may see a return', () => {
      const inPrivate = onlyIn('G0PRIVATE');
      const privateChannel = viewerIn('G0PRIVATE');
      const draft = () => ({ ...makeSaveInput({ file: 'draft', closing: 777 }), audience: inPrivate });

      it('keeps a return read in a private conversation to that conversation: elsewhere it is not held', async () => {
        await store.save(draft());
        expect(closingOf(await store.forMonth('00020', '2023-11', privateChannel))).toBe(777);
        expect((await store.latest('00020', privateChannel))?.audience).toEqual(inPrivate);
        expect((await store.listIssuers(privateChannel)).map((i) => i.stockCode)).toEqual(['00020']);
        for (const elsewhere of [WORKSPACE, viewerIn('C0PUBLIC'), viewerIn('G0OTHER')]) {
          expect(await store.latest('00020', elsewhere)).toBeNull();
          expect(await store.forMonth('00020', '2023-11', elsewhere)).toBeNull();
          expect(await store.monthsHeld('00020', elsewhere)).toEqual([]);
          expect(await store.history('00020', { viewer: elsewhere })).toEqual([]);
          expect(await store.forReportMonth('2023-11', elsewhere)).toEqual([]);
          expect(await store.listIssuers(elsewhere)).toEqual([]);
          expect(await store.searchIssuers('example', { viewer: elsewhere })).toEqual([]);
          expect(await store.findBySha256(sha256Of('draft'), elsewhere)).toBeNull();
          expect(await store.submissions('00020', '2023-11', elsewhere)).toEqual([]);
        }
      });

      it("finds a private return's issuer by its Shanghai code only where the return may be seen", async () => {
        const monthlyReturn = loadFixtureReturn('01338_2025-09_a-plus-h-sse');
        await store.save({ ...makeSaveInput({ file: 'a-plus-h' }), monthlyReturn, audience: inPrivate });
        const code = { exchange: 'SSE', stockCode: '601338' } as const;
        expect((await store.findByOtherExchangeCode(code, privateChannel)).map((i) => i.stockCode)).toEqual(['01338']);
        expect(await store.findByOtherExchangeCode(code, viewerIn('C0PUBLIC'))).toEqual([]);
        expect(await store.findByOtherExchangeCode(code)).toEqual([]);
      });

      it('shows the returns of the workspace in every conversation, and a private draft only where it was read', async () => {
        await store.save(makeSaveInput({ month: '2023-10', closing: 100 }));
        await store.save(makeSaveInput({ file: 'public', closing: 200 }));
        const correction = {
          ...makeSaveInput({ file: 'draft', status: 'resubmission', dateSubmitted: '2023-12-20', closing: 250 }),
          audience: inPrivate,
        };
        await store.save(correction);
        // The draft of a correction is current where it was read; elsewhere the public figure stays.
        expect(closingOf(await store.forMonth('00020', '2023-11', privateChannel))).toBe(250);
        expect(closingOf(await store.forMonth('00020', '2023-11', viewerIn('C0PUBLIC')))).toBe(200);
        expect(closingOf(await store.latest('00020'))).toBe(200);
        const closings = (
          history: { monthlyReturn: { issuedShares: { classes: { issuedShares: { closing: number | null } }[] } } }[],
        ) => history.map((h) => h.monthlyReturn.issuedShares.classes[0]?.issuedShares.closing);
        expect(closings(await store.history('00020', { viewer: privateChannel }))).toEqual([250, 100]);
        expect(closings(await store.history('00020', { viewer: WORKSPACE }))).toEqual([200, 100]);
        expect((await store.submissions('00020', '2023-11')).map((s) => s.id)).toEqual([sha256Of('public')]);
        expect((await store.previous('00020', '2023-12', privateChannel))?.id).toBe(sha256Of('draft'));
      });

      it('lists and finds an issuer with the months each viewer may see: its latest, and how many', async () => {
        await store.save(makeSaveInput({ month: '2023-10', closing: 100 }));
        await store.save(makeSaveInput({ file: 'public', closing: 200 }));
        const correction = makeSaveInput({ file: 'draft', status: 'resubmission', dateSubmitted: '2023-12-20' });
        await store.save({ ...correction, audience: inPrivate });
        await store.save({ ...makeSaveInput({ month: '2023-12', file: 'december' }), audience: inPrivate });
        const seen = (issuers: { latestMonth: string; returnsHeld: number }[]) =>
          issuers.map((i) => [i.latestMonth, i.returnsHeld]);
        expect(seen(await store.listIssuers(privateChannel))).toEqual([['2023-12', 3]]);
        expect(seen(await store.searchIssuers('example', { viewer: privateChannel }))).toEqual([['2023-12', 3]]);
        for (const elsewhere of [WORKSPACE, viewerIn('G0OTHER')]) {
          expect(seen(await store.listIssuers(elsewhere))).toEqual([['2023-11', 2]]);
          expect(seen(await store.searchIssuers('example holdings', { viewer: elsewhere }))).toEqual([['2023-11', 2]]);
        }
      });

      it('makes a private return public when the same return is later read in a public place', async () => {
        await store.save(draft());
        const shared = { ...draft(), audience: WORKSPACE };
        expect(await store.save(shared)).toMatchObject({
          status: 'already-held',
          match: 'same-file',
          stored: { audience: WORKSPACE },
        });
        expect(closingOf(await store.latest('00020', viewerIn('C0PUBLIC')))).toBe(777);
        expect((await store.listIssuers()).map((i) => i.stockCode)).toEqual(['00020']);
        expect((await store.history('00020')).map((h) => [h.id, closingOf(h)])).toEqual([[sha256Of('draft'), 777]]);
      });

      it('gives the history of a month whose correction is private: the correction where it was read, else the public one', async () => {
        const correction = () =>
          makeSaveInput({ file: 'draft', status: 'resubmission', dateSubmitted: '2023-12-20', closing: 250 });
        await store.save(makeSaveInput({ file: 'public', closing: 200 }));
        await store.save({ ...correction(), audience: inPrivate });
        await store.save(makeSaveInput({ month: '2023-12', closing: 300 }));
        const entries = async (viewer: Viewer) =>
          (await store.history('00020', { viewer })).map((h) => [h.reportMonth, h.supersedes, closingOf(h)]);
        expect(await entries(privateChannel)).toEqual([
          ['2023-12', null, 300],
          ['2023-11', sha256Of('public'), 250],
        ]);
        expect(await entries(WORKSPACE)).toEqual([
          ['2023-12', null, 300],
          ['2023-11', null, 200],
        ]);
        expect((await store.history('00020', { viewer: privateChannel, limit: 1 })).map((h) => h.reportMonth)).toEqual([
          '2023-12',
        ]);
        // Made public by a share in a public place: the correction is the workspace's current one from then.
        await store.save({ ...correction(), audience: WORKSPACE });
        expect((await entries(WORKSPACE))[1]).toEqual(['2023-11', sha256Of('public'), 250]);
      });

      it('makes it public from another file of the same return too, and keeps that across a restart', async (ctx) => {
        await store.save(draft());
        const fetched = makeSaveInput({ file: 'draft', closing: 777 });
        const other = { ...fetched, provenance: { ...fetched.provenance, sha256: sha256Of('fetched from HKEXnews') } };
        expect((await store.save(other)).status).toBe('already-held');
        expect(closingOf(await store.forMonth('00020', '2023-11', WORKSPACE))).toBe(777);
        await reopen(ctx);
        expect(closingOf(await store.forMonth('00020', '2023-11', WORKSPACE))).toBe(777);
      });

      it('never widens on its own: a private return read again in its conversation stays as it was', async () => {
        await store.save(draft());
        expect(await store.save(draft())).toMatchObject({ status: 'already-held', stored: { audience: inPrivate } });
        expect(await store.latest('00020', WORKSPACE)).toBeNull();
        expect((await store.latest('00020', privateChannel))?.audience).toEqual(inPrivate);
      });

      it('is seen in every private conversation it is shared in, and still in no other', async () => {
        await store.save(draft());
        const again = await store.save({ ...draft(), audience: onlyIn('D0DIRECT') });
        const both = { kind: 'conversations', channelIds: ['G0PRIVATE', 'D0DIRECT'] };
        expect(again).toMatchObject({ status: 'already-held', match: 'same-file', stored: { audience: both } });
        // Those who could see it before: to D0DIRECT it was not held until now.
        expect(again.status === 'already-held' && again.widenedFrom).toEqual(inPrivate);
        for (const viewer of [privateChannel, viewerIn('D0DIRECT')]) {
          expect(closingOf(await store.latest('00020', viewer))).toBe(777);
          expect(closingOf(await store.forMonth('00020', '2023-11', viewer))).toBe(777);
          expect(await store.monthsHeld('00020', viewer)).toEqual(['2023-11']);
          expect((await store.history('00020', { viewer })).map((h) => h.id)).toEqual([sha256Of('draft')]);
          expect((await store.forReportMonth('2023-11', viewer)).map((r) => r.id)).toEqual([sha256Of('draft')]);
          expect((await store.listIssuers(viewer)).map((i) => i.stockCode)).toEqual(['00020']);
          expect((await store.searchIssuers('example', { viewer })).map((i) => i.stockCode)).toEqual(['00020']);
          expect((await store.findBySha256(sha256Of('draft'), viewer))?.id).toBe(sha256Of('draft'));
        }
        for (const elsewhere of [WORKSPACE, viewerIn('C0PUBLIC'), viewerIn('G0OTHER')]) {
          expect(await store.latest('00020', elsewhere)).toBeNull();
          expect(await store.listIssuers(elsewhere)).toEqual([]);
          expect(await store.findBySha256(sha256Of('draft'), elsewhere)).toBeNull();
        }
      });

      it('widens from another file of the same return shared in a third conversation, and keeps that across a restart', async (ctx) => {
        await store.save(draft());
        await store.save({ ...draft(), audience: onlyIn('D0DIRECT') });
        const other = { ...draft(), audience: onlyIn('G0BOARD') };
        const resaved = { ...other, provenance: { ...other.provenance, sha256: sha256Of('re-saved draft') } };
        expect(await store.save(resaved)).toMatchObject({
          status: 'already-held',
          match: 'same-content',
          stored: { id: sha256Of('draft'), audience: { channelIds: ['G0PRIVATE', 'D0DIRECT', 'G0BOARD'] } },
        });
        await reopen(ctx);
        for (const channelId of ['G0PRIVATE', 'D0DIRECT', 'G0BOARD']) {
          expect(closingOf(await store.latest('00020', viewerIn(channelId)))).toBe(777);
        }
        expect(await store.latest('00020', viewerIn('G0OTHER'))).toBeNull();
        // Then shared in a public place: the workspace's, and never narrowed again by a private share.
        await store.save({ ...draft(), audience: WORKSPACE });
        await store.save({ ...draft(), audience: onlyIn('G0LATER') });
        expect((await store.latest('00020', viewerIn('G0OTHER')))?.audience).toEqual(WORKSPACE);
      });

      it('keeps a private return private across a restart', async (ctx) => {
        await store.save(draft());
        await reopen(ctx);
        expect(await store.latest('00020')).toBeNull();
        expect(closingOf(await store.latest('00020', privateChannel))).toBe(777);
      });
    });

    describe('Slack uploads', () => {
      const LEASE_MS = 60_000;
      const shareOf = (fileId: string, channelId = 'C1'): SlackShare => ({
        fileId,
        fileName: `${fileId}.pdf`,
        channelId,
        shareTs: '1700000000.000100',
        threadTs: '1700000000.000100',
        userId: 'U1',
      });

      it('are claimed once: a second claim finds the upload in hand', async () => {
        expect((await store.claimSlackUpload(shareOf('F0123ABCDEF'), LEASE_MS)).outcome).toBe('claimed');
        expect((await store.claimSlackUpload(shareOf('F0123ABCDEF'), LEASE_MS)).outcome).toBe('in-hand');
        expect((await store.claimSlackUpload(shareOf('F0999'), LEASE_MS)).outcome).toBe('claimed');
      });

      it('are claimed by one of two claims made at the same time', async () => {
        const claims = await Promise.all([
          store.claimSlackUpload(shareOf('F1'), LEASE_MS),
          store.claimSlackUpload(shareOf('F1'), LEASE_MS),
        ]);
        expect(claims.map((c) => c.outcome).sort()).toEqual(['claimed', 'in-hand']);
      });

      it('are one claim per share: the same file shared in another conversation is claimed again', async () => {
        await store.claimSlackUpload(shareOf('F1'), LEASE_MS);
        const other = await store.claimSlackUpload(shareOf('F1', 'C2'), LEASE_MS);
        expect(other.outcome).toBe('claimed');
        expect(other.upload?.key).toBe('F1:C2:1700000000.000100');
      });

      it('are taken over, at the step recorded, once their lease has run out', async () => {
        const { upload } = await store.claimSlackUpload(shareOf('F1'), LEASE_MS);
        const sha256 = 'a'.repeat(64);
        await store.recordSlackUpload(upload?.key ?? '', { stage: 'read', sha256, heldBefore: false }, 0);
        const takeover = await store.claimSlackUpload(shareOf('F1'), LEASE_MS);
        expect(takeover.outcome).toBe('taken-over');
        expect(takeover.upload).toMatchObject({ stage: 'read', sha256, attempts: 2 });
      });

      it('are never taken over once answered', async () => {
        const { upload } = await store.claimSlackUpload(shareOf('F1'), LEASE_MS);
        await store.recordSlackUpload(upload?.key ?? '', { stage: 'answered', replyTs: '1700000000.000200' }, 0);
        const again = await store.claimSlackUpload(shareOf('F1'), LEASE_MS);
        expect(again).toMatchObject({ outcome: 'answered', upload: { replyTs: '1700000000.000200' } });
        expect(await store.unfinishedSlackUploads()).toEqual([]);
      });

      it('list the answered uploads of a file with their replies, where the cards about its return are', async () => {
        const sha = 'c'.repeat(64);
        const first = await store.claimSlackUpload(shareOf('F1'), LEASE_MS);
        const second = await store.claimSlackUpload(shareOf('F2'), LEASE_MS);
        const private_ = await store.claimSlackUpload(shareOf('F3'), LEASE_MS);
        for (const claim of [first, second, private_]) {
          await store.recordSlackUpload(claim.upload?.key ?? '', { stage: 'read', sha256: sha, heldBefore: false }, 0);
        }
        await store.recordSlackUpload(first.upload?.key ?? '', { stage: 'answered', replyTs: '1700000000.000300' }, 0);
        // A note to the uploader alone has no reply in the thread; an upload still answering has none yet.
        await store.recordSlackUpload(private_.upload?.key ?? '', { stage: 'answered', replyTs: null }, 0);
        const expected = [['F1', 'C1', '1700000000.000100', '1700000000.000300']];
        const answered = await store.answeredSlackUploads(sha);
        expect(answered.map((u) => [u.fileId, u.channelId, u.threadTs, u.replyTs])).toEqual(expected);
        expect(await store.answeredSlackUploads('d'.repeat(64))).toEqual([]);
        expect(second.outcome).toBe('claimed');
        if (subject?.reopen) {
          store = await subject.reopen();
          const kept = await store.answeredSlackUploads(sha);
          expect(kept.map((u) => [u.fileId, u.channelId, u.threadTs, u.replyTs])).toEqual(expected);
        }
      });

      it('refuse a step for an upload never claimed', async () => {
        await expect(store.recordSlackUpload('F9:C1:1', { stage: 'stored' }, LEASE_MS)).rejects.toThrow(
          'No unfinished Slack upload F9:C1:1 is held.',
        );
      });

      it('keep their steps across a restart, and the unanswered ones are listed oldest first', async (ctx) => {
        const first = await store.claimSlackUpload(shareOf('F1'), LEASE_MS);
        await store.claimSlackUpload(shareOf('F2'), LEASE_MS);
        const third = await store.claimSlackUpload(shareOf('F3'), LEASE_MS);
        await store.recordSlackUpload(first.upload?.key ?? '', { stage: 'answering', repliesBefore: 2 }, LEASE_MS);
        await store.recordSlackUpload(third.upload?.key ?? '', { stage: 'answered', replyTs: null }, LEASE_MS);
        await reopen(ctx);
        const unfinished = await store.unfinishedSlackUploads();
        expect(unfinished.map((u) => [u.fileId, u.stage, u.repliesBefore])).toEqual([
          ['F1', 'answering', 2],
          ['F2', 'claimed', null],
        ]);
      });
    });

    describe('watchlists', () => {
      it('are kept per channel, replaced on save, and listed by channel', async () => {
        await store.saveWatchlist(watchlist('C2', ['00700']));
        await store.saveWatchlist(watchlist('C1', ['00020', '00005']));
        await store.saveWatchlist({ ...watchlist('C2', ['00700', '09988']), digestEnabled: false });
        expect(await store.getWatchlist('C2')).toEqual({
          ...watchlist('C2', ['00700', '09988']),
          digestEnabled: false,
        });
        expect(await store.getWatchlist('C3')).toBeNull();
        expect((await store.listWatchlists()).map((w) => [w.channelId, w.stockCodes])).toEqual([
          ['C1', ['00020', '00005']],
          ['C2', ['00700', '09988']],
        ]);
      });

      it('refuse a stock code that is not five digits, and keep nothing', async () => {
        await expect(store.saveWatchlist(watchlist('C1', ['20']))).rejects.toMatchObject({ code: 'bad-input' });
        expect(await store.getWatchlist('C1')).toBeNull();
      });

      it('are not changed by a change to the object saved or returned', async () => {
        const list = watchlist('C1', ['00020']);
        await store.saveWatchlist(list);
        list.stockCodes.push('00700');
        (await store.getWatchlist('C1'))?.stockCodes.push('00005');
        expect((await store.getWatchlist('C1'))?.stockCodes).toEqual(['00020']);
      });

      it('survive a restart', async (ctx) => {
        await store.saveWatchlist(watchlist('C1', ['00020']));
        await reopen(ctx);
        expect((await store.getWatchlist('C1'))?.stockCodes).toEqual(['00020']);
      });
    });

    describe('digest records', () => {
      it('are found by channel and month', async () => {
        await store.recordDigest(digest('C1', '2023-11', ['1700000000.000100']));
        await store.recordDigest(digest('C1', '2023-12', ['1700000000.000200']));
        expect((await store.findDigestRecord('C1', '2023-11'))?.messageTs).toEqual(['1700000000.000100']);
        expect(await store.findDigestRecord('C2', '2023-11')).toBeNull();
        expect(await store.findDigestRecord('C1', '2024-01')).toBeNull();
      });

      it('are one per channel and month: recording again replaces it', async () => {
        await store.recordDigest(digest('C1', '2023-11', ['1']));
        await store.recordDigest({ ...digest('C1', '2023-11', ['2', '3']), trigger: 'command' });
        expect(await store.findDigestRecord('C1', '2023-11')).toMatchObject({
          messageTs: ['2', '3'],
          trigger: 'command',
        });
      });

      it('are claimed once: a claim finds the record held, and of two claims at the same time one records', async () => {
        expect(await store.claimDigest(digest('C1', '2023-11', []))).toBeNull();
        expect(await store.claimDigest({ ...digest('C1', '2023-11', []), trigger: 'command' })).toMatchObject({
          trigger: 'scheduled',
        });
        const claims = await Promise.all([
          store.claimDigest(digest('C2', '2023-11', [])),
          store.claimDigest({ ...digest('C2', '2023-11', []), trigger: 'catch-up' }),
        ]);
        expect(claims.filter((held) => held === null)).toHaveLength(1);
        expect(await store.findDigestRecord('C2', '2023-11')).toEqual(claims.find((held) => held !== null));
      });

      it('survive a restart', async (ctx) => {
        await store.recordDigest(digest('C1', '2023-11', ['1']));
        await reopen(ctx);
        expect((await store.findDigestRecord('C1', '2023-11'))?.messageTs).toEqual(['1']);
      });
    });

    describe('claims on HKEXnews work', () => {
      const key = 'hkexnews-document http://127.0.0.1/listedco/a110907.pdf';

      it('are won by one of two claims at the same time; the other finds the work in hand', async () => {
        const { fetchClaims } = store;
        const claims = await Promise.all([fetchClaims.claim(key, 60_000), fetchClaims.claim(key, 60_000)]);
        expect(claims.map((claim) => claim.outcome).sort()).toEqual(['claimed', 'in-hand']);
        expect((await fetchClaims.claim(key, 60_000)).outcome).toBe('in-hand');
      });

      it('are claimed again at once when finished without a result, and renewed only by their holder', async () => {
        const { fetchClaims } = store;
        const first = await fetchClaims.claim(key, 60_000);
        if (first.outcome !== 'claimed') throw new Error(`claimed expected, got ${first.outcome}`);
        expect(await fetchClaims.renew(key, first.token, 60_000)).toBe(true);
        expect(await fetchClaims.renew(key, 'someone else', 60_000)).toBe(false);
        await fetchClaims.finish(key, 'someone else', null);
        expect((await fetchClaims.claim(key, 60_000)).outcome).toBe('in-hand');
        await fetchClaims.finish(key, first.token, null);
        expect((await fetchClaims.claim(key, 60_000)).outcome).toBe('claimed');
      });

      it('are taken over by one claim once their lease has run out, as a holder that died leaves them', async () => {
        const { fetchClaims } = store;
        const dead = await fetchClaims.claim(key, 0);
        const takers = await Promise.all([fetchClaims.claim(key, 60_000), fetchClaims.claim(key, 60_000)]);
        expect(takers.map((claim) => claim.outcome).sort()).toEqual(['claimed', 'in-hand']);
        if (dead.outcome !== 'claimed') throw new Error(`claimed expected, got ${dead.outcome}`);
        expect(await fetchClaims.renew(key, dead.token, 60_000)).toBe(false);
      });

      it('keep the result they finished with for the next to ask, until one replaces it', async () => {
        const { fetchClaims } = store;
        const first = await fetchClaims.claim('hkexnews-fill 2023-11', 60_000);
        if (first.outcome !== 'claimed') throw new Error(`claimed expected, got ${first.outcome}`);
        await fetchClaims.finish('hkexnews-fill 2023-11', first.token, { checked: ['00020'] });
        expect(await fetchClaims.claim('hkexnews-fill 2023-11', 60_000)).toEqual({
          outcome: 'done',
          result: { checked: ['00020'] },
        });
        const again = await fetchClaims.claim('hkexnews-fill 2023-11', 60_000, { replaceDone: true });
        expect(again.outcome).toBe('claimed');
        expect((await fetchClaims.claim('hkexnews-fill 2023-11', 60_000)).outcome).toBe('in-hand');
      });

      it('show the result a finished claim keeps without claiming it, and nothing for one absent or in hand', async () => {
        const { fetchClaims } = store;
        const refused = 'late-filing C1 2012-03 01003';
        expect(await fetchClaims.kept(refused)).toBeNull();
        const claim = await fetchClaims.claim(refused, 60_000);
        if (claim.outcome !== 'claimed') throw new Error(`claimed expected, got ${claim.outcome}`);
        expect(await fetchClaims.kept(refused)).toBeNull();
        await fetchClaims.finish(refused, claim.token, { failed: 'not_in_channel' });
        expect(await fetchClaims.kept(refused)).toEqual({ failed: 'not_in_channel' });
        expect(await fetchClaims.kept(refused)).toEqual({ failed: 'not_in_channel' });
        expect(await fetchClaims.claim(refused, 60_000)).toEqual({
          outcome: 'done',
          result: { failed: 'not_in_channel' },
        });
      });
      it('forget the finished claims of a kind past their age, never one in hand nor one of another kind', async () => {
        const { fetchClaims } = store;
        const finish = async (claimKey: string, result: unknown) => {
          const claim = await fetchClaims.claim(claimKey, 60_000);
          if (claim.outcome !== 'claimed') throw new Error(`claimed expected, got ${claim.outcome}`);
          await fetchClaims.finish(claimKey, claim.token, result);
        };
        await finish('hkexnews-fill 2023-10', { checked: ['00020'] });
        await finish('late-filing C1 2023-10 00020', { ts: '1.1' });
        expect((await fetchClaims.claim('hkexnews-fill 2023-11', 60_000)).outcome).toBe('claimed');
        // Finished moments ago: younger than an hour.
        expect(await fetchClaims.prune('hkexnews-fill', 3_600_000)).toBe(0);
        expect(await fetchClaims.kept('hkexnews-fill 2023-10')).toEqual({ checked: ['00020'] });
        // Every finished fill, however young: the one in hand stays, and so does the other kind's.
        expect(await fetchClaims.prune('hkexnews-fill', 0)).toBe(1);
        expect(await fetchClaims.kept('hkexnews-fill 2023-10')).toBeNull();
        expect((await fetchClaims.claim('hkexnews-fill 2023-10', 60_000)).outcome).toBe('claimed');
        expect((await fetchClaims.claim('hkexnews-fill 2023-11', 60_000)).outcome).toBe('in-hand');
        expect(await fetchClaims.kept('late-filing C1 2023-10 00020')).toEqual({ ts: '1.1' });
        // A kind is a key's whole first word: "late" is not "late-filing".
        expect(await fetchClaims.prune('late', 0)).toBe(0);
        expect(await fetchClaims.kept('late-filing C1 2023-10 00020')).toEqual({ ts: '1.1' });
      });
    });

    describe('a damaged month', () => {
      it('answers as damaged, naming the month, and is never passed off as not held', async (ctx) => {
        await saveSomeReturns();
        await damageMonth(ctx, '00020', '2023-11');
        await expect(store.forMonth('00020', '2023-11')).rejects.toMatchObject({
          code: 'store-corrupt',
          message: expect.stringContaining('2023-11'),
        });
      });

      it('leaves the other codes answering, and a scan over the month lists them', async (ctx) => {
        await saveSomeReturns();
        await damageMonth(ctx, '00020', '2023-11');
        expect((await store.forMonth('00700', '2023-11'))?.monthlyReturn.issuerName).toBe('Tencent Holdings Limited');
        expect((await store.forReportMonth('2023-11')).map((r) => r.stockCode)).toEqual(['00700']);
      });

      it('leaves the history, the other months and the name search answering, and is named as damaged', async (ctx) => {
        await saveSomeReturns();
        await damageMonth(ctx, '00020', '2023-11');
        await expect(store.latest('00020')).resolves.toMatchObject({ reportMonth: '2023-12' });
        await expect(store.forMonth('00020', '2023-11')).rejects.toMatchObject({ code: 'store-corrupt' });
        expect(closingOf(await store.forMonth('00020', '2023-10'))).toBe(100);
        expect((await store.previous('00020', '2023-12'))?.reportMonth).toBe('2023-10');
        expect((await store.history('00020')).map((h) => h.reportMonth)).toEqual(['2023-12', '2023-10']);
        expect((await store.damagedMonths('00020')).map((d) => d.reportMonth)).toEqual(['2023-11']);
        expect((await store.searchIssuers('example holdings')).map((i) => i.stockCode)).toEqual(['00020']);
        expect(await store.damagedMonths('00700')).toEqual([]);
      });

      it('is restored by saving the filing again', async (ctx) => {
        await saveSomeReturns();
        await damageMonth(ctx, '00020', '2023-11');
        await store.forMonth('00020', '2023-11').catch(() => null);
        expect((await store.save(makeSaveInput({ month: '2023-11', closing: 200 }))).status).toBe('stored');
        expect(closingOf(await store.forMonth('00020', '2023-11'))).toBe(200);
        expect((await store.history('00020')).map((h) => h.reportMonth)).toEqual(['2023-12', '2023-11', '2023-10']);
        expect(await store.damagedMonths('00020')).toEqual([]);
      });
    });

    describe('with the app installed in many workspaces', () => {
      const share: SlackShare = {
        fileId: 'F1',
        fileName: 'a.pdf',
        channelId: 'C1',
        shareTs: '1.1',
        threadTs: '1.1',
        userId: 'U1',
      };
      const installation = (teamId: string, token: string) => ({
        team: { id: teamId, name: `Team ${teamId}` },
        user: { id: 'U1' },
        bot: { token, scopes: ['commands'], id: 'B1', userId: 'UBOT' },
        tokenType: 'bot' as const,
        isEnterpriseInstall: false as const,
        authVersion: 'v2' as const,
      });

      it('keeps each workspace’s installation, and replaces it at a reinstall', async (ctx) => {
        await store.saveInstallation(installation('T1', 'xoxb-1'));
        await store.saveInstallation(installation('T2', 'xoxb-2'));
        await store.saveInstallation(installation('T1', 'xoxb-1-again'));
        await reopen(ctx);
        expect((await store.findInstallation('T1'))?.bot.token).toBe('xoxb-1-again');
        expect((await store.findInstallation('T2'))?.bot.token).toBe('xoxb-2');
        expect(await store.findInstallation('T3')).toBeNull();
        await store.deleteInstallation('T2');
        expect(await store.findInstallation('T2')).toBeNull();
      });

      it('keeps the watchlists, digests and upload claims of the same channel id in two workspaces apart', async () => {
        await store.saveWatchlist({ ...watchlist('C1', ['00020']), teamId: 'T1' });
        await store.saveWatchlist({ ...watchlist('C1', ['00700']), teamId: 'T2' });
        expect((await store.getWatchlist('C1', 'T1'))?.stockCodes).toEqual(['00020']);
        expect((await store.getWatchlist('C1', 'T2'))?.stockCodes).toEqual(['00700']);
        expect(await store.getWatchlist('C1')).toBeNull();
        expect((await store.listWatchlists()).map((w) => [w.teamId, w.stockCodes])).toEqual([
          ['T1', ['00020']],
          ['T2', ['00700']],
        ]);
        expect(await store.claimDigest({ ...digest('C1', '2023-11', []), teamId: 'T1' })).toBeNull();
        expect(await store.claimDigest({ ...digest('C1', '2023-11', []), teamId: 'T2' })).toBeNull();
        expect((await store.claimDigest({ ...digest('C1', '2023-11', []), teamId: 'T2' }))?.teamId).toBe('T2');
        expect(await store.findDigestRecord('C1', '2023-11')).toBeNull();
        expect((await store.claimSlackUpload({ ...share, teamId: 'T1' }, 60_000)).outcome).toBe('claimed');
        expect((await store.claimSlackUpload({ ...share, teamId: 'T2' }, 60_000)).outcome).toBe('claimed');
        expect((await store.claimSlackUpload({ ...share, teamId: 'T2' }, 60_000)).outcome).toBe('in-hand');
      });

      it('stamps a single token’s team-less records with its workspace, once, and shows them to it alone', async () => {
        const fromSlack = (file: string, channelId: string, stockCode = '00700'): SaveInput => {
          const input = makeSaveInput({ stockCode, month: '2023-11', file });
          const source = { kind: 'slack' as const, fileId: `F-${file}`, fileName: `${file}.pdf`, channelId };
          return {
            ...input,
            provenance: { ...input.provenance, source: { ...source, userId: 'U1', permalink: null } },
          };
        };
        // As a bot that did not know its workspace saved them: public (no audience recorded yet: an older file
        // read it as public), private to G1, and one read by ingest.
        await store.save(fromSlack('public', 'C1'));
        await store.save({ ...fromSlack('private', 'G1', '00005'), audience: onlyIn('G1') });
        await store.save(makeSaveInput({ stockCode: '00700', month: '2023-12', file: 'ingested' }));
        await store.save(makeSaveInput({ stockCode: '00020', file: 'from HKEXnews' }));
        await store.saveWatchlist(watchlist('C1', ['00700']));
        await store.recordDigest(digest('C1', '2023-11', ['1.1']));
        await store.claimSlackUpload(share, 60_000);

        const adoption = await store.adoptTeamless('T1');
        expect(adoption.workspace.teamId).toBe('T1');
        expect(adoption.stamped).toEqual({ returns: 2, watchlists: 1, digestRecords: 1, slackUploads: 1 });
        // Kept across a restart, where the backend keeps anything.
        if (subject?.reopen) store = await subject.reopen();
        // Once: a second start (with this token or another workspace's) stamps nothing.
        expect(await store.adoptTeamless('T2')).toEqual({ workspace: adoption.workspace, stamped: null });
        expect(await store.contents().tokenWorkspace()).toEqual(adoption.workspace);

        const inT1 = viewerIn('C9', 'T1');
        expect((await store.forMonth('00700', '2023-11', inT1))?.audience).toEqual({
          kind: 'conversations',
          channelIds: [],
          teamIds: ['T1'],
        });
        expect(await store.forMonth('00700', '2023-11', viewerIn('C9', 'T2'))).toBeNull();
        expect(await store.forMonth('00700', '2023-11', WORKSPACE)).toBeNull();
        expect((await store.latest('00005', viewerIn('G1', 'T1')))?.audience).toEqual(onlyIn('G1', 'T1'));
        expect(await store.latest('00005', viewerIn('G1', 'T2'))).toBeNull();
        expect((await store.listIssuers(viewerIn('C9', 'T2'))).map((i) => i.stockCode)).toEqual(['00020', '00700']);
        // Read from a path (ingest) or HKEXnews: public to every workspace, as before.
        expect((await store.forMonth('00700', '2023-12', viewerIn('C9', 'T2')))?.audience).toEqual(WORKSPACE);
        expect((await store.latest('00020', viewerIn('C9', 'T2')))?.audience).toEqual(WORKSPACE);
        expect((await store.getWatchlist('C1', 'T1'))?.stockCodes).toEqual(['00700']);
        expect(await store.getWatchlist('C1')).toBeNull();
        expect((await store.findDigestRecord('C1', '2023-11', 'T1'))?.messageTs).toEqual(['1.1']);
        expect(await store.findDigestRecord('C1', '2023-11')).toBeNull();
        expect((await store.unfinishedSlackUploads()).map((u) => [u.key, u.teamId])).toEqual([['F1:T1/C1:1.1', 'T1']]);
        // A redelivery of the share, now from the known workspace, finds the claim.
        expect((await store.claimSlackUpload({ ...share, teamId: 'T1' }, 60_000)).outcome).toBe('in-hand');
      });

      it('shows a return read in a public channel of one workspace there only, and one from HKEXnews everywhere', async () => {
        await store.save({
          ...makeSaveInput({ file: 'in T1' }),
          audience: { kind: 'conversations', channelIds: [], teamIds: ['T1'] },
        });
        await store.save(makeSaveInput({ stockCode: '00700', file: 'from HKEXnews' }));
        expect((await store.latest('00020', viewerIn('C9', 'T1')))?.id).toBe(sha256Of('in T1'));
        expect((await store.latest('00020', { kind: 'workspace', teamId: 'T1' }))?.id).toBe(sha256Of('in T1'));
        for (const viewer of [viewerIn('C9', 'T2'), viewerIn('C9'), WORKSPACE]) {
          expect(await store.latest('00020', viewer)).toBeNull();
          expect((await store.listIssuers(viewer)).map((i) => i.stockCode)).toEqual(['00700']);
        }
        expect((await store.listIssuers(viewerIn('C9', 'T1'))).map((i) => i.stockCode)).toEqual(['00020', '00700']);
      });
    });
  });
}
