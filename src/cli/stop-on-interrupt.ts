/**
 * Ctrl-C (or SIGTERM) for a long command: the first asks it to stop after the work in hand (the signal aborts), a
 * second quits at once with status 130. Nothing saved is lost either way: saves are atomic.
 */
export interface InterruptHandling {
  readonly signal: AbortSignal;
  /** Stops listening for the signals. */
  dispose(): void;
}

export function stopOnInterrupt(note: (message: string) => void, message: string): InterruptHandling {
  const controller = new AbortController();
  let interrupts = 0;
  const onInterrupt = () => {
    interrupts++;
    if (interrupts > 1) process.exit(130);
    note(message);
    controller.abort();
  };
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onInterrupt);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', onInterrupt);
      process.off('SIGTERM', onInterrupt);
    },
  };
}
