/**
 * The filing store at market scale: stores of 1,000, 10,000 and 100,000 realistic returns (codes in proportion,
 * 2,600 at 100,000), each built in bulk in a child process, then opened and measured in a fresh one, so that each
 * peak RSS is the store's own. Saves go through the real API (fsync on); lookups pick codes at random, so at
 * scale most miss the cache of month files and read from disk (the page cache is warm from the build).
 *
 * The child processes run this file compiled to JavaScript, as `npm start` runs dist/: under tsx, the loader
 * thread alone adds about 55 MB to a process's peak RSS.
 *
 * The PostgreSQL store is measured beside it on a server the bench starts (test/helpers/postgres-server.ts, durable:
 * fsync on, as in production), over the same returns loaded in bulk, with the bot's own process measured the same
 * way; then two writer processes save at once, for the returns per second the database takes from both.
 *
 * `npm run bench -- store`; `tsx scripts/bench/store.bench.ts lowdb` (or `postgres`) for one backend; `measure N
 * DIR [URL]`, `generate N DIR PART PARTS`, `generate-postgres N URL PART PARTS` or `write N URL WRITER` for one step.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build as bundle } from 'esbuild';
import type { ReportMonth } from '../../src/domain/monthly-return.js';
import { openFilingStore } from '../../src/store/index.js';
import { BulkWriter } from '../../src/store/lowdb/bulk-writer.js';
import { shardOf, storeLayout } from '../../src/store/lowdb/store-layout.js';
import { connectDatabase } from '../../src/store/postgres/database.js';
import { openPostgresFilingStore } from '../../src/store/postgres/open-postgres-store.js';
import { toStoredReturn } from '../../src/store/submissions.js';
import { startPostgresServer } from '../../test/helpers/postgres-server.js';
import { makeMarketReturn, monthsFrom, seededRandom } from '../../test/store/market-returns.js';

const SCALES = [1_000, 10_000, 100_000];
const CODES_AT_100K = 2_600;
const FIRST_MONTH = '2022-01';
/** One month in 25 of a code also has a resubmission. */
const RESUBMISSION_EVERY = 25;
const TARGET = { saveP99: 25, lookupP99: 5, openMs: 2_000, rssMb: 300 };
const SAMPLES = { saves: 500, latest: 2_000, history: 1_000, fullHistory: 500, search: 200 };

interface Measured {
  backend: 'lowdb' | 'PostgreSQL';
  returns: number;
  codes: number;
  buildS: number;
  openMs: number;
  save: [number, number];
  latest: [number, number];
  history12: [number, number];
  historyAll: [number, number];
  search: [number, number];
  /**
   * CPU of the measured (bot's) process per lookup, mean, for latest, history 12 and history all (ms): what a
   * shared machine's load changes little, where it makes p99s mostly waits for a core. The server's is not in it.
   */
  lookupCpu: [number, number, number];
  rssMb: number;
  /** The machine's 1-minute load average as the measuring ended: on a shared machine p99s follow it. */
  load: number;
  /** Returns saved per second by two writer processes at once (PostgreSQL only: a lowdb folder admits one). */
  twoWriters?: number;
}

/** The PostgreSQL bench's writers each save this many returns, at once. */
const WRITER_SAVES = 300;

function codesFor(returns: number): string[] {
  const count = Math.max(1, Math.round((returns * CODES_AT_100K) / 100_000));
  return Array.from({ length: count }, (_, i) => String(1 + Math.floor((i * 9_998) / count)).padStart(5, '0'));
}

/** What a code holds: `quota` submissions over consecutive months from FIRST_MONTH, with a few resubmissions. */
function planFor(codeIndex: number, quota: number): { month: ReportMonth; submission: number }[] {
  const plan: { month: ReportMonth; submission: number }[] = [];
  for (const [i, month] of monthsFrom(FIRST_MONTH, quota).entries()) {
    if (plan.length === quota) break;
    plan.push({ month, submission: 0 });
    if ((codeIndex + i) % RESUBMISSION_EVERY === 0 && plan.length < quota) plan.push({ month, submission: 1 });
  }
  return plan;
}

function quotaOf(returns: number, codes: number, i: number): number {
  return Math.floor(returns / codes) + (i < returns % codes ? 1 : 0);
}

/** Builds the codes of every `parts`-th index shard from `part`: the parts write disjoint shards, side by side. */
async function generate(returns: number, dir: string, part: number, parts: number): Promise<void> {
  const codes = codesFor(returns);
  // No fsync: a bench store can be built again. Saves measured later do fsync.
  const writer = new BulkWriter(storeLayout(dir), false);
  for (const [i, code] of codes.entries()) {
    if (Number(shardOf(code)) % parts !== part) continue;
    const plan = planFor(i, quotaOf(returns, codes.length, i));
    await writer.writeCode(
      code,
      plan.map(({ month, submission }) => toStoredReturn(makeMarketReturn(code, month, submission))),
    );
  }
  await writer.finish();
}

