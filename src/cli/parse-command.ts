/**
 * `hkex-shares parse [--json] FILE.pdf`: reads one monthly return and prints it, as a readable summary or (with
 * --json) as the model and its flags. The summary is the card's "Show all" view as text (format/full-return.ts):
 * every part, row, remark and flag. Exit status: 0 when read, 1 when the file cannot be read as a monthly return
 * (with a one-line reason), 2 for a usage error, 3 when it was read and carries a flag of severity error (a figure
 * that is wrong or contradicts another), so that a script can gate on it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isAppError } from '../domain/errors.js';
import type { ParsedFiling } from '../domain/parsed-filing.js';
import { renderFullReturnText } from '../format/full-return.js';
import { readFiling } from '../services/read-filing.js';
import { recoverPathArgument } from './raw-arguments.js';

const USAGE = `Usage: hkex-shares parse [--json] FILE.pdf
  Reads one HKEX monthly return (FF301, or the pre-2021 form) and prints what it says.
  --json    print the model and its flags as JSON
Exit status: 0 read, 1 not readable as a monthly return, 2 usage error,
  3 read, with a flag of severity error (a figure that is wrong or contradicts another)`;

export const EXIT = { ok: 0, unreadable: 1, usage: 2, errorFlag: 3 } as const;

export async function run(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(args);
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return EXIT.usage;
  }
  if (parsed.help) {
    console.log(USAGE);
    return EXIT.ok;
  }
  const fileName = path.basename(parsed.file);
  let filing: ParsedFiling;
  try {
    const bytes = await readFile(recoverPathArgument(parsed.file, args));
    filing = await readFiling(new Uint8Array(bytes), { fileName });
  } catch (error) {
    console.error(`hkex-shares parse: ${reasonOf(error, parsed.file)}`);
    return EXIT.unreadable;
  }
  console.log(parsed.json ? JSON.stringify(filing, null, 2) : renderFullReturnText(filing));
  return filing.flags.some((flag) => flag.severity === 'error') ? EXIT.errorFlag : EXIT.ok;
}

function parseOptions(args: string[]): { file: string; json: boolean; help: boolean } {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    allowPositionals: true,
  });
  if (values.help) return { file: '', json: false, help: true };
  if (positionals.length !== 1) throw new Error('Give exactly one PDF file.');
  return { file: positionals[0] as string, json: values.json, help: false };
}

function reasonOf(error: unknown, file: string): string {
  if (isAppError(error)) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${file}: no such file`;
  if (code === 'EISDIR') return `${file} is a folder, not a PDF`;
  if (code === 'EACCES') return `${file}: permission denied`;
  return `${file} could not be read (${error instanceof Error ? error.message : String(error)})`;
}
