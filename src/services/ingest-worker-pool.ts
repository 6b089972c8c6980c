/**
 * A pool of worker threads that read filings (extract + parse) for bulk ingest. A worker that dies or hangs on one
 * file costs that file only: it is reported as unreadable and the worker replaced. Workers run what the process runs:
 * the compiled JavaScript under dist/ (`npm start`), or the TypeScript sources through tsx (tests, `npm run cli`).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { AppError } from '../domain/errors.js';
import type { ParsedFiling } from '../domain/parsed-filing.js';
import { DEFAULT_EXTRACT_LIMITS, type ExtractLimits } from '../pdf/extract-text.js';
import type { ReadReply, ReadRequest, WorkerReady } from './ingest-worker-messages.js';

export interface ReadPool {
  readonly size: number;
  /** Same contract as readFiling: a parsed, checked return, or an AppError. */
  read(bytes: Uint8Array, options: { fileName: string; limits?: ExtractLimits }): Promise<ParsedFiling>;
  /** Stops the workers; reads still waiting are rejected. */
  close(): Promise<void>;
}

export interface ReadPoolOptions {
  /** Worker threads; default one per core. */
  readonly size?: number;
  /** A worker busy this much longer than the extraction time limit is stopped and replaced. */
  readonly graceMs?: number;
  /** Heap per worker: a pathological PDF exhausts its own worker, not the process. */
  readonly maxHeapMb?: number;
}

/** From the sources, a plain module registers tsx in the worker before loading the TypeScript one. */
const WORKER_URL = new URL(
  import.meta.url.endsWith('.ts') ? './ingest-worker-entry.js' : './ingest-worker.js',
  import.meta.url,
);

interface Task {
  readonly request: ReadRequest;
  readonly resolve: (parsed: ParsedFiling) => void;
  readonly reject: (error: AppError) => void;
}

interface Slot {
  worker: Worker;
  /** Loaded and waiting for work; a file's time limit starts only then. */
  ready: boolean;
  task: Task | null;
  timer: NodeJS.Timeout | undefined;
}

export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism());
}

/** Files a reader should have ahead of it to be worth its start-up (loading pdf.js costs a few seconds of CPU). */
const FILES_PER_READER = 8;

/** Readers for a run of `files`: as asked, else one per core; never more than the files, nor idle ones. */
export function poolSizeFor(files: number, requested?: number): number {
  const wanted = requested ?? Math.min(defaultPoolSize(), Math.ceil(files / FILES_PER_READER));
  return Math.max(1, Math.min(wanted, files));
}

export function createReadPool(options: ReadPoolOptions = {}): ReadPool {
  const size = Math.max(1, options.size ?? defaultPoolSize());
  const graceMs = options.graceMs ?? 10_000;
  const queue: Task[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;
  let broken: string | undefined;

  function spawn(): Slot {
    const worker = new Worker(WORKER_URL, {
      // Not the parent's flags (a test runner's, say): the entry sets up what the worker needs.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 512 },
    });
    const slot: Slot = { worker, ready: false, task: null, timer: undefined };
    worker.on('message', (message: ReadReply | WorkerReady) => {
      if ('ready' in message) {
        slot.ready = true;
        pump();
      } else finish(slot, message);
    });
    worker.on('error', (error) => fail(slot, error.message));
    worker.on('exit', (code) => fail(slot, `the reader stopped (exit code ${code})`));
    return slot;
  }

  function finish(slot: Slot, reply: ReadReply): void {
    const task = slot.task;
    if (!task || task.request.id !== reply.id) return;
    clearTimeout(slot.timer);
    slot.task = null;
    if (reply.ok) task.resolve(reply.parsed);
    else task.reject(new AppError(reply.error.code, reply.error.message, reply.error.facts));
    pump();
  }

  /** A worker that failed is replaced; the file it was reading is reported, not retried. */
  function fail(slot: Slot, reason: string, code: 'unreadable-filing' | 'timeout' = 'unreadable-filing'): void {
    const task = slot.task;
    clearTimeout(slot.timer);
    slot.task = null;
    const index = slots.indexOf(slot);
    if (index < 0) return;
    slots.splice(index, 1);
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => undefined);
    void slot.worker.terminate();
    if (task) {
      const { fileName } = task.request;
      task.reject(new AppError(code, `${fileName} could not be read: ${reason}`, { fileName }));
    }
    if (!slot.ready) {
      // A reader that dies before it is ready would die again: stop, and say why, rather than respawn for ever.
      broken = `the readers could not start: ${reason}`;
      for (const waiting of queue.splice(0))
        waiting.reject(new AppError('unreadable-filing', `${waiting.request.fileName}: ${broken}`));
      return;
    }
    if (!closed) {
      slots.push(spawn());
      pump();
    }
  }

  function pump(): void {
    for (const slot of slots) {
      if (!slot.ready || slot.task || queue.length === 0) continue;
      const task = queue.shift() as Task;
      slot.task = task;
      const limit = (task.request.limits ?? DEFAULT_EXTRACT_LIMITS).timeoutMs + graceMs;
      slot.timer = setTimeout(() => fail(slot, `no answer after ${limit} ms`, 'timeout'), limit);
      // A copy, so that the caller's bytes stay usable; the copy's buffer moves to the worker without copying again.
      const bytes = new Uint8Array(task.request.bytes);
      slot.worker.postMessage({ ...task.request, bytes }, [bytes.buffer]);
    }
  }

  for (let i = 0; i < size; i++) slots.push(spawn());

  return {
    size,
    read(bytes, { fileName, limits }) {
      if (closed || broken) {
        return Promise.reject(new AppError('unreadable-filing', `${fileName}: ${broken ?? 'the readers are closed'}`));
      }
      return new Promise<ParsedFiling>((resolve, reject) => {
        queue.push({ request: { id: nextId++, bytes, fileName, limits }, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const task of queue.splice(0)) {
        task.reject(new AppError('unreadable-filing', `${task.request.fileName}: not read, the readers were closed`));
      }
      const stopping = slots.splice(0).map(async (slot) => {
        clearTimeout(slot.timer);
        slot.worker.removeAllListeners();
        slot.worker.on('error', () => undefined);
        slot.task?.reject(
          new AppError('unreadable-filing', `${slot.task.request.fileName}: not read, the readers were closed`),
        );
        await slot.worker.terminate();
      });
      await Promise.all(stopping);
    },
  };
}
