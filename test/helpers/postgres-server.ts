/**
 * A real PostgreSQL server for the tests that need one: initdb in a temporary folder, pg_ctl start on 127.0.0.1 on
 * a free port, stopped and removed at the end. Started once per test run by vitest's global setup of the `postgres`
 * project (vitest.config.ts), which runs only when one of its files is queued, and handed to the test files with
 * `provide`/`inject`; each file makes its own database on it (`createTestDatabase`).
 *
 * initdb refuses to run as root, so as root the server runs as the `postgres` system user (Debian's package makes
 * it), in a folder that user owns. The binaries are looked for on PATH, then in Debian's /usr/lib/postgresql/NN/bin.
 * Without them the suites skip with a note, except in CI (CI=true), where that is a failure: .ci/run installs them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from './bot-process.js';

export interface PostgresServerInfo {
  /** postgres://… of the server's `postgres` database, as its superuser; null when no server could be started. */
  readonly adminUrl: string | null;
  /** Why there is no server, when there is none. */
  readonly skipReason: string | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresServerInfo;
  }
}

function findBinDir(): string | null {
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return path.dirname(onPath);
  const debian = '/usr/lib/postgresql';
  if (!existsSync(debian)) return null;
  const versions = readdirSync(debian)
    .filter((v) => existsSync(path.join(debian, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(debian, versions[0], 'bin') : null;
}

/** Runs a server binary, as the `postgres` user when this process is root. */
function runServerCommand(binDir: string, command: string, args: string[]): void {
  const binary = path.join(binDir, command);
  const asRoot = process.getuid?.() === 0;
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
  execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: os.tmpdir() });
}

function ownedByServerUser(dir: string): void {
  if (process.getuid?.() !== 0) return;
  const line = spawnSync('getent', ['passwd', 'postgres'], { encoding: 'utf8' }).stdout.split(':');
  const [uid, gid] = [Number(line[2]), Number(line[3])];
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) {
    throw new Error('Running as root, the PostgreSQL test server needs the `postgres` system user, which is missing.');
  }
  chownSync(dir, uid, gid);
}

export interface RunningPostgres {
  /** postgres://… of the server's `postgres` database, as its superuser. */
  readonly adminUrl: string;
  stop(): void;
}

/** Starts a server in a temporary folder; the reason instead, when this machine has no server binaries. */
export async function startPostgresServer(
  settings: { readonly durable?: boolean } = {},
): Promise<RunningPostgres | { readonly skipReason: string }> {
  const binDir = findBinDir();
  if (!binDir)
    return { skipReason: 'no PostgreSQL server binaries (initdb, pg_ctl) on PATH or in /usr/lib/postgresql/*/bin' };
  const root = mkdtempSync(path.join(os.tmpdir(), 'hkex-pg-'));
  chmodSync(root, 0o755);
  const dataDir = path.join(root, 'data');
  const socketDir = path.join(root, 'socket');
  ownedByServerUser(root);
  const port = await freePort();
  runServerCommand(binDir, 'initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const options = [
    `-p ${port}`,
    `-k ${socketDir}`,
    "-c listen_addresses='127.0.0.1'",
    // For tests, a throwaway server: nothing it holds must survive a power cut, so it need not wait for the disk.
    // A benchmark asks for a durable one, to be measured as a production server would be.
    settings.durable ? '' : '-c fsync=off -c synchronous_commit=off -c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  mkdirSync(socketDir);
  ownedByServerUser(socketDir);
  runServerCommand(binDir, 'pg_ctl', [
    '-D',
    dataDir,
    '-l',
    path.join(root, 'server.log'),
    '-o',
    options,
    '-w',
    'start',
  ]);
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        runServerCommand(binDir, 'pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}

export default async function setup(project: TestProject): Promise<() => void> {
  const server = await startPostgresServer();
  if ('skipReason' in server) {
    if (process.env.CI === 'true')
      throw new Error(`CI needs a PostgreSQL server for the store tests: ${server.skipReason}.`);
    project.provide('postgres', { adminUrl: null, skipReason: server.skipReason });
    return () => {};
  }
  project.provide('postgres', { adminUrl: server.adminUrl, skipReason: null });
  return () => server.stop();
}
