/**
 * One JSON file of the store, held as a lowdb document. This is the only importer of lowdb: the adapter below gives
 * it what lowdb leaves to the caller — validation with zod on every read, an older layout migrated before that,
 * a damaged file moved aside with an error naming it, and atomic, fsynced writes run one at a time per file.
 */
import { readFileSync } from 'node:fs';
import { type Adapter, Low } from 'lowdb';
import type { z } from 'zod';
import { writeFileAtomic } from './atomic-write.js';
import { setAsideDamagedFile } from './quarantine.js';

export interface JsonFileSpec<T> {
  readonly file: string;
  readonly schema: z.ZodType<T>;
  /** Brings an older layout of this file up to the current one; it runs before validation. */
  readonly migrate?: (raw: unknown) => unknown;
  /** A check the schema cannot make (that a file's content belongs at its path); returns what is wrong. */
  readonly check?: (data: T) => string | null;
  readonly tmpDir: string;
  readonly durable?: boolean;
  readonly syncDirectory?: boolean;
  /**
   * Validate before writing (default), so that nothing is written that the next read would set aside. A file
   * built only from validated data, and rebuilt from it when damaged, may skip it.
   */
  readonly validateOnWrite?: boolean;
  readonly now: () => Date;
}

export interface JsonFile<T> {
  readonly file: string;
  /** Whether the file was on disk when it was opened. */
  readonly existed: boolean;
  data: T;
  /**
   * Writes `data` as it is when the write starts. Writes to one file run one after another; a write asked for
   * while another is waiting joins that one, which will carry both changes.
   */
  write(): Promise<void>;
}

/** Throws AppError('store-corrupt') naming the file, after moving it aside, when it is damaged. */
export async function openJsonFile<T>(spec: JsonFileSpec<T>, fallback: () => T): Promise<JsonFile<T>> {
  const adapter = new ValidatingAdapter(spec);
  const db = new Low<T>(adapter, fallback());
  await db.read();
  return new LowdbJsonFile(spec.file, adapter.found, db);
}

/**
 * A class, not an object literal with `get data()`: each literal's getter is a closure over its document, and V8's
 * inline caches kept recent ones (and so their documents) alive through young-generation collections, which
 * then promoted every document read to the old generation. Reads of history files spent five times as long in GC
 * at the 99th percentile.
 */
class LowdbJsonFile<T> implements JsonFile<T> {
  readonly #db: Low<T>;

  constructor(
    readonly file: string,
    readonly existed: boolean,
    db: Low<T>,
  ) {
    this.#db = db;
  }

  get data(): T {
    return this.#db.data;
  }

  set data(value: T) {
    this.#db.data = value;
  }

  write(): Promise<void> {
    return this.#db.write();
  }
}

class ValidatingAdapter<T> implements Adapter<T> {
  found = false;
  readonly #spec: JsonFileSpec<T>;
  #running: Promise<void> | null = null;
  #waiting: Promise<void> | null = null;
  #latest: T | null = null;

  constructor(spec: JsonFileSpec<T>) {
    this.#spec = spec;
  }

  async read(): Promise<T | null> {
    const { file, schema, migrate, check, now } = this.#spec;
    let text: string;
    try {
      // A store file is a few KB: read in place it takes tens of microseconds, a tenth of an async read's four
      // hops through the thread pool (open, stat, read, close).
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    this.found = true;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
      if (migrate) raw = migrate(raw);
    } catch (error) {
      throw await setAsideDamagedFile(file, text.length === 0 ? 'empty' : 'not valid JSON', now(), error);
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw await setAsideDamagedFile(file, describeIssue(parsed.error), now(), parsed.error);
    const problem = check?.(parsed.data);
    if (problem) throw await setAsideDamagedFile(file, problem, now());
    return parsed.data;
  }

  write(data: T): Promise<void> {
    this.#latest = data;
    if (this.#waiting) return this.#waiting;
    if (!this.#running) return this.#start(data);
    const waiting = this.#running
      .catch(() => undefined)
      .then(() => {
        this.#waiting = null;
        // The document may have changed since this write was asked for: write what it holds now.
        return this.#start(this.#latest as T);
      });
    this.#waiting = waiting;
    return waiting;
  }

  #start(data: T): Promise<void> {
    const running = this.#writeNow(data).finally(() => {
      if (this.#running === running) this.#running = null;
    });
    this.#running = running;
    return running;
  }

  async #writeNow(data: T): Promise<void> {
    const { file, schema, tmpDir, durable, syncDirectory, validateOnWrite } = this.#spec;
    if (validateOnWrite ?? true) {
      const parsed = schema.safeParse(data);
      if (!parsed.success) throw new Error(`Refusing to write ${file}: ${describeIssue(parsed.error)}`);
    }
    await writeFileAtomic(file, JSON.stringify(data), { tmpDir, durable, syncDirectory });
  }
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.length > 0 ? `at ${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}
