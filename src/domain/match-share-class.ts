/**
 * Which class of last month's return is "the same class" as one of this month's. Filers do not keep their wording
 * (an issuer may file one month in English and the next in Chinese, "Ordinary shares" becoming "普通股"), so the
 * listed stock code decides first (an A share's Shanghai or Shenzhen code too), then the wording, and a return of
 * one class matches a return of one class.
 */
import type { ShareClass } from './monthly-return.js';

function wording(shareClass: ShareClass): string {
  return [shareClass.className, shareClass.description ?? ''].join('|').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The class of `candidates` that stands for `shareClass`, or null when none can be told apart with confidence. */
export function matchShareClass<T extends ShareClass>(shareClass: ShareClass, candidates: readonly T[]): T | null {
  if (shareClass.stockCode !== null) {
    const byCode = candidates.filter((c) => c.stockCode === shareClass.stockCode);
    if (byCode.length === 1) return byCode[0] ?? null;
  }
  const elsewhere = shareClass.otherExchangeCode;
  if (elsewhere) {
    const byOtherCode = candidates.filter(
      (c) =>
        c.otherExchangeCode?.exchange === elsewhere.exchange && c.otherExchangeCode.stockCode === elsewhere.stockCode,
    );
    if (byOtherCode.length === 1) return byOtherCode[0] ?? null;
  }
  const byWording = candidates.filter((c) => wording(c) === wording(shareClass));
  if (byWording.length === 1) return byWording[0] ?? null;
  if (candidates.length === 1 && candidates[0]?.stockCode === shareClass.stockCode) return candidates[0] ?? null;
  return null;
}

/**
 * How a class is named to a reader: the filer's description where it says more ("Class B ordinary shares" under
 * "WVR ordinary shares"), else the class as printed.
 */
export function shareClassLabel(shareClass: Pick<ShareClass, 'className' | 'description'>): string {
  const description = shareClass.description?.trim() ?? '';
  return description.length > 0 && description.length <= 60 ? description : shareClass.className;
}
