import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import { APOLOGY, describeError, isExpectedError } from '../../src/format/describe-error.js';

describe('describeError', () => {
  it('names what a non-return PDF looks like', () => {
    const error = new AppError('not-a-monthly-return', 'x', {
      fileName: 'nddr.pdf',
      looksLike: 'Next Day Disclosure Return',
    });
    expect(describeError(error).text).toBe(
      'nddr.pdf is not an HKEX monthly return: it looks like a Next Day Disclosure Return. Nothing was stored.',
    );
  });

  it('quotes the title of a document the parser could not name', () => {
    const error = new AppError('not-a-monthly-return', 'x', {
      fileName: 'report.pdf',
      looksLike: '"Annual Report 2023"',
    });
    expect(describeError(error).text).toBe(
      'report.pdf is not an HKEX monthly return: its title reads "Annual Report 2023". Nothing was stored.',
    );
  });

  it('tells the user an unreadable file was not stored', () => {
    const error = new AppError('unreadable-filing', 'broken.pdf is not a PDF', { fileName: 'broken.pdf' });
    expect(describeError(error).text).toContain(
      'I could not read broken.pdf: broken.pdf is not a PDF. Nothing was stored.',
    );
  });

  it('answers an unexpected error with an apology and no details', () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'closing')");
    const message = describeError(error);
    expect(message.text).toBe(APOLOGY);
    expect(JSON.stringify(message)).not.toContain('closing');
    expect(isExpectedError(error)).toBe(false);
  });

  it('escapes what a filer or user typed before it goes into mrkdwn', () => {
    const error = new AppError('bad-input', 'I do not know "<!channel>"');
    expect(describeError(error).text).toBe('I do not know "&lt;!channel&gt;"');
  });
});