/** Loads the codes of every `parts`-th code from `part` into the database, one transaction per code. */
async function generatePostgres(returns: number, url: string, part: number, parts: number): Promise<void> {
  const codes = codesFor(returns);
  const store = await openPostgresFilingStore({ url, maxConnections: 1 });
  try {
    for (const [i, code] of codes.entries()) {
      if (i % parts !== part) continue;
      const byMonth = new Map<ReportMonth, ReturnType<typeof toStoredReturn>[]>();
      for (const { month, submission } of planFor(i, quotaOf(returns, codes.length, i))) {
        byMonth.set(month, [...(byMonth.get(month) ?? []), toStoredReturn(makeMarketReturn(code, month, submission))]);
      }
      const months = [...byMonth].map(([reportMonth, submissions]) => ({
        stockCode: code,
        reportMonth,
        submissions,
        damaged: null,
      }));
      await store.importMonths(months);
    }
  } finally {
    await store.close();
  }
}

/** One of two writers: saves WRITER_SAVES new months, for codes of its own half, as fast as the database takes them. */
async function write(returns: number, url: string, writer: number): Promise<void> {
  const codes = codesFor(returns).filter((_, i) => i % 2 === writer);
  const store = await openPostgresFilingStore({ url, maxConnections: 1 });
  const inputs = codes.slice(0, WRITER_SAVES).map((code, i) => makeMarketReturn(code, '2031-01', 10 + i));
  const started = performance.now();
  for (let i = 0; i < WRITER_SAVES; i++) {
    const code = codes[i % codes.length] as string;
    const input = inputs[i] ?? makeMarketReturn(code, monthsFrom('2031-02', i + 1).at(-1) as ReportMonth, 10 + i);
    if ((await store.save(input)).status === 'already-held') throw new Error('a writer save was already held');
  }
  await store.close();
  console.log(JSON.stringify({ startedAt: performance.timeOrigin + started, endedAt: Date.now() }));
}

/** Two writer processes at once: returns per second over the span from the first start to the last end. */
async function twoWriters(returns: number, url: string, script: string): Promise<number> {
  const runs = await Promise.all(
    [0, 1].map(
      (writer) =>
        new Promise<{ startedAt: number; endedAt: number }>((resolve, reject) => {
          const child = spawn(process.execPath, [script, 'write', String(returns), url, String(writer)], {
            stdio: ['ignore', 'pipe', 'inherit'],
          });
          let out = '';
          child.stdout.on('data', (chunk) => {
            out += String(chunk);
          });
          child.on('exit', (code) =>
            code === 0 ? resolve(JSON.parse(out.trim())) : reject(new Error(`writer ${writer} failed (${code})`)),
          );
        }),
    ),
  );
  const span = Math.max(...runs.map((r) => r.endedAt)) - Math.min(...runs.map((r) => r.startedAt));
  return (2 * WRITER_SAVES) / (span / 1000);
}

/** Builds a store with one process per core, then flushes what the unsynced build left dirty. */
async function build(returns: number, dir: string, script: string, url?: string): Promise<number> {
  const started = performance.now();
  const parts = Math.max(1, os.availableParallelism());
  const args = (part: number) =>
    url
      ? [script, 'generate-postgres', String(returns), url, String(part), String(parts)]
      : [script, 'generate', String(returns), dir, String(part), String(parts)];
  await Promise.all(
    Array.from(
      { length: parts },
      (_, part) =>
        new Promise<void>((resolve, reject) => {
          const child = spawn(process.execPath, args(part), { stdio: ['ignore', 'ignore', 'inherit'] });
          child.on('exit', (code) =>
            code === 0 ? resolve() : reject(new Error(`building part ${part} failed (${code})`)),
          );
        }),
    ),
  );
  // Otherwise the first measured saves would pay for flushing the build.
  spawnSync('sync');
  return (performance.now() - started) / 1000;
}

