import { describe, expect, it } from 'vitest';
import { renderDigest } from '../../src/format/digest.js';
import { renderShareHistory } from '../../src/format/share-history.js';
import { buildShareHistory } from '../../src/services/share-history.js';
import { checkBlockKit } from '../helpers/block-kit-limits.js';
import { makeSenseTimeReturn, saveSample } from '../helpers/sample-returns.js';
import { useTempStore } from '../store/store-fixtures.js';

const temp = useTempStore();

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const table = { type: 'table', rows: [[{ type: 'raw_text', text: 'a' }]] };

describe('checkBlockKit', () => {
  it('takes a message Slack takes: links, mentions and escaped text', () => {
    const ok = section('<https://example.com/f|00020.pdf> by <@U1> for <!here>: A &amp; B &lt;Ltd&gt;');
    expect(checkBlockKit({ text: 'A &amp; B', blocks: [ok] })).toEqual([]);
  });

  it('names each limit a message breaks', () => {
    const blocks = [
      { type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } },
      section('<!channel> is not escaped & nor is this <b>'),
      { type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f' })) },
      table,
      table,
      section('after the tables'),
    ];
    expect(checkBlockKit({ text: 'a <b>', blocks })).toEqual([
      'text: an unescaped < or > in mrkdwn: "a <b>"',
      '2 tables in one message',
      'blocks after the table',
      'block 0 (header): 151 characters, over 150',
      'block 1 (section): an unescaped < or > in mrkdwn: "<!channel> is not escaped & nor is this <b>"',
      'block 1 (section): an unescaped & in mrkdwn: "<!channel> is not escaped & nor is this <b>"',
      'block 2 (section): 11 fields, over 10',
    ]);
    expect(checkBlockKit({ text: 't', blocks: Array.from({ length: 51 }, () => section('s')) })).toEqual([
      '51 blocks, over 50',
    ]);
    expect(checkBlockKit({ blocks: Array.from({ length: 60 }, () => section('s')) }, { surface: 'modal' })).toEqual([]);
  });
});

describe('the renderers within Slack’s limits', () => {
  it('keep a long history to one table, last in its message', async () => {
    for (let i = 0; i < 30; i++) {
      const month = `${2021 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
      await saveSample(temp.store, makeSenseTimeReturn({ month, classBClosing: 25_948_809_928 + i }));
    }
    const history = await buildShareHistory(temp.store, '00020', { months: 60 });
    if (!history) throw new Error('no history');
    const message = renderShareHistory(history);
    expect(message.blocks.at(-1)?.type).toBe('table');
    expect(checkBlockKit({ ...message })).toEqual([]);
  });

  it('keep every message of an empty digest within them', () => {
    const messages = renderDigest({
      month: '2023-11',
      deadline: '2023-12-07',
      watchedCount: 0,
      moved: [],
      quiet: [],
      pending: [],
    });
    expect(messages.flatMap((m) => checkBlockKit({ ...m }))).toEqual([]);
  });
});
