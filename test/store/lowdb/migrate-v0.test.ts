import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FilingStore } from '../../../src/store/index.js';
import type { V0Db } from '../../../src/store/lowdb/migrate-v0.js';
import { makeSaveInput, makeTempDir, openTestStore, removeTempDir, sha256Of } from '../store-fixtures.js';

let dir: string;
let store: FilingStore | null;

beforeEach(async () => {
  dir = await makeTempDir();
  store = null;
});

afterEach(async () => {
  await store?.close();
  await removeTempDir(dir);
});

/** A version-0 return: the single-file store kept the parsed return under `data` and flat provenance fields. */
function v0Return(spec: Parameters<typeof makeSaveInput>[0] & { slackFileId?: string | null }) {
  const input = makeSaveInput(spec);
  return {
    sha256: input.provenance.sha256,
    stockCode: spec.stockCode ?? '00020',
    month: spec.month ?? '2023-11',
    fileName: `${spec.file}.pdf`,
    slackFileId: spec.slackFileId ?? null,
    readAt: input.provenance.readAt,
    parserVersion: '0.0.3',
    flags: [],
    data: input.monthlyReturn,
  };
}

const original = v0Return({ file: 'original', dateSubmitted: '2023-12-06', closing: 1000 });
const v0: V0Db = {
  returns: [
    original,
    v0Return({ file: 'corrected', status: 'resubmission', dateSubmitted: '2023-12-20', closing: 1200 }),
    // Version 0 did not check sha256: the same PDF read twice was held twice.
    { ...original, readAt: '2024-01-15T00:00:00.000Z' },
    v0Return({
      file: 'tencent',
      stockCode: '00700',
      month: '2023-10',
      issuerName: 'Tencent Holdings Limited',
      slackFileId: 'F0TENCENT',
    }),
  ],
  slackFiles: ['F0TENCENT', 'F0OTHER'],
  watchlists: { C1: ['00020', '00700'] },
  digestsSent: [{ channel: 'C1', month: '2023-10', ts: '1698800000.000100', at: '2023-11-08T01:00:00.000Z' }],
};

describe('opening a version-0 store (one db.json)', () => {
  beforeEach(async () => {
    await writeFile(path.join(dir, 'db.json'), JSON.stringify(v0));
    ({ store } = await openTestStore(dir, { now: () => new Date('2024-03-01T00:00:00.000Z') }));
  });

  it('files each return under its code and month, the resubmission current', async () => {
    const s = store as FilingStore;
    expect((await s.forMonth('00020', '2023-11'))?.monthlyReturn.issuedShares.classes[0]?.issuedShares.closing).toBe(
      1200,
    );
    expect((await s.submissions('00020', '2023-11')).map((h) => [h.id, h.supersededBy])).toEqual([
      [sha256Of('corrected'), null],
      [sha256Of('original'), sha256Of('corrected')],
    ]);
    expect((await s.listIssuers()).map((i) => [i.stockCode, i.issuerName, i.returnsHeld])).toEqual([
      ['00020', 'Example Holdings Limited', 1],
      ['00700', 'Tencent Holdings Limited', 1],
    ]);
  });

  it('keeps the first copy of a file held twice', async () => {
    const held = await (store as FilingStore).findBySha256(sha256Of('original'));
    expect(held?.provenance.readAt).toBe('2023-12-06T02:00:00.000Z');
  });

  it('turns the flat provenance into a source: Slack where a file id was kept, else a path', async () => {
    const s = store as FilingStore;
    expect((await s.findBySha256(sha256Of('tencent')))?.provenance.source).toEqual({
      kind: 'slack',
      fileId: 'F0TENCENT',
      fileName: 'tencent.pdf',
      channelId: null,
      userId: null,
      permalink: null,
    });
    expect((await s.findBySha256(sha256Of('corrected')))?.provenance).toMatchObject({
      source: { kind: 'path', path: 'corrected.pdf' },
      parserVersion: '0.0.3',
    });
  });

  it('carries over watchlists, digests sent and Slack file ids', async () => {
    const s = store as FilingStore;
    expect(await s.getWatchlist('C1')).toEqual({
      channelId: 'C1',
      stockCodes: ['00020', '00700'],
      digestEnabled: true,
      updatedAt: '2024-03-01T00:00:00.000Z',
    });
    expect(await s.findDigestRecord('C1', '2023-10')).toEqual({
      channelId: 'C1',
      reportMonth: '2023-10',
      sentAt: '2023-11-08T01:00:00.000Z',
      messageTs: ['1698800000.000100'],
      trigger: 'scheduled',
    });
    const share = {
      fileId: 'F0OTHER',
      fileName: 'x.pdf',
      channelId: 'C1',
      shareTs: '1.1',
      threadTs: '1.1',
      userId: null,
    };
    expect((await s.claimSlackUpload(share, 60_000)).outcome).toBe('answered');
  });

  it('keeps db.json under another name and marks the store as the current version', async () => {
    const names = await readdir(dir);
    expect(names).not.toContain('db.json');
    expect(names.filter((n) => n.startsWith('db.json.'))).toEqual(['db.json.v0-migrated-20240301T000000000Z']);
    const meta = JSON.parse(await readFile(path.join(dir, 'store.json'), 'utf8'));
    expect(meta).toEqual({ schemaVersion: 2, createdAt: '2024-03-01T00:00:00.000Z', migratedFrom: 0 });
  });

  it("writes each code's history, the corrected submission standing for its month", async () => {
    const history = await (store as FilingStore).history('00020');
    expect(
      history.map((h) => [h.reportMonth, h.id, h.monthlyReturn.issuedShares.classes[0]?.issuedShares.closing]),
    ).toEqual([['2023-11', sha256Of('corrected'), 1200]]);
    const file = JSON.parse(await readFile(path.join(dir, 'returns', '00020', 'history.json'), 'utf8'));
    expect(file.months.map((m: { id: string }) => m.id)).toEqual([sha256Of('corrected')]);
  });

  it('does not migrate again on the next open', async () => {
    await (store as FilingStore).save(makeSaveInput({ month: '2023-12', file: 'after' }));
    await (store as FilingStore).close();
    ({ store } = await openTestStore(dir));
    expect((await store.history('00020')).map((h) => h.reportMonth)).toEqual(['2023-12', '2023-11']);
  });
});

describe('a version-0 store that cannot be read', () => {
  it('stops the open with an error naming db.json, and leaves db.json in place', async () => {
    const file = path.join(dir, 'db.json');
    await writeFile(file, JSON.stringify({ ...v0, returns: [{ ...original, sha256: 'nope' }] }));
    await expect(openTestStore(dir)).rejects.toMatchObject({ code: 'store-corrupt', facts: { file } });
    expect(await readdir(dir)).toContain('db.json');
  });
});
