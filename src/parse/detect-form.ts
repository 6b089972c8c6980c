/**
 * Which form a document is, before any reader touches it: FF301 (with its version and language), the pre-2021
 * form, or something that is not a monthly return at all, named as well as we can ("Next Day Disclosure Return").
 */
import { AppError } from '../domain/errors.js';
import type { ExtractedDocument } from '../domain/extracted-document.js';
import type { Language } from '../domain/monthly-return.js';
import { FF301_LABELS } from './ff301/labels.js';
import { LINE_SETTINGS } from './layout/line-settings.js';
import { buildLines, containsCjk, type Line } from './layout/lines.js';

export type FormDetection =
  | { readonly kind: 'FF301'; readonly version: string | null; readonly language: Language }
  | { readonly kind: 'legacy'; readonly language: Language };

/** The pre-July-2021 Word template's title, in English and in Chinese. */
const LEGACY_TITLE = /Monthly Return of Equity Issuer on Movements in Securities|股份發行人的證券變動月報表/;
const FF301_MARK = /^FF301$/;
const VERSION = /\bv\s*(\d+\.\d+\.\d+)\b/;

/** Other HKEX filings people mistake for monthly returns, by the words of their title. */
const OTHER_FORMS: readonly (readonly [RegExp, string])[] = [
  [/Next Day Disclosure Return|翌日披露報表/i, 'Next Day Disclosure Return'],
  [
    /Monthly Return for (?:Issuers of )?Collective Investment Schemes?/i,
    'Monthly Return for Collective Investment Schemes',
  ],
  [/Announcement and Notice of Book Closure|Notice of Book Closure/i, 'Notice of Book Closure'],
];

/** Only the first pages decide: a monthly return says what it is on page 1. */
const PAGES_LOOKED_AT = 2;

export function detectFormVersion(doc: ExtractedDocument, fileName = 'the file'): FormDetection {
  // The form is not known yet: the e-form's settings keep every item, and a title is one line under either form's.
  const lines = buildLines({ pages: doc.pages.slice(0, PAGES_LOOKED_AT) }, LINE_SETTINGS.FF301);
  const firstPage = lines.filter((line) => line.page === doc.pages[0]?.number);
  const text = firstPage.map((line) => line.text).join('\n');

  const language = (Object.keys(FF301_LABELS) as Language[]).find((lang) =>
    firstPage.some((line) => FF301_LABELS[lang].title.test(line.text)),
  );
  const hasMark = lines.some((line) => line.words.some((word) => FF301_MARK.test(word.text)));
  const version = lines.map((line) => VERSION.exec(line.text)?.[1]).find((v) => v !== undefined) ?? null;
  // The Chinese title of FF301 is word for word the pre-2021 form's: there only the e-form's mark or version tells.
  const sharedTitleOnly = language !== undefined && !hasMark && version === null && LEGACY_TITLE.test(text);
  if ((language && !sharedTitleOnly) || (hasMark && !LEGACY_TITLE.test(text))) {
    return { kind: 'FF301', version, language: language ?? (containsCjk(text) ? 'zh-Hant' : 'en') };
  }
  if (LEGACY_TITLE.test(text)) {
    const title = firstPage.find((line) => LEGACY_TITLE.test(line.text));
    return { kind: 'legacy', language: title && containsCjk(title.text) ? 'zh-Hant' : 'en' };
  }

  const other = OTHER_FORMS.find(([pattern]) => pattern.test(text))?.[1];
  const title = describeTitle(firstPage);
  const looksLike = other ?? title;
  throw new AppError(
    'not-a-monthly-return',
    other
      ? `${fileName} is a ${other}, not a monthly return`
      : `${fileName} is not a monthly return (its title reads ${title})`,
    { fileName, looksLike },
  );
}

/** The document's most prominent line on page 1 (largest type, then highest), as a short description. */
function describeTitle(lines: readonly Line[]): string {
  const candidates = lines.filter((line) => /\p{L}{2,}/u.test(line.text));
  if (candidates.length === 0) return 'a document without a readable title';
  const largest = Math.max(...candidates.map((line) => line.height));
  const title = candidates.find((line) => line.height >= largest - 0.5);
  if (!title) return 'a document without a readable title';
  const text = title.text.length > 100 ? `${title.text.slice(0, 97)}...` : title.text;
  return `"${text}"`;
}
