/**
 * A reader process (see ingest-worker-pool.ts): reads filings (PDF bytes -> parsed, checked return), the CPU-bound
 * part, under a memory limit of its own, so that several are read at once while the bot answers or bulk ingest
 * saves. Errors travel back as data: code, message and facts.
 */
import { isAppError } from '../domain/errors.js';
import type { ReaderReady, ReaderWarmed, ReadReply, ReadRequest } from './ingest-worker-messages.js';
import { readFiling } from './read-filing.js';
import { warmUpReading } from './warm-up-reading.js';

const send = process.send?.bind(process);
if (!send) throw new Error('ingest-worker.ts runs as a reader process (see ingest-worker-pool.ts)');

/** Files being read now, and the warm-up waiting for them to finish. */
let reading = 0;
let resumeWarmUp: (() => void) | undefined;
const idle = () => (reading === 0 ? Promise.resolve() : new Promise<void>((resolve) => (resumeWarmUp = resolve)));

process.on('message', async (request: ReadRequest) => {
  let reply: ReadReply;
  reading++;
  try {
    const parsed = await readFiling(request.bytes, { fileName: request.fileName, limits: request.limits });
    reply = { id: request.id, ok: true, parsed };
  } catch (error) {
    reply = isAppError(error)
      ? { id: request.id, ok: false, error: { code: error.code, message: error.message, facts: error.facts } }
      : {
          id: request.id,
          ok: false,
          error: {
            code: 'unreadable-filing',
            message: `${request.fileName} could not be read (${error instanceof Error ? error.message : String(error)})`,
            facts: { fileName: request.fileName },
          },
        };
  } finally {
    reading--;
  }
  send(reply);
  if (reading === 0) {
    resumeWarmUp?.();
    resumeWarmUp = undefined;
  }
});
// The pool going away (the bot stopped, even by SIGKILL) closes the channel: a reader never outlives it.
process.on('disconnect', () => process.exit(0));

// Load pdf.js before saying so: the first filing's time limit must not pay for it. The thorough warm-up (the bot's)
// follows in the background, a read at a time, and steps aside for any file given meanwhile: an upload in the first
// seconds after a start is read at once, not after the warm-up's few seconds of reads.
await warmUpReading();
const ready: ReaderReady = { ready: true };
send(ready);
if (process.argv[2] === 'thorough') {
  await warmUpReading({ thorough: true, beforeEachRead: idle });
  const warmed: ReaderWarmed = { warmed: true };
  send(warmed);
}
