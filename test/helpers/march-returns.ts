/**
 * Quiet March 2012 returns of made-up companies (01001 Alpha, 01002 Beta, 01003 Gamma…) in the pre-2021 form, as
 * HKEXnews lists them: for the watchlist fill, whose deadline that month is Wed 11 April 2012.
 */
import { type FakeDocument, monthlyReturnTitle } from './fake-hkexnews.js';
import { drawLegacyReturn, QUIET_MONTH } from './legacy-form-pdf.js';

/** A quiet March 2012 return of one company, as HKEXnews lists it. */
export async function marchReturn(
  code: string,
  name: string,
  issued: string,
  releasedAt: string,
): Promise<FakeDocument> {
  const [date = '', time = ''] = releasedAt.split(' ');
  const [year, month, day] = date.split('-');
  const authorised = { ...(QUIET_MONTH.authorised[0] as (typeof QUIET_MONTH.authorised)[number]), stockCode: code };
  const bytes = await drawLegacyReturn({
    issuerName: `${name} Holdings Limited`,
    dateSubmitted: `${day}/${month}/${year}`,
    authorised: [authorised],
    issued: { ordinary1: [issued, 'N/A', issued] },
  });
  return {
    stockCode: code,
    stockName: name.toUpperCase(),
    releasedAt,
    headline: 'Monthly Returns',
    title: monthlyReturnTitle('2012-03-31', 'en'),
    category: 'monthly-return',
    language: 'en',
    path: `/listedco/listconews/sehk/${year}/${month}${day}/${code}${time.replace(':', '')}.pdf`,
    bytes,
  };
}

/**
 * A Next Day Disclosure Return of March 2012 by the company of `monthlyReturn`: listed on HKEXnews, so the site
 * knows the code, while its monthly return is not there yet.
 */
export function marchNextDayDisclosure(monthlyReturn: FakeDocument): FakeDocument {
  return {
    ...monthlyReturn,
    headline: 'Next Day Disclosure Returns - [Others]',
    title: 'Next Day Disclosure Return',
    category: 'next-day-disclosure',
    releasedAt: '2012-03-20 19:05',
    path: '/listedco/n/a120320.pdf',
  };
}
