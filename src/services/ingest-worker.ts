/**
 * A worker thread of bulk ingest: reads filings (PDF bytes -> parsed, checked return), the CPU-bound part, so that
 * several are read at once while the main thread saves. Errors travel back as data: code, message and facts.
 */
import { parentPort } from 'node:worker_threads';
import { isAppError } from '../domain/errors.js';
import type { ReadReply, ReadRequest, WorkerReady } from './ingest-worker-messages.js';
import { readFiling } from './read-filing.js';
import { warmUpReading } from './warm-up-reading.js';

const port = parentPort;
if (!port) throw new Error('ingest-worker.ts runs as a worker thread (see ingest-worker-pool.ts)');

port.on('message', async (request: ReadRequest) => {
  let reply: ReadReply;
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
  }
  port.postMessage(reply);
});

// Load pdf.js and warm it up before saying so: the first filing's time limit (and its reader) must not pay for it.
await warmUpReading();
const ready: WorkerReady = { ready: true };
port.postMessage(ready);
