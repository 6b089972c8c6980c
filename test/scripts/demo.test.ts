/**
 * The demo as its user runs it, in a child process: what it prints is the point, one line per mistake and one
 * JSON object per line with --json.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { FILINGS_DIR } from '../helpers/fake-hkexnews.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
// The return nobody shared: a real one where ../shared/filings is here, else the fixture the demo holds back.
const UNSHARED = existsSync(path.join(FILINGS_DIR, '01477_2023-12.pdf'))
  ? { code: '01477', month: '2023-12', printed: 'Dec 2023' }
  : { code: '08425', month: '2024-10', printed: 'Oct 2024' };
const dir = mkdtempSync(path.join(tmpdir(), 'hkex-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function demo(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  try {
    const { stdout, stderr } = await promisify(execFile)(tsx, ['scripts/demo.ts', ...args], { cwd: ROOT });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout, err: failed.stderr };
  }
}

describe('npm run demo', () => {
  it('answers --help with one line of usage', async () => {
    const { code, out } = await demo('--help');
    expect(code).toBe(0);
    expect(out).toBe(
      'usage: npm run demo -- [--json] [--dir FOLDER]  (FOLDER holds the monthly-return PDFs to share)\n',
    );
  });

  it('answers a folder that does not exist in one line, with no stack trace', async () => {
    const { code, err } = await demo('--dir', path.join(dir, 'missing'));
    expect(code).toBe(2);
    expect(err).toBe(`demo: cannot read --dir ${path.join(dir, 'missing')} (no such folder)\n`);
  });

  it('prints NDJSON with --json and asks /shares about the code it just shared', { timeout: 60_000 }, async () => {
    const shared = path.join(dir, 'one');
    mkdirSync(shared);
    copyFileSync(path.join(ROOT, 'fixtures', '03388_2024-09_treasury.pdf'), path.join(shared, '03388.pdf'));
    const { code, out } = await demo('--json', '--dir', shared);
    expect(code).toBe(0);
    const lines = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.event)).toEqual([
      'a user shares 03388.pdf in #filings',
      'a user types /shares 03388',
      'a user types /shares 03388 history',
      // The history's chart, posted as a PNG.
      'a user types /shares 03388 history',
      // A return nobody shared, fetched from the project's fake HKEXnews: "Looking up …" at once, then the card.
      `a user types /shares ${UNSHARED.code} ${UNSHARED.month} (nobody shared it)`,
      `a user types /shares ${UNSHARED.code} ${UNSHARED.month} (nobody shared it)`,
    ]);
    expect(lines[3]).toMatchObject({ via: 'files.uploadV2', channel: 'C0001', thread_ts: null });
    expect(lines[3].payload.file.name).toBe('03388_history_2024-09_2024-09.png');
    expect(lines[3].payload.text).toBe(
      'Harbourfront Digital Holdings Limited (03388): shares by month, Sep 2024 (1 month held).',
    );
    expect(lines[4].payload.text).toContain(`Looking up ${UNSHARED.code} on HKEXnews`);
    expect(lines[5].payload.text).toContain(`(${UNSHARED.code}), ${UNSHARED.printed}`);
    expect(lines[0]).toMatchObject({ channel: 'C0001', via: 'chat.postMessage' });
    expect(lines[1].payload.text).toContain('Harbourfront Digital Holdings Limited (03388), Sep 2024');
    expect(lines[1].payload.text).toContain('995,500,000 (-4,500,000 in the month)');
  });
});
