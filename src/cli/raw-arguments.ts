/**
 * Node decodes the command line as UTF-8, so a file name in another encoding (Latin-1 "été.pdf" from an old archive)
 * reaches process.argv with U+FFFD in place of its bytes, and names no file any more. On Linux the bytes as given are
 * in /proc/self/cmdline; this recovers an argument's bytes from there, so that it can be opened as a Buffer path.
 */
import { readFileSync } from 'node:fs';

const REPLACEMENT = '\uFFFD';

/**
 * The path to open for a command-line argument: the argument itself, or, where it lost bytes in decoding, those bytes
 * as a Buffer. `tail` is the argument list it came from, the last entries of the process's command line.
 */
export function recoverPathArgument(argument: string, tail: readonly string[]): string | Buffer {
  if (!argument.includes(REPLACEMENT)) return argument;
  const raw = readCommandLine();
  if (!raw || raw.length < tail.length) return argument;
  const rawTail = raw.slice(raw.length - tail.length);
  const index = tail.indexOf(argument);
  const bytes = rawTail[index];
  // Only the process's real command line decodes to the same arguments; anything else (a caller passing its own
  // list) keeps the argument as given.
  const aligned = rawTail.every((entry, i) => entry.toString('utf8') === tail[i]);
  return aligned && bytes ? bytes : argument;
}

function readCommandLine(): Buffer[] | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync('/proc/self/cmdline');
  } catch {
    return null; // not Linux: nothing to recover from
  }
  const entries: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0) continue;
    entries.push(bytes.subarray(start, i));
    start = i + 1;
  }
  if (start < bytes.length) entries.push(bytes.subarray(start));
  return entries;
}
