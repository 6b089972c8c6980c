/**
 * A pool of reader processes that read filings (extract + parse), for the bot and for bulk ingest. Each reader is a
 * long-lived child process whose memory the operating system bounds (READ_MEMORY_MB): a PDF that inflates to
 * gigabytes exhausts its reader, never the bot, and is answered as too complex. A reader that dies, hangs or runs
 * out of memory on one file costs that file only: it is reported and the reader replaced. Readers run what the
 * process runs: the compiled JavaScript under dist/ (`npm start`), or the TypeScript sources through tsx (tests,
 * `npm run cli`).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { AppError, type AppErrorCode } from '../domain/errors.js';
import type { ParsedFiling } from '../domain/parsed-filing.js';
import { DEFAULT_EXTRACT_LIMITS, type ExtractLimits } from '../pdf/extract-text.js';
import type { ReaderReady, ReaderWarmed, ReadReply, ReadRequest } from './ingest-worker-messages.js';

export interface ReadPool {
  readonly size: number;
  /** Same contract as readFiling: a parsed, checked return, or an AppError. */
  read(bytes: Uint8Array, options: { fileName: string; limits?: ExtractLimits }): Promise<ParsedFiling>;
  /** Resolves once every reader has loaded pdf.js and takes files. */
  ready(): Promise<void>;
  /**
   * Resolves once every reader has also finished the thorough warm-up, which runs after ready() between the files
   * it is given (a bench times the first file from there); at once without thoroughWarmUp, or once closed.
   */
  warmed(): Promise<void>;
  /** Stops the readers; reads still waiting are rejected. */
  close(): Promise<void>;
}

export interface ReadPoolOptions {
  /** Reader processes; default one per core. */
  readonly size?: number;
  /** A reader busy this much longer than the extraction time limit is killed and replaced. */
  readonly graceMs?: number;
  /** Memory each reader may use, in megabytes (READ_MEMORY_MB); default 512. */
  readonly memoryMb?: number;
  /**
   * Warm each reader up on the warm-up page and every fixture, so that the first upload reads as fast as the tenth:
   * in the background once it is ready, stepping aside for each file it is given.
   */
  readonly thoroughWarmUp?: boolean;
}

export const DEFAULT_READ_MEMORY_MB = 512;

const FROM_SOURCES = import.meta.url.endsWith('.ts');
const READER_PATH = fileURLToPath(new URL(FROM_SOURCES ? './ingest-worker.ts' : './ingest-worker.js', import.meta.url));
/** The project's root: from the sources, `--import tsx` is resolved there. */
const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * How a reader is started: under `ulimit -d`, which sets the process's RLIMIT_DATA, the limit Linux applies to the
 * memory a process writes to (heap, ArrayBuffers, anything it maps privately) but not to the address space V8 and
 * WebAssembly only reserve. Past it, an allocation fails inside the reader, which then answers "too complex" or
 * dies; the bot is untouched. V8's own heap is capped at the same size, so that a heap-bound file fails the same
 * way. Where the shell cannot set the limit (it is not enforced on macOS), the heap cap remains.
 */
function readerCommand(memoryMb: number, warmUp: 'thorough' | 'light'): { command: string; args: string[] } {
  const node = [
    `--max-old-space-size=${memoryMb}`,
    `--max-semi-space-size=${READER_SEMI_SPACE_MB}`,
    `--initial-old-space-size=${Math.min(READER_INITIAL_OLD_SPACE_MB, Math.floor(memoryMb / 2))}`,
    ...(FROM_SOURCES ? ['--import', 'tsx'] : []),
    READER_PATH,
    warmUp,
  ];
  if (process.platform === 'win32') return { command: process.execPath, args: node };
  const script = 'ulimit -d "$1" 2>/dev/null; shift; exec "$@"';
  // From the sources, tsx's compiler service (esbuild, a Go program the reader starts) inherits the limit and could
  // not start within it on a busy machine: there the limit leaves it room. npm start and the built CLI have none.
  const dataMb = memoryMb + (FROM_SOURCES ? TSX_HEADROOM_MB : 0);
  return { command: '/bin/sh', args: ['-c', script, 'reader', String(dataMb * 1024), process.execPath, ...node] };
}

