/**
 * `hkex-shares migrate` from a lowdb folder into a real PostgreSQL database: every return (superseded and private
 * ones too), watchlist, digest record and Slack upload claim arrives, the copy is checked, and a second run copies
 * nothing and changes nothing. Runs the built command line (`npm run build` first).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onlyIn, viewerIn, WORKSPACE } from '../../src/domain/audience.js';
import { openFilingStore } from '../../src/store/index.js';
import { connectDatabase } from '../../src/store/postgres/database.js';
import { openPostgresFilingStore } from '../../src/store/postgres/open-postgres-store.js';
import { makeSlackShare } from '../helpers/factories.js';
import { postgresSkipReason, testDatabaseUrl } from '../helpers/postgres-database.js';
import { runCli } from '../helpers/run-cli.js';
import { makeSaveInput, makeTempDir, removeTempDir, sha256Of } from '../store/store-fixtures.js';

const share = (fileId: string) => makeSlackShare({ fileId });

/** The summary's four count lines, for a folder of 5 returns, 1 watchlist, 1 digest record and 2 claims. */
const countLines = (dir: string, run: 'first' | 'again') => {
  const line = (what: string, total: number) =>
    `  ${what}: ${total} in ${dir}, ${run === 'first' ? total : 0} copied, ${run === 'first' ? 0 : total} held already`;
  return [line('returns', 5), line('watchlists', 1), line('digest records', 1), line('Slack upload claims', 2)];
};

