import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, openTestStore, removeTempDir } from '../store-fixtures.js';

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await removeTempDir(dir);
});

const lockFile = () => path.join(dir, '.lock');

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid as number;
}

describe('the store lock', () => {
  it('names this process while it holds the store, and is gone once closed', async () => {
    const { store } = await openTestStore(dir);
    expect((await readFile(lockFile(), 'utf8')).split(' ')[0]).toBe(String(process.pid));
    await store.close();
    expect(await readdir(dir)).not.toContain('.lock');
  });

  it('refuses a second opening of the directory in the same process', async () => {
    const { store } = await openTestStore(dir);
    await expect(openTestStore(dir)).rejects.toMatchObject({
      code: 'config-invalid',
      message: `The store at ${dir} is in use by process ${process.pid}; stop it or give this one another directory.`,
    });
    await store.close();
    const { store: again } = await openTestStore(dir);
    await again.close();
  });

  it('refuses a store that a running process holds, and leaves its lock as it was', async () => {
    await writeFile(lockFile(), `${process.ppid} its-token`);
    await expect(openTestStore(dir)).rejects.toMatchObject({ code: 'config-invalid', facts: { pid: process.ppid } });
    expect(await readFile(lockFile(), 'utf8')).toBe(`${process.ppid} its-token`);
  });

  it('takes over a lock whose process died, a lock written with the pid alone included', async () => {
    await writeFile(lockFile(), String(await deadPid()));
    const { store } = await openTestStore(dir);
    expect((await readFile(lockFile(), 'utf8')).split(' ')[0]).toBe(String(process.pid));
    await store.close();
  });

  it('takes over a takeover that a process died in the middle of', async () => {
    const dead = await deadPid();
    await writeFile(lockFile(), `${dead} stale-token`);
    await writeFile(path.join(dir, `.lock.takeover-${dead}-stale-token`), `${dead} taker-token`);
    const { store } = await openTestStore(dir);
    expect((await readFile(lockFile(), 'utf8')).split(' ')[0]).toBe(String(process.pid));
    await store.close();
    expect((await readdir(dir)).filter((name) => name.startsWith('.lock'))).toEqual([]);
  });

  it('on close, removes only its own lock, never one that replaced it', async () => {
    const { store } = await openTestStore(dir);
    await writeFile(lockFile(), `${process.ppid} another-token`);
    await store.close();
    expect(await readFile(lockFile(), 'utf8')).toBe(`${process.ppid} another-token`);
  });
});