const TSX_HEADROOM_MB = 1024;

/**
 * V8's young generation, where a read's short-lived objects (pdf.js's tokens, operators, glyphs and text items) are
 * made and, most of them, die: at Node 20's default, scavenges took about a fifth of a reader's CPU. With 16 MB
 * semi-spaces a read of the corpus costs 17-20% less CPU (measured over 138 reads in one process, alternating with
 * the default); 32 MB gains a few per cent more for twice the memory, which counts against READ_MEMORY_MB.
 */
const READER_SEMI_SPACE_MB = 16;

/**
 * Where V8 first collects a reader's old generation. Capped by --max-old-space-size, V8 sets that first limit low
 * (about 50 MB at a 512 MB cap, against far more uncapped), and the bot's warm-up (pdf.js compiled, its caches and
 * the fixtures read) ends just below it: the first real upload then paid the reader's first full collection, its
 * incremental marking and the concurrent markers' CPU (English FF301: 33-37 ms and 56-68 ms of CPU, against 14-17 ms
 * and 15-25 ms for the reads after it; 14-18 ms for the first read with the limit at 64 MB, one process each, load
 * about 1). The collection still comes, a read later, as it comes every so often to a warm reader.
 */
const READER_INITIAL_OLD_SPACE_MB = 64;

/** What a reader that died of exhausted memory leaves on its standard error (V8's heap, or C++'s operator new). */
const OUT_OF_MEMORY = /heap out of memory|Reached heap limit|bad_alloc|allocation failed|out of memory/i;

interface Task {
  readonly request: ReadRequest;
  readonly resolve: (parsed: ParsedFiling) => void;
  readonly reject: (error: AppError) => void;
}

interface Slot {
  child: ChildProcess;
  /** Loaded and waiting for work; a file's time limit starts only then. */
  ready: boolean;
  /** Done with the thorough warm-up, or never given one. */
  warmed: boolean;
  task: Task | null;
  timer: NodeJS.Timeout | undefined;
  /** The last few kilobytes the reader wrote to standard error: why it died, if it does. */
  stderr: string;
}

export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism());
}

/** Files a reader should have ahead of it to be worth its start-up (a new process loading pdf.js). */
const FILES_PER_READER = 8;

/** Readers for a run of `files`: as asked, else one per core; never more than the files, nor idle ones. */
export function poolSizeFor(files: number, requested?: number): number {
  const wanted = requested ?? Math.min(defaultPoolSize(), Math.ceil(files / FILES_PER_READER));
  return Math.max(1, Math.min(wanted, files));
}