describe.skipIf(postgresSkipReason !== null)(
  `hkex-shares migrate into PostgreSQL${postgresSkipReason ? ` (skipped: ${postgresSkipReason})` : ''}`,
  () => {
    let dir = '';
    let url = '';

    beforeAll(async () => {
      dir = await makeTempDir();
      url = await testDatabaseUrl();
      const store = await openFilingStore({ dir, durable: false });
      await store.save(makeSaveInput({ month: '2023-10', closing: 100 }));
      await store.save(makeSaveInput({ file: 'original', closing: 200 }));
      await store.save(
        makeSaveInput({ file: 'corrected', status: 'resubmission', dateSubmitted: '2023-12-20', closing: 250 }),
      );
      await store.save({ ...makeSaveInput({ month: '2023-12', file: 'draft', closing: 300 }), audience: onlyIn('G1') });
      await store.save(makeSaveInput({ stockCode: '00700', issuerName: 'Tencent Holdings Limited' }));
      await store.saveWatchlist({
        channelId: 'C1',
        stockCodes: ['00020', '00700'],
        digestEnabled: true,
        updatedAt: '2024-01-02T03:04:05.000Z',
      });
      await store.recordDigest({
        channelId: 'C1',
        reportMonth: '2023-11',
        sentAt: '2023-12-08T02:00:00.000Z',
        messageTs: ['1702000000.000100'],
        trigger: 'scheduled',
      });
      const answered = await store.claimSlackUpload(share('F1'), 60_000);
      await store.recordSlackUpload(answered.upload?.key ?? '', { stage: 'answered', replyTs: '1700000000.000200' }, 0);
      await store.claimSlackUpload(share('F2'), 60_000);
      await store.saveInstallation({
        team: { id: 'T1', name: 'Example' },
        user: { id: 'U1' },
        bot: { token: 'xoxb-t1', scopes: ['commands'], id: 'B1', userId: 'UBOT' },
      });
      await store.close();
    });
    afterAll(() => removeTempDir(dir));

    it('copies every return, watchlist, digest record and claim, checks them, and holds them as the folder did', async () => {
      const run = await runCli(['migrate', '--from', dir, '--to', url], { cwd: dir });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout.split('\n').slice(1, 5)).toEqual(countLines(dir, 'first'));
      expect(run.stdout).toContain('Checked: every return (sha256 and record), watchlist, digest record and claim');
      expect(run.stdout.split('\n')[5]).toBe(`  installations in workspaces: 1 in ${dir}, 1 copied, 0 held already`);

      const store = await openPostgresFilingStore({ url });
      try {
        expect((await store.submissions('00020', '2023-11')).map((s) => [s.id, s.supersededBy])).toEqual([
          [sha256Of('corrected'), null],
          [sha256Of('original'), sha256Of('corrected')],
        ]);
        expect((await store.latest('00020', WORKSPACE))?.reportMonth).toBe('2023-11');
        expect((await store.latest('00020', viewerIn('G1')))?.id).toBe(sha256Of('draft'));
        expect(
          (await store.history('00020')).map((h) => h.monthlyReturn.issuedShares.classes[0]?.issuedShares.closing),
        ).toEqual([250, 100]);
        expect((await store.listIssuers()).map((i) => [i.stockCode, i.issuerName, i.returnsHeld])).toEqual([
          ['00020', 'Example Holdings Limited', 2],
          ['00700', 'Tencent Holdings Limited', 1],
        ]);
        expect((await store.getWatchlist('C1'))?.stockCodes).toEqual(['00020', '00700']);
        expect((await store.findDigestRecord('C1', '2023-11'))?.messageTs).toEqual(['1702000000.000100']);
        // Slack's redelivery after the move finds the answered upload answered, and the unfinished one in hand.
        expect((await store.claimSlackUpload(share('F1'), 60_000)).outcome).toBe('answered');
        expect((await store.claimSlackUpload(share('F2'), 60_000)).outcome).toBe('in-hand');
        expect((await store.findInstallation('T1'))?.bot.token).toBe('xoxb-t1');
      } finally {
        await store.close();
      }
    });

    it('copies nothing the second time, and checks the copy again', async () => {
      const run = await runCli(['migrate', '--from', dir, '--to', url], { cwd: dir });
      expect(run.code).toBe(0);
      expect(run.stdout.split('\n').slice(1, 5)).toEqual(countLines(dir, 'again'));
      const store = await openPostgresFilingStore({ url });
      try {
        expect(await store.submissions('00020', '2023-11')).toHaveLength(2);
      } finally {
        await store.close();
      }
    });

    it('fails, naming the return, when the database holds a return that differs from the folder', async () => {
      const db = connectDatabase(url, { maxConnections: 1 });
      try {
        await db.query(
          `UPDATE returns SET record = jsonb_set(record, '{provenance,parserVersion}', '"9.9.9"') WHERE sha256 = $1`,
          [sha256Of('original')],
        );
      } finally {
        await db.close();
      }
      const run = await runCli(['migrate', '--from', dir, '--to', url], { cwd: dir });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(
        `The check found 1 difference(s):\n  return ${sha256Of('original')} differs from the source`,
      );
    });

    it('answers a missing option or a target that is not PostgreSQL with its usage', async () => {
      const noTarget = await runCli(['migrate', '--from', dir], { cwd: dir });
      expect(noTarget.code).toBe(2);
      expect(noTarget.stderr).toContain('Give the database to copy into with --to postgres://…');
      const notPostgres = await runCli(['migrate', '--from', dir, '--to', 'mysql://db/x'], { cwd: dir });
      expect(notPostgres.code).toBe(2);
      expect(notPostgres.stderr).toContain('Usage: hkex-shares migrate --from DIR --to postgres://');
    });

    it('copies the bot token’s workspace with the records stamped with it, so the database is not adopted again', async () => {
      const tokenDir = await makeTempDir();
      try {
        const folder = await openFilingStore({ dir: tokenDir, durable: false });
        await folder.saveWatchlist({ channelId: 'C2', stockCodes: ['00005'], digestEnabled: true, updatedAt: 'x' });
        expect((await folder.adoptTeamless('T0TOKEN')).stamped?.watchlists).toBe(1);
        await folder.close();
        const run = await runCli(['migrate', '--from', tokenDir, '--to', url], { cwd: tokenDir });
        expect(run.code).toBe(0);
        expect(run.stdout).toContain("  the bot token's workspace: T0TOKEN, copied\n");
        const store = await openPostgresFilingStore({ url });
        try {
          expect((await store.getWatchlist('C2', 'T0TOKEN'))?.stockCodes).toEqual(['00005']);
          expect((await store.adoptTeamless('T0TOKEN')).stamped).toBeNull();
          // The folder's team-less watchlist copied before keeps naming no workspace: this store was adopted already.
          expect((await store.getWatchlist('C1'))?.stockCodes).toEqual(['00020', '00700']);
        } finally {
          await store.close();
        }
        const again = await runCli(['migrate', '--from', tokenDir, '--to', url], { cwd: tokenDir });
        expect(again.stdout).toContain("  the bot token's workspace: T0TOKEN, held already\n");
      } finally {
        await removeTempDir(tokenDir);
      }
    });

    it('says in one line that a database cannot be reached, and copies nothing', async () => {
      const run = await runCli(['migrate', '--from', dir, '--to', 'postgres://nobody@127.0.0.1:1/none'], { cwd: dir });
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(
          /^hkex-shares migrate: The store in the database postgres:\/\/nobody@127\.0\.0\.1:1\/none could not be opened: .*ECONNREFUSED/,
        ),
      ]);
    });
  },
);
