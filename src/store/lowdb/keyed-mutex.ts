/**
 * Runs tasks that share a key one after another, in the order they were asked for; tasks of different keys run
 * freely. Two saves for the same code and month must not both read the file and each write back its own version.
 */
export class KeyedMutex {
  readonly #tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }

  /** Whether a task of this key is running or waiting. */
  isBusy(key: string): boolean {
    return this.#tails.has(key);
  }

  /** Resolves once every task asked for so far has finished. */
  async settled(): Promise<void> {
    await Promise.all([...this.#tails.values()]);
  }
}
