/**
 * Cold start: `node bin/hkex-shares.js parse --json FILE` on one English FF301, as a whole process, as a user runs it
 * (start-up, loading, the one JIT-cold read, printing), beside the unbundled compiled CLI (dist/cli/main.js),
 * `npx hkex-shares` (npm's own start-up on top) and poppler's `pdftotext` on the same file. Wall time per run and
 * CPU per run (the finished children's user + system). Target: bin/hkex-shares.js at most 0.4 s on a quiet machine.
 * Runs what `npm run build` last built.
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

const contenders: Contender[] = [
  { label: 'node bin/hkex-shares.js parse --json', command: process.execPath, args: ['bin/hkex-shares.js'], rounds },
  { label: 'node dist/cli/main.js parse --json', command: process.execPath, args: ['dist/cli/main.js'], rounds },
  // npm resolves the package's bin; only a few rounds, it is context, not a target.
  { label: 'npx hkex-shares parse --json', command: 'npx', args: ['--no-install', 'hkex-shares'], rounds: 3 },
];

interface Measured {
  readonly wall: number;
  readonly cpu: number | null;
  readonly failed: string | null;
}

function measure(command: string, args: readonly string[], count: number): Measured {
  const walls: number[] = [];
  const cpuBefore = finishedChildrenCpuSeconds();
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const run = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (run.status !== 0) return { wall: Number.NaN, cpu: null, failed: (run.stderr || String(run.error)).trim() };
    walls.push((performance.now() - started) / 1000);
  }
  const cpuAfter = finishedChildrenCpuSeconds();
  const cpu = cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / count;
  return { wall: median(walls), cpu, failed: null };
}

console.log(
  `cold start: ${path.basename(file)}, ${rounds} runs each, median wall time and CPU per run; load ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`,
);
const native = hasPdftotext() ? measure('pdftotext', ['-layout', file, '-'], rounds) : null;
const seconds = (value: number | null) => (value === null || Number.isNaN(value) ? '-' : `${value.toFixed(3)} s`);
let bin: Measured | undefined;
for (const contender of contenders) {
  const result = measure(contender.command, [...contender.args, 'parse', '--json', file], contender.rounds);
  bin ??= result;
  const floor = native ? ` (x${(result.wall / native.wall).toFixed(0)} pdftotext)` : '';
  console.log(
    `  ${contender.label.padEnd(40)} wall ${seconds(result.wall).padStart(8)}${floor}, CPU ${seconds(result.cpu)}${result.failed ? `  failed: ${result.failed.split('\n')[0]}` : ''}`,
  );
}
if (native)
  console.log(
    `  ${'pdftotext -layout'.padEnd(40)} wall ${seconds(native.wall).padStart(8)}, CPU ${seconds(native.cpu)}`,
  );
else console.log(`  ${NO_PDFTOTEXT}`);
if (bin) {
  console.log(
    `  target: bin/hkex-shares.js ${TARGET_SECONDS} s: ${seconds(bin.wall)} (${times(bin.wall / TARGET_SECONDS)} the target), ${verdict(bin.wall, TARGET_SECONDS)}`,
  );
}
