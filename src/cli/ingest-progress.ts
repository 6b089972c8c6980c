/**
 * Progress of `hkex-shares ingest` on stderr: a bar where stderr is a terminal, one plain line per file otherwise
 * (a log or a pipe has no use for a redrawn bar). The only importer of cli-progress.
 */
import { Presets, SingleBar } from 'cli-progress';
import type { FileOutcome } from '../services/bulk-ingest.js';
import { describeOutcome } from './ingest-summary.js';

export interface IngestProgress {
  start(total: number): void;
  update(outcome: FileOutcome, done: number, total: number): void;
  /** A message between updates ("Stopping ..."). */
  note(message: string): void;
  stop(): void;
}

export function createIngestProgress(stream: NodeJS.WriteStream): IngestProgress {
  return stream.isTTY ? barProgress(stream) : lineProgress(stream);
}

function barProgress(stream: NodeJS.WriteStream): IngestProgress {
  const bar = new SingleBar(
    {
      stream,
      format: 'Reading |{bar}| {value}/{total} files | {file}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
    },
    Presets.shades_classic,
  );
  let running = false;
  return {
    start(total) {
      if (total === 0) return;
      bar.start(total, 0, { file: 'starting the readers' });
      running = true;
    },
    update(outcome, done) {
      if (running) bar.update(done, { file: baseName(outcome.file) });
    },
    note(message) {
      if (running) bar.stop();
      running = false;
      stream.write(`${message}\n`);
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}

function lineProgress(stream: NodeJS.WriteStream): IngestProgress {
  return {
    start(total) {
      stream.write(`Reading ${total} file${total === 1 ? '' : 's'}\n`);
    },
    update(outcome, done, total) {
      stream.write(`[${done}/${total}] ${describeOutcome(outcome)}\n`);
    },
    note(message) {
      stream.write(`${message}\n`);
    },
    stop() {},
  };
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
