import { describe, expect, it } from 'vitest';
import { makeSaveInput, sha256Of, useTempStore } from '../store-fixtures.js';

const temp = useTempStore();

const original = makeSaveInput({ file: 'original', dateSubmitted: '2023-12-06', closing: 1000 });
const corrected = makeSaveInput({
  file: 'corrected',
  status: 'resubmission',
  dateSubmitted: '2023-12-20',
  closing: 1200,
});

describe('resubmissions for the same code and month', () => {
  it('make a later submission current and mark the earlier one superseded by it', async () => {
    expect((await temp.store.save(original)).status).toBe('stored');
    const result = await temp.store.save(corrected);
    expect(result).toMatchObject({
      status: 'superseded-earlier',
      stored: { id: sha256Of('corrected'), supersedes: sha256Of('original'), supersededBy: null },
      superseded: { id: sha256Of('original'), supersededBy: sha256Of('corrected') },
    });
    const current = await temp.store.forMonth('00020', '2023-11');
    expect(current?.monthlyReturn.issuedShares.classes[0]?.issuedShares.closing).toBe(1200);
    expect((await temp.store.latest('00020'))?.id).toBe(sha256Of('corrected'));
    expect((await temp.store.submissions('00020', '2023-11')).map((s) => [s.id, s.supersededBy])).toEqual([
      [sha256Of('corrected'), null],
      [sha256Of('original'), sha256Of('corrected')],
    ]);
  });

  it('keep the held one current when an older submission arrives later', async () => {
    await temp.store.save(corrected);
    const result = await temp.store.save(original);
    expect(result).toMatchObject({
      status: 'older-than-held',
      stored: { id: sha256Of('original'), supersededBy: sha256Of('corrected') },
      current: { id: sha256Of('corrected'), supersedes: sha256Of('original') },
    });
    expect((await temp.store.forMonth('00020', '2023-11'))?.id).toBe(sha256Of('corrected'));
    expect((await temp.store.submissions('00020', '2023-11')).map((s) => s.id)).toEqual([
      sha256Of('corrected'),
      sha256Of('original'),
    ]);
  });

  it('count a month once in the history however many submissions it has', async () => {
    await temp.store.save(original);
    await temp.store.save(corrected);
    await temp.store.save(makeSaveInput({ month: '2023-12' }));
    const history = await temp.store.history('00020');
    expect(history.map((h) => h.id)).toEqual([sha256Of('00020-2023-12-new'), sha256Of('corrected')]);
    expect((await temp.store.listIssuers())[0]?.returnsHeld).toBe(2);
    expect((await temp.store.previous('00020', '2023-12'))?.id).toBe(sha256Of('corrected'));
  });

  it('rank a resubmission above a new submission dated the same day', async () => {
    const sameDayNew = makeSaveInput({
      file: 'a',
      status: 'new',
      dateSubmitted: '2023-12-06',
      readAt: '2024-01-01T00:00:00Z',
    });
    const sameDayResubmission = makeSaveInput({
      file: 'b',
      status: 'resubmission',
      dateSubmitted: '2023-12-06',
      readAt: '2023-12-07T00:00:00Z',
    });
    await temp.store.save(sameDayResubmission);
    expect((await temp.store.save(sameDayNew)).status).toBe('older-than-held');
    expect((await temp.store.forMonth('00020', '2023-11'))?.id).toBe(sha256Of('b'));
  });

  it('fall back on the later reading when date and status tie', async () => {
    const first = makeSaveInput({ file: 'first', readAt: '2023-12-07T01:00:00Z' });
    const second = makeSaveInput({ file: 'second', readAt: '2023-12-07T09:00:00Z' });
    await temp.store.save(first);
    expect((await temp.store.save(second)).status).toBe('superseded-earlier');
    expect((await temp.store.forMonth('00020', '2023-11'))?.id).toBe(sha256Of('second'));
  });

  it('link a submission that falls between two held ones to its neighbours', async () => {
    const middle = makeSaveInput({ file: 'middle', status: 'resubmission', dateSubmitted: '2023-12-10' });
    await temp.store.save(original);
    await temp.store.save(corrected);
    const result = await temp.store.save(middle);
    expect(result).toMatchObject({
      status: 'older-than-held',
      stored: { supersedes: sha256Of('original'), supersededBy: sha256Of('corrected') },
      current: { id: sha256Of('corrected') },
    });
    expect((await temp.store.submissions('00020', '2023-11')).map((s) => [s.id, s.supersedes, s.supersededBy])).toEqual(
      [
        [sha256Of('corrected'), sha256Of('middle'), null],
        [sha256Of('middle'), sha256Of('original'), sha256Of('corrected')],
        [sha256Of('original'), null, sha256Of('middle')],
      ],
    );
  });

  it('take the issuer name of the current submission of the latest month', async () => {
    await temp.store.save(
      makeSaveInput({ file: 'x', issuerName: 'Misspelt Holdngs Limited', dateSubmitted: '2023-12-06' }),
    );
    await temp.store.save(
      makeSaveInput({
        file: 'y',
        issuerName: 'Example Holdings Limited',
        status: 'resubmission',
        dateSubmitted: '2023-12-08',
      }),
    );
    expect((await temp.store.listIssuers())[0]?.issuerName).toBe('Example Holdings Limited');
    expect((await temp.store.listIssuers())[0]?.latestDateSubmitted).toBe('2023-12-08');
  });
});