export function createReadPool(options: ReadPoolOptions = {}): ReadPool {
  const size = Math.max(1, options.size ?? defaultPoolSize());
  const graceMs = options.graceMs ?? 1_000;
  const memoryMb = options.memoryMb ?? DEFAULT_READ_MEMORY_MB;
  const { command, args } = readerCommand(memoryMb, options.thoroughWarmUp ? 'thorough' : 'light');
  const queue: Task[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;
  let broken: string | undefined;
  const readyWaiters: (() => void)[] = [];
  const warmedWaiters: (() => void)[] = [];
  const allReady = () => slots.length > 0 && slots.every((slot) => slot.ready);
  const allWarmed = () => slots.length > 0 && slots.every((slot) => slot.warmed);

  function spawnReader(): Slot {
    const child = spawn(command, args, {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    const slot: Slot = {
      child,
      ready: false,
      warmed: !options.thoroughWarmUp,
      task: null,
      timer: undefined,
      stderr: '',
    };
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      slot.stderr = (slot.stderr + chunk).slice(-4096);
    });
    child.on('message', (message: ReadReply | ReaderReady | ReaderWarmed) => {
      if ('warmed' in message) {
        slot.warmed = true;
        if (allWarmed()) for (const resolve of warmedWaiters.splice(0)) resolve();
      } else if ('ready' in message) {
        slot.ready = true;
        if (allReady()) for (const resolve of readyWaiters.splice(0)) resolve();
        pump();
      } else finish(slot, message);
    });
    child.on('error', (error) => fail(slot, error.message));
    child.on('exit', (code, signal) => {
      if (OUT_OF_MEMORY.test(slot.stderr)) {
        fail(slot, `reading it needs more than the ${memoryMb} MB a reader may use`, 'filing-too-complex');
      } else fail(slot, `the reader stopped (${signal ?? `exit code ${code}`})`);
    });
    return slot;
  }

  function finish(slot: Slot, reply: ReadReply): void {
    const task = slot.task;
    if (!task || task.request.id !== reply.id) return;
    clearTimeout(slot.timer);
    slot.task = null;
    if (reply.ok) task.resolve(reply.parsed);
    else task.reject(new AppError(reply.error.code, reply.error.message, reply.error.facts));
    // A reader that ran out of memory may be left fragmented or short: a fresh one takes the next file.
    if (!reply.ok && reply.error.code === 'filing-too-complex') replace(slot);
    else pump();
  }

  /** A reader that failed is replaced; the file it was reading is reported, not retried. */
  function fail(slot: Slot, reason: string, code: AppErrorCode = 'unreadable-filing'): void {
    const task = slot.task;
    clearTimeout(slot.timer);
    slot.task = null;
    if (!slots.includes(slot)) return;
    if (task) {
      const { fileName } = task.request;
      task.reject(new AppError(code, `${fileName} could not be read: ${reason}`, { fileName }));
    }
    if (!slot.ready) {
      stop(slot);
      slots.splice(slots.indexOf(slot), 1);
      // A reader that dies before it is ready would die again: stop, and say why, rather than respawn for ever.
      broken = `the readers could not start: ${reason}`;
      for (const waiting of queue.splice(0))
        waiting.reject(new AppError('unreadable-filing', `${waiting.request.fileName}: ${broken}`));
      return;
    }
    replace(slot);
  }

  function replace(slot: Slot): void {
    stop(slot);
    slots.splice(slots.indexOf(slot), 1);
    if (!closed) {
      slots.push(spawnReader());
      pump();
    }
  }

  function stop(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.child.removeAllListeners();
    slot.child.stderr?.removeAllListeners();
    slot.child.on('error', () => undefined);
    slot.child.kill('SIGKILL');
  }

  function pump(): void {
    for (const slot of slots) {
      if (!slot.ready || slot.task || queue.length === 0) continue;
      const task = queue.shift() as Task;
      slot.task = task;
      const limit = (task.request.limits ?? DEFAULT_EXTRACT_LIMITS).timeoutMs + graceMs;
      slot.timer = setTimeout(() => fail(slot, `no answer after ${limit} ms`, 'timeout'), limit);
      slot.child.send(task.request);
    }
  }

  for (let i = 0; i < size; i++) slots.push(spawnReader());

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
    ready() {
      return allReady() ? Promise.resolve() : new Promise((resolve) => readyWaiters.push(resolve));
    },
    warmed() {
      return allWarmed() || closed ? Promise.resolve() : new Promise((resolve) => warmedWaiters.push(resolve));
    },
    async close() {
      closed = true;
      for (const resolve of [...readyWaiters.splice(0), ...warmedWaiters.splice(0)]) resolve();
      for (const task of queue.splice(0)) {
        task.reject(new AppError('unreadable-filing', `${task.request.fileName}: not read, the readers were closed`));
      }
      const stopping = slots.splice(0).map(async (slot) => {
        const alive = slot.child.exitCode === null && slot.child.signalCode === null;
        stop(slot);
        slot.task?.reject(
          new AppError('unreadable-filing', `${slot.task.request.fileName}: not read, the readers were closed`),
        );
        if (alive) await new Promise((resolve) => slot.child.once('exit', resolve));
      });
      await Promise.all(stopping);
    },
  };
}
