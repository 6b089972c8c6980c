import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultFilingsDir } from '../../scripts/accuracy/corpus.js';
import { AppError } from '../../src/domain/errors.js';
import { detectFormVersion } from '../../src/parse/detect-form.js';
import { extractText } from '../../src/pdf/extract-text.js';
import { at, documentOf, ff301Furniture } from './document-builder.js';

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected detectFormVersion to refuse the document');
}

describe('detectFormVersion', () => {
  it('reads the version from the footer of an English FF301', () => {
    const doc = documentOf([
      ...ff301Furniture(1, 11, '1.0.0'),
      at(22.1, 97.1, 'Monthly Return for Equity Issuer and Hong Kong Depositary Receipts listed under Chapter 19B', 11),
    ]);
    expect(detectFormVersion(doc)).toEqual({ kind: 'FF301', version: '1.0.0', language: 'en' });
  });

  it('recognises the Traditional Chinese FF301 by its title', () => {
    const doc = documentOf([
      at(761.6, 27.3, 'FF301'),
      at(390.7, 547.9, '第 1 頁 共 10 頁'),
      at(763.6, 547.8, 'v'),
      at(770.5, 547.8, '1.1.1'),
      at(22.1, 103.9, '股份發行人及根據《上市規則》第十九B章上市的香港預託證券發行人的證券變動月報表', 11),
    ]);
    expect(detectFormVersion(doc)).toEqual({ kind: 'FF301', version: '1.1.1', language: 'zh-Hant' });
  });

  it('sends the pre-2021 form to its own reader', () => {
    const doc = documentOf([
      at(381.7, 45, 'For Main Board and GEM listed issuers', 10),
      at(53.9, 147.2, 'Monthly Return of Equity Issuer on Movements in Securities', 10),
    ]);
    expect(detectFormVersion(doc)).toEqual({ kind: 'legacy', language: 'en' });
  });

  it('names a Next Day Disclosure Return as what it is', () => {
    const doc = documentOf([
      at(344.4, 73.2, 'Next Day Disclosure Return', 11),
      at(249.2, 85.9, '(Equity issuer - changes in issued share capital and/or share buybacks)', 11),
    ]);
    const error = refusal(() => detectFormVersion(doc, 'a091228.pdf'));
    expect(error.code).toBe('not-a-monthly-return');
    expect(error.facts.looksLike).toBe('Next Day Disclosure Return');
    expect(error.message).toBe('a091228.pdf is a Next Day Disclosure Return, not a monthly return');
  });

  it('describes anything else by its most prominent line', () => {
    const doc = documentOf([
      at(72, 60, 'page 1 of 80', 8),
      at(72, 100, 'Annual Report 2024', 18),
      at(72, 140, 'Contents', 12),
    ]);
    const error = refusal(() => detectFormVersion(doc, 'report.pdf'));
    expect(error.code).toBe('not-a-monthly-return');
    expect(error.facts.looksLike).toBe('"Annual Report 2024"');
  });
});

const otherForms = path.join(defaultFilingsDir(), 'other-forms');
const hasOtherForms = existsSync(otherForms);
if (!hasOtherForms)
  console.warn(`Skipping the Next Day Disclosure Returns: ${otherForms} not found (set HKEX_FILINGS_DIR)`);

describe.skipIf(!hasOtherForms)('the Next Day Disclosure Returns of the corpus', () => {
  const names = hasOtherForms ? readdirSync(otherForms).filter((name) => name.endsWith('.pdf')) : [];

  it.each(names)('recognises %s as a Next Day Disclosure Return', async (name) => {
    const doc = await extractText(readFileSync(path.join(otherForms, name)), undefined, name);
    const error = refusal(() => detectFormVersion(doc, name));
    expect(error.code).toBe('not-a-monthly-return');
    expect(error.facts.looksLike).toBe('Next Day Disclosure Return');
  });
});
