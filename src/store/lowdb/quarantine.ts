/**
 * A store file that fails to parse or validate is moved aside, next to where it was, under a name that nothing
 * reads or writes (`2023-11.json.corrupt-20240102T030405678Z`), so that it can be inspected or repaired by hand and
 * is never overwritten by the next save.
 */
import { access, rename } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../domain/errors.js';

export async function setAsideDamagedFile(file: string, reason: string, now: Date, cause?: unknown): Promise<AppError> {
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  let aside = `${file}.corrupt-${stamp}`;
  for (let n = 1; await exists(aside); n++) aside = `${file}.corrupt-${stamp}-${n}`;
  await rename(file, aside);
  return damagedFileError(file, reason, aside, cause);
}

export function damagedFileError(file: string, reason: string, setAsideAs: string | null, cause?: unknown): AppError {
  const where = setAsideAs ? `; it was moved aside to ${path.basename(setAsideAs)}` : '';
  return new AppError(
    'store-corrupt',
    `Store file ${file} is damaged (${reason})${where}.`,
    {
      file,
      reason,
      setAsideAs,
    },
    cause === undefined ? undefined : { cause },
  );
}

/** Matches the names `setAsideDamagedFile` gives, so that a rebuild can tell a month was set aside. */
export const SET_ASIDE_NAME = /^(?<original>.+)\.corrupt-\d{8}T\d{9}Z(-\d+)?$/;

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
