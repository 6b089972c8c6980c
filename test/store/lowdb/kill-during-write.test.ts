import { type ChildProcess, spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  type HistoryFile,
  HistoryFileSchema,
  historyFileProblem,
  IndexShardSchema,
  type MonthFile,
  MonthFileSchema,
  monthFileProblem,
  SlackFilesFileSchema,
  StoreMetaSchema,
  WatchlistsFileSchema,
} from '../../../src/store/lowdb/file-schemas.js';
import { makeTempDir, openTestStore, removeTempDir } from '../store-fixtures.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const LOOP = path.join(import.meta.dirname, 'fixtures', 'save-loop.ts');
const ROUNDS = 4;

interface Acknowledged {
  readonly saved: { stockCode: string; sha256: string }[];
  readonly watchlists: Map<string, number>;
}

let dir: string;
const acknowledged: Acknowledged = { saved: [], watchlists: new Map() };

/** Runs the save loop until it has acknowledged `atLeast` saves, then SIGKILLs it at a random moment. */
async function runAndKill(round: number, atLeast: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', LOOP, dir, String(round)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let saves = 0;
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let pending = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const [kind, a, b, c] = line.split(' ');
        if (kind === 'saved') acknowledged.saved.push({ stockCode: a as string, sha256: b as string });
        if (kind === 'watch') acknowledged.watchlists.set(a as string, Number(c));
        if (kind === 'corrupt') reject(new Error(`the loop found a damaged file: ${line}`));
        if (kind === 'saved' && ++saves === atLeast) {
          setTimeout(() => kill(child), Math.random() * 20);
          resolve();
        }
      }
    });
    child.on('exit', (code) => reject(new Error(`the save loop ended by itself (${code}): ${stderr}`)));
  });
  await exited;
}

function kill(child: ChildProcess): void {
  child.kill('SIGKILL');
}

async function filesUnder(folder: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(full)));
    else found.push(full);
  }
  return found;
}

function schemaFor(file: string): z.ZodType | null {
  const relative = path.relative(dir, file);
  if (relative.startsWith('returns'))
    return path.basename(file) === 'history.json' ? HistoryFileSchema : MonthFileSchema;
  if (relative.startsWith('index')) return IndexShardSchema;
  if (relative === 'watchlists.json') return WatchlistsFileSchema;
  if (relative === 'slack-files.json') return SlackFilesFileSchema;
  if (relative === 'store.json') return StoreMetaSchema;
  return null;
}

describe('a process killed with SIGKILL while it writes', () => {
  beforeAll(async () => {
    dir = await makeTempDir();
    for (let round = 1; round <= ROUNDS; round++) await runAndKill(round, 20);
  }, 60_000);

  afterAll(async () => {
    await removeTempDir(dir);
  });

  it('leaves every file whole: each parses and validates', async () => {
    const files = (await filesUnder(dir)).filter((f) => !f.includes(`${path.sep}.tmp${path.sep}`));
    expect(files.filter((f) => f.includes('.corrupt-'))).toEqual([]);
    let checked = 0;
    for (const file of files.filter((f) => f.endsWith('.json'))) {
      const schema = schemaFor(file);
      expect(schema, `no schema for ${file}`).not.toBeNull();
      const parsed = schema?.safeParse(JSON.parse(await readFile(file, 'utf8')));
      expect(parsed?.success, `${file} is torn`).toBe(true);
      if (schema === MonthFileSchema) expect(monthFileProblem(parsed?.data as MonthFile)).toBeNull();
      if (schema === HistoryFileSchema) expect(historyFileProblem(parsed?.data as HistoryFile)).toBeNull();
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(4 + 2 + 2);
  });

  it('loses no save that was acknowledged before the kill', async () => {
    const { store, corrupt } = await openTestStore(dir);
    try {
      expect(corrupt).toEqual([]);
      expect(acknowledged.saved.length).toBeGreaterThanOrEqual(ROUNDS * 20);
      for (const { stockCode, sha256 } of acknowledged.saved) {
        expect((await store.findBySha256(sha256))?.stockCode).toBe(stockCode);
      }
      for (const stockCode of ['00020', '00120', '00700', '09988']) {
        const submissions = await store.submissions(stockCode, '2023-11');
        const acked = acknowledged.saved.filter((s) => s.stockCode === stockCode).length;
        expect(submissions.length).toBeGreaterThanOrEqual(acked);
        // The index agrees with the month file, including a save the kill cut off between its two files.
        for (const held of submissions) expect((await store.findBySha256(held.id))?.id).toBe(held.id);
        const latestRead = submissions
          .map((s) => s.provenance.readAt)
          .sort()
          .at(-1);
        const current = await store.forMonth(stockCode, '2023-11');
        expect(current?.provenance.readAt).toBe(latestRead);
        // So does the code's history: a read of it finding it out of step would have reported it below.
        expect((await store.history(stockCode)).map((h) => h.id)).toEqual([current?.id]);
      }
      expect(corrupt).toEqual([]);
      for (const [channelId, iteration] of acknowledged.watchlists) {
        expect(Number((await store.getWatchlist(channelId))?.updatedAt)).toBeGreaterThanOrEqual(iteration);
      }
    } finally {
      await store.close();
    }
  });
});
