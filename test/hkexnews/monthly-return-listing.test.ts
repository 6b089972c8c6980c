import { describe, expect, it } from 'vitest';
import { dateWindows } from '../../src/hkexnews/hkexnews-client.js';
import { decodeListingText, releaseTimeOf } from '../../src/hkexnews/listing-text.js';
import { isMonthlyReturnListing, reportMonthOfTitle } from '../../src/hkexnews/monthly-return-listing.js';

describe('isMonthlyReturnListing', () => {
  it('takes a record filed under Monthly Returns whose title is a monthly return, in English or Chinese', () => {
    const title = 'Monthly Return of Equity Issuer on Movements in Securities for the month ended 31 January 2011';
    expect(isMonthlyReturnListing({ headline: 'Monthly Returns', title })).toBe(true);
    expect(isMonthlyReturnListing({ headline: '月報表', title: '截至2011年1月31日止月份之證券變動月報表' })).toBe(true);
  });

  it('leaves Next Day Disclosure Returns and other headlines alone, whatever the title says', () => {
    expect(
      isMonthlyReturnListing({
        headline: 'Next Day Disclosure Returns - [Others]',
        title: 'Next Day Disclosure Return',
      }),
    ).toBe(false);
    expect(
      isMonthlyReturnListing({
        headline: 'Next Day Disclosure Returns - [Share Buyback]',
        title: 'Monthly Return of Equity Issuer',
      }),
    ).toBe(false);
    expect(
      isMonthlyReturnListing({
        headline: 'Announcements and Notices - [Other - Miscellaneous]',
        title: 'Monthly Return of Equity Issuer on Movements in Securities',
      }),
    ).toBe(false);
    expect(isMonthlyReturnListing({ headline: 'Monthly Returns', title: 'Next Day Disclosure Return' })).toBe(false);
  });
});

describe('reportMonthOfTitle', () => {
  it('reads the month ended from an English or a Chinese title, and says null where the title does not say', () => {
    expect(reportMonthOfTitle('… on Movements in Securities for the month ended 30 September 2025')).toBe('2025-09');
    expect(reportMonthOfTitle('Monthly Return for the month ended: 31 Dec 2024')).toBe('2024-12');
    expect(reportMonthOfTitle('for the month ended 31 Smarch 2024')).toBeNull();
    expect(reportMonthOfTitle('截至2013年5月31日止月份之股份發行人的證券變動月報表')).toBe('2013-05');
    expect(reportMonthOfTitle('Monthly Return of Equity Issuer on Movements in Securities')).toBeNull();
  });
});

describe('listing text', () => {
  it('decodes entities and the <br/> between stock codes, and reads the release time as Hong Kong time', () => {
    expect(decodeListingText('00700<br/>80700')).toBe('00700\n80700');
    expect(decodeListingText('HKEX &amp; Co &#39;A&#39; &lt;H&gt;')).toBe("HKEX & Co 'A' <H>");
    expect(releaseTimeOf('06/09/2011 16:30')).toBe('2011-09-06T16:30+08:00');
  });
});

describe('dateWindows', () => {
  it('cuts a range into windows of at most twelve months, newest first, without gaps or overlaps', () => {
    expect(dateWindows('2011-01-01', '2012-03-31')).toEqual([
      ['2011-04-01', '2012-03-31'],
      ['2011-01-01', '2011-03-31'],
    ]);
    expect(dateWindows('2011-01-01', '2011-12-31')).toEqual([['2011-01-01', '2011-12-31']]);
  });
});
