import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { warmUpReading } from '../../src/services/warm-up-reading.js';

describe('warmUpReading', () => {
  it('reads every fixture return back as a monthly return', async () => {
    expect(await warmUpReading({ thorough: true })).toBe(true);
  });

  it('says so, without throwing, when there is nothing to warm up on', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'warm-up-'));
    try {
      expect(await warmUpReading({ dir: empty })).toBe(false);
    } finally {
      await rm(empty, { recursive: true });
    }
  });
});