async function measure(returns: number, dir: string, url?: string): Promise<void> {
  const random = seededRandom(returns);
  const codes = codesFor(returns);
  const pick = () => codes[Math.floor(random() * codes.length)] as string;
  let corrupt = 0;
  let started = performance.now();
  const store = await openFilingStore({ dir, databaseUrl: url ?? null, onCorrupt: () => corrupt++ });
  const openMs = performance.now() - started;

  // The store must answer what was built, or the figures below mean nothing.
  for (const i of [0, Math.floor(codes.length / 2), codes.length - 1]) {
    const code = codes[i] as string;
    for (const { month, submission } of planFor(i, quotaOf(returns, codes.length, i)).slice(-2)) {
      const held = await store.findBySha256(makeMarketReturn(code, month, submission).provenance.sha256);
      if (held?.stockCode !== code || held.reportMonth !== month)
        throw new Error(`the built store lacks ${code} ${month}`);
    }
  }

  const cpuPerCall: number[] = [];
  const timed = async (count: number, run: (i: number) => Promise<unknown>): Promise<[number, number]> => {
    const times: number[] = [];
    const cpu = process.cpuUsage();
    for (let i = 0; i < count; i++) {
      const t = performance.now();
      await run(i);
      times.push(performance.now() - t);
    }
    const used = process.cpuUsage(cpu);
    cpuPerCall.push((used.user + used.system) / 1000 / count);
    return percentiles(times);
  };

  // Four saves in five file a new month for a code, the fifth a resubmission of the code's latest month. Each
  // input is made just before its save (outside the timing), so that the bench holds no pile of returns itself.
  const latestMonths = new Map<string, ReportMonth>();
  const nextSave = async (i: number) => {
    const code = pick();
    const latest = latestMonths.get(code) ?? (await store.latest(code))?.reportMonth ?? FIRST_MONTH;
    if (i % 5 === 4) return makeMarketReturn(code, latest, 2 + i);
    const next = monthsFrom(latest, 2)[1] as ReportMonth;
    latestMonths.set(code, next);
    return makeMarketReturn(code, next, 0);
  };
  const saveTimes: number[] = [];
  for (let i = 0; i < SAMPLES.saves; i++) {
    const input = await nextSave(i);
    const t = performance.now();
    const result = await store.save(input);
    saveTimes.push(performance.now() - t);
    if (result.status === 'already-held') throw new Error('a bench save was already held');
  }
  const save = percentiles(saveTimes);
  const latest = await timed(SAMPLES.latest, () => store.latest(pick()));
  const history12 = await timed(SAMPLES.history, () => store.history(pick(), { limit: 12 }));
  const historyAll = await timed(SAMPLES.fullHistory, () => store.history(pick()));
  const words = ['pacific', 'dragon holdings', 'jade', 'lotus energy', 'kowloon'];
  const search = await timed(SAMPLES.search, (i) => store.searchIssuers(words[i % words.length] as string));
  started = performance.now();
  await store.close();
  if (corrupt > 0) throw new Error(`${corrupt} files were reported damaged`);
  const result: Measured = {
    backend: url ? 'PostgreSQL' : 'lowdb',
    buildS: 0,
    returns,
    codes: codes.length,
    openMs,
    save,
    latest,
    history12,
    historyAll,
    search,
    lookupCpu: [cpuPerCall[0] ?? 0, cpuPerCall[1] ?? 0, cpuPerCall[2] ?? 0],
    rssMb: process.resourceUsage().maxRSS / 1024,
    load: os.loadavg()[0] ?? 0,
  };
  console.log(JSON.stringify(result));
}

function percentiles(times: number[]): [number, number] {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return [at(0.5), at(0.99)];
}

