import { type ChildProcess, spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../store-fixtures.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const OPENER = path.join(import.meta.dirname, 'fixtures', 'open-on-request.ts');
const TRIALS = 30;

/** A process that opens stores on request, with a way to wait for its next line of output. */
interface Opener {
  readonly child: ChildProcess;
  next(): Promise<string>;
}

function startOpener(): Opener {
  const child = spawn(process.execPath, ['--import', 'tsx', OPENER], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const waiting: ((line: string) => void)[] = [];
  const ready: string[] = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    const resolve = waiting.shift();
    if (resolve) resolve(line);
    else ready.push(line);
  });
  return {
    child,
    next: () => {
      const line = ready.shift();
      if (line !== undefined) return Promise.resolve(line);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the opener did not answer within 10 s')), 10_000);
        waiting.push((answer) => {
          clearTimeout(timer);
          resolve(answer);
        });
      });
    },
  };
}

/** The id of a process that has exited, as a lock left by a crash names. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid as number;
}

let openers: Opener[] = [];

beforeAll(async () => {
  openers = [startOpener(), startOpener()];
  for (const opener of openers) expect(await opener.next()).toBe('ready');
}, 60_000);

afterAll(() => {
  for (const { child } of openers) child.stdin?.end();
});

describe('a lock left by a process that died', () => {
  it(`is taken over by exactly one of two processes opening the store at once, ${TRIALS} times in ${TRIALS}`, async () => {
    const dead = await deadPid();
    const owners: number[] = [];
    const refusals: string[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const dir = await makeTempDir();
      await writeFile(path.join(dir, '.lock'), String(dead));
      for (const { child } of openers) child.stdin?.write(`open ${dir}\n`);
      const answers = await Promise.all(openers.map((opener) => opener.next()));
      const owning = openers.filter((_, i) => answers[i] === `owned ${dir}`);
      owners.push(owning.length);
      refusals.push(...answers.filter((a) => a !== `owned ${dir}`).map((a) => a.replace(dir, 'DIR')));
      const lock = await readFile(path.join(dir, '.lock'), 'utf8');
      if (owning.length === 1) expect(lock.split(' ')[0]).toBe(String(owning[0]?.child.pid));
      for (const opener of owning) {
        opener.child.stdin?.write('close\n');
        expect(await opener.next()).toBe('closed');
      }
      await removeTempDir(dir);
    }
    expect(owners).toEqual(Array.from({ length: TRIALS }, () => 1));
    expect(refusals).toEqual(Array.from({ length: TRIALS }, () => 'refused DIR config-invalid'));
  }, 120_000);
});
