/**
 * Cold start: `node bin/hkex-shares.js parse --json FILE` on one English FF301, as a whole process, as a user runs it
 * (start-up, loading, the one JIT-cold read, printing), beside the ES module bundle it falls back on
 * (dist/bundle/cli.js), the unbundled compiled CLI (dist/cli/main.js), `npx hkex-shares` (npm's own start-up on top)
 * and poppler's `pdftotext` on the same file, one run of each in turn. Median wall time and CPU per run (the finished
 * child's user + system). Target: bin/hkex-shares.js at most 0.4 s on a quiet machine. Runs what `npm run build`
 * last built.
 *
 *   npm run bench -- cold-start          (BENCH_ROUNDS, default 7)
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { defaultFilingsDir } from '../accuracy/corpus.js';
import {
  finishedChildrenCpuSeconds,
  hasPdftotext,
  median,
  NO_PDFTOTEXT,
  ROOT,
  times,
  verdict,
} from './bench-support.js';

const TARGET_SECONDS = 0.4;
const PDFTOTEXT = 'pdftotext -layout';
const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
const file = [
  path.join(defaultFilingsDir(), '01723_2026-01.pdf'),
  path.join(ROOT, 'fixtures', '02288_2025-03.pdf'),
].find((candidate) => existsSync(candidate));
if (!file || !existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) {
  console.log('cold-start bench: needs dist/ (`npm run build`) and an English FF301; skipped');
  process.exit(0);
}

interface Contender {
  readonly label: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly rounds: number;
}

const parse = ['parse', '--json', file];
const contenders: Contender[] = [
  {
    label: 'node bin/hkex-shares.js parse --json',
    command: process.execPath,
    args: ['bin/hkex-shares.js', ...parse],
    rounds,
  },
  // The ES module bundle bin/hkex-shares.js falls back on where the parse script is stale (cached-script.ts).
  {
    label: 'node dist/bundle/cli.js parse --json',
    command: process.execPath,
    args: ['dist/bundle/cli.js', ...parse],
    rounds,
  },
  {
    label: 'node dist/cli/main.js parse --json',
    command: process.execPath,
    args: ['dist/cli/main.js', ...parse],
    rounds,
  },
  // npm resolves the package's bin; only a few rounds, it is context, not a target.
  { label: 'npx hkex-shares parse --json', command: 'npx', args: ['--no-install', 'hkex-shares', ...parse], rounds: 3 },
  ...(hasPdftotext() ? [{ label: PDFTOTEXT, command: 'pdftotext', args: ['-layout', file, '-'], rounds }] : []),
];

interface Measured {
  readonly wall: number;
  readonly cpu: number | null;
  readonly failed: string | null;
}

/** One run of a command: its wall time and CPU (user + system, to the clock tick), or why it failed. */
function runOnce(command: string, args: readonly string[]): { wall: number; cpu: number | null } | { failed: string } {
  const cpuBefore = finishedChildrenCpuSeconds();
  const started = performance.now();
  const run = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const wall = (performance.now() - started) / 1000;
  if (run.status !== 0) return { failed: (run.stderr || String(run.error)).trim() };
  const cpuAfter = finishedChildrenCpuSeconds();
  return { wall, cpu: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
}

/**
 * Every command `rounds` times, alternating one run of each in turn, so that a shared machine's load weighs on them
 * alike: the median wall time and CPU of each.
 */
function measureAlternating(commands: readonly Contender[]): Measured[] {
  const runs: { walls: number[]; cpus: number[]; failed: string | null }[] = commands.map(() => ({
    walls: [],
    cpus: [],
    failed: null,
  }));
  const most = Math.max(...commands.map((command) => command.rounds));
  for (let round = 0; round < most; round++) {
    commands.forEach((command, at) => {
      const measured = runs[at];
      if (!measured || measured.failed !== null || round >= command.rounds) return;
      const run = runOnce(command.command, command.args);
      if ('failed' in run) measured.failed = run.failed;
      else {
        measured.walls.push(run.wall);
        if (run.cpu !== null) measured.cpus.push(run.cpu);
      }
    });
  }
  return runs.map(({ walls, cpus, failed }) =>
    failed === null
      ? { wall: median(walls), cpu: cpus.length > 0 ? median(cpus) : null, failed }
      : { wall: Number.NaN, cpu: null, failed },
  );
}

console.log(
  `cold start: ${path.basename(file)}, ${rounds} runs each alternating, median wall time and CPU per run; load ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`,
);
const results = measureAlternating(contenders);
const native = results[contenders.findIndex((contender) => contender.label === PDFTOTEXT)] ?? null;
const seconds = (value: number | null) => (value === null || Number.isNaN(value) ? '-' : `${value.toFixed(3)} s`);
contenders.forEach((contender, at) => {
  const result = results[at];
  if (!result) return;
  const floor = native && result !== native ? ` (x${(result.wall / native.wall).toFixed(0)} pdftotext)` : '';
  console.log(
    `  ${contender.label.padEnd(40)} wall ${seconds(result.wall).padStart(8)}${floor}, CPU ${seconds(result.cpu)}${result.failed ? `  failed: ${result.failed.split('\n')[0]}` : ''}`,
  );
});
if (!native) console.log(`  ${NO_PDFTOTEXT}`);
const bin = results[0];
if (bin) {
  console.log(
    `  target: bin/hkex-shares.js ${TARGET_SECONDS} s: ${seconds(bin.wall)} (${times(bin.wall / TARGET_SECONDS)} the target), ${verdict(bin.wall, TARGET_SECONDS)}`,
  );
}