/** This file as plain JavaScript, beside node_modules so that its imports resolve as the app's do. */
async function compileSelf(): Promise<string> {
  const outfile = path.resolve(import.meta.dirname, '../../node_modules/.cache/hkex-shares-bench/store.bench.mjs');
  await bundle({
    entryPoints: [import.meta.filename],
    outfile,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  return outfile;
}

function runMeasure(returns: number, dir: string, script: string, url?: string): Measured {
  const run = spawnSync(process.execPath, [script, 'measure', String(returns), dir, ...(url ? [url] : [])], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0) throw new Error(`measuring ${returns} failed (exit ${run.status})`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) as string);
}

interface Line {
  readonly name: string;
  readonly cell: (m: Measured) => string;
  /** The figure judged against the target, and shown as growth from the first scale to the last. */
  readonly figure?: (m: Measured) => number;
  readonly target?: number;
}

function report(rows: Measured[]): void {
  const ms = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(1));
  const pair = (p: [number, number]) => `${ms(p[0])} / ${ms(p[1])}`;
  const timing = (name: string, pick: (m: Measured) => [number, number], target?: number): Line => ({
    name: `${name} p50 / p99 (ms)`,
    cell: (m) => pair(pick(m)),
    figure: (m) => pick(m)[1],
    target,
  });
  const lines: Line[] = [
    { name: 'codes', cell: (m) => m.codes.toLocaleString('en') },
    { name: 'bulk build (s)', cell: (m) => m.buildS.toFixed(1) },
    { name: 'open (ms)', cell: (m) => ms(m.openMs), figure: (m) => m.openMs, target: TARGET.openMs },
    timing('save', (m) => m.save, TARGET.saveP99),
    timing('latest', (m) => m.latest, TARGET.lookupP99),
    timing('history 12', (m) => m.history12, TARGET.lookupP99),
    timing('history all', (m) => m.historyAll, TARGET.lookupP99),
    timing('name search', (m) => m.search),
    {
      name: 'bot CPU per lookup (ms): latest, history 12, all',
      cell: (m) => m.lookupCpu.map((v) => v.toFixed(2)).join(' / '),
    },
    { name: 'peak RSS (MB)', cell: (m) => m.rssMb.toFixed(0), figure: (m) => m.rssMb, target: TARGET.rssMb },
    {
      name: 'two writers at once (returns/s)',
      cell: (m) => (m.twoWriters === undefined ? 'one process' : m.twoWriters.toFixed(0)),
    },
    { name: 'load average (1 min)', cell: (m) => m.load.toFixed(1) },
  ];
  // Growth is told per backend: from its first scale to its last.
  const first = rows[0];
  const last = rows.filter((m) => m.backend === first?.backend).at(-1);
  const header = ['', ...rows.map((m) => `${m.backend} ${m.returns.toLocaleString('en')}`), 'target', '', 'growth'];
  const table = [
    header,
    ...lines.map(({ name, cell, figure, target }) => [
      name,
      ...rows.map(cell),
      target === undefined ? '' : `<= ${target}`,
      target === undefined || !figure ? '' : rows.every((m) => figure(m) <= target) ? 'PASS' : 'MISS',
      figure && first && last && figure(first) > 0 ? `x${(figure(last) / figure(first)).toFixed(1)}` : '',
    ]),
  ];
  const widths = header.map((_, c) => Math.max(...table.map((row) => (row[c] ?? '').length)));
  for (const row of table) {
    console.log(
      row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('   '),
    );
  }
  console.log(
    `Lookups on random codes; a target is met when every scale meets it; growth is ${first?.returns.toLocaleString('en')} -> ` +
      `${last?.returns.toLocaleString('en')} returns (of p99 for timings). ${os.availableParallelism()} cores.`,
  );
}

/** Measures the PostgreSQL store at each scale, each in a database of its own on one server started for the bench. */
async function benchPostgres(script: string): Promise<Measured[]> {
  const server = await startPostgresServer({ durable: true });
  if ('skipReason' in server) {
    console.log(`PostgreSQL not measured: ${server.skipReason}`);
    return [];
  }
  const rows: Measured[] = [];
  try {
    for (const returns of SCALES) {
      const name = `bench_${returns}`;
      const admin = connectDatabase(server.adminUrl, { maxConnections: 1 });
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.close();
      const url = server.adminUrl.replace(/\/postgres$/, `/${name}`);
      const root = mkdtempSync(path.join(os.tmpdir(), 'hkex-store-bench-'));
      try {
        const buildS = await build(returns, root, script, url);
        const measured = runMeasure(returns, root, script, url);
        rows.push({ ...measured, buildS, twoWriters: await twoWriters(returns, url, script) });
        console.log(`measured PostgreSQL at ${returns.toLocaleString('en')} returns`);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    }
  } finally {
    server.stop();
  }
  return rows;
}

async function benchLowdb(script: string): Promise<Measured[]> {
  const rows: Measured[] = [];
  for (const returns of SCALES) {
    const root = mkdtempSync(path.join(os.tmpdir(), 'hkex-store-bench-'));
    try {
      const buildS = await build(returns, root, script);
      rows.push({ ...runMeasure(returns, root, script), buildS });
      console.log(`measured lowdb at ${returns.toLocaleString('en')} returns`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  return rows;
}

const [step, count, dir, part, parts] = process.argv.slice(2);
if (step === 'generate') {
  await generate(Number(count), path.resolve(dir as string), Number(part ?? 0), Number(parts ?? 1));
} else if (step === 'generate-postgres') {
  await generatePostgres(Number(count), dir as string, Number(part ?? 0), Number(parts ?? 1));
} else if (step === 'write') {
  await write(Number(count), dir as string, Number(part ?? 0));
} else if (step === 'measure') {
  await measure(Number(count), path.resolve(dir as string), part);
} else {
  const script = await compileSelf();
  const lowdb = step === 'postgres' ? [] : await benchLowdb(script);
  const postgres = step === 'lowdb' ? [] : await benchPostgres(script);
  if (lowdb.length > 0) report(lowdb);
  if (postgres.length > 0) report(postgres);
}
