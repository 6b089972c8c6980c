/**
 * What a class of HDRs stands for, as part IV prints it: the depositary, the HDR ratio with both its numbers ("1 HDR
 * : 2 shares", since an HDR may stand for several shares or a fraction of one) and the underlying class with where it
 * is listed. Shared by the card and the full view; empty for a part IV that prints none of them.
 */
import { formatHdrRatio, type HdrClass, type UnderlyingClass } from '../domain/monthly-return.js';
import { describeClassName } from './class-label.js';

export function describeHdrTerms(hdr: HdrClass): string[] {
  const terms: string[] = [];
  if (hdr.depositary) terms.push(`Depositary: ${hdr.depositary}`);
  if (hdr.hdrRatio) terms.push(`Ratio: ${formatHdrRatio(hdr.hdrRatio)}`);
  if (hdr.underlyingClass) terms.push(`Underlying: ${describeUnderlyingClass(hdr.underlyingClass)}`);
  return terms;
}

/** "Ordinary shares, not listed on SEHK": the Exchange of "Listed on the Exchange" is SEHK. */
function describeUnderlyingClass(underlying: UnderlyingClass): string {
  const name = describeClassName({ ...underlying, description: null });
  if (underlying.listedOnExchange === null) return name;
  return `${name}, ${underlying.listedOnExchange ? 'listed on SEHK' : 'not listed on SEHK'}`;
}
