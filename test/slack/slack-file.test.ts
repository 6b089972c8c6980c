import { describe, expect, it } from 'vitest';
import { type AppError, isAppError } from '../../src/domain/errors.js';
import { downloadSlackFile, isPdfFile, type SlackFile, toSlackFile } from '../../src/slack/slack-file.js';

const file: SlackFile = toSlackFile({
  id: 'F1',
  name: 'return.pdf',
  mimetype: 'application/pdf',
  filetype: 'pdf',
  size: 20,
  url_private_download: 'https://files.slack.com/files-pri/T1-F1/download/return.pdf',
});
const pdf = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');

/** A fetch that answers from a list and records what it was asked, headers included. */
function scriptedFetch(answers: Response[]) {
  const asked: { url: string; authorization: string | null }[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    asked.push({ url: String(input), authorization: new Headers(init?.headers).get('authorization') });
    const answer = answers.shift();
    if (!answer) throw new Error('no more answers');
    return answer;
  };
  return { fetch: fetch as typeof globalThis.fetch, asked };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('the download succeeded');
}

const options = {
  botToken: 'xoxb-secret',
  allowedOrigins: ['https://files.slack.com'],
  maxBytes: 1024,
  timeoutMs: 10_000,
  stallMs: 5_000,
};

/** A body that sends `first` and then nothing, until the reader gives up. */
function stalledBody(first: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(first);
    },
  });
}

describe('downloadSlackFile', () => {
  it('follows a redirect within Slack’s file hosts with the token', async () => {
    const { fetch, asked } = scriptedFetch([
      new Response(null, { status: 302, headers: { location: 'https://files.slack.com/other/return.pdf' } }),
      new Response(pdf, { status: 200 }),
    ]);
    expect(Buffer.from(await downloadSlackFile(file, { ...options, fetch })).toString()).toBe('%PDF-1.7\n%%EOF\n');
    expect(asked.map((a) => a.authorization)).toEqual(['Bearer xoxb-secret', 'Bearer xoxb-secret']);
  });

  it('does not follow a redirect off the allow-list, so the token never leaves', async () => {
    const { fetch, asked } = scriptedFetch([
      new Response(null, { status: 302, headers: { location: 'https://elsewhere.example/return.pdf' } }),
    ]);
    const error = await failure(downloadSlackFile(file, { ...options, fetch }));
    expect(error.code).toBe('slack-failure');
    expect(error.message).toContain("not on Slack's file host (elsewhere.example)");
    expect(asked).toHaveLength(1);
  });

  it('stops reading a body that grows past the limit', async () => {
    const big = new Uint8Array(4096).fill(37);
    const { fetch } = scriptedFetch([new Response(big, { status: 200 })]);
    const error = await failure(downloadSlackFile({ ...file, size: null }, { ...options, fetch }));
    expect(error.code).toBe('filing-too-large');
  });

  it('calls bytes that are neither a PDF nor a web page unreadable', async () => {
    const { fetch } = scriptedFetch([new Response('PK\u0003\u0004 a zip file', { status: 200 })]);
    const error = await failure(downloadSlackFile(file, { ...options, fetch }));
    expect(error).toMatchObject({ code: 'unreadable-filing', message: 'return.pdf is not a PDF' });
  });

  it('reports an error status from Slack', async () => {
    const { fetch } = scriptedFetch([new Response('gone', { status: 404 })]);
    const error = await failure(downloadSlackFile(file, { ...options, fetch }));
    expect(error.message).toBe('Slack answered 404 when I downloaded return.pdf');
  });
});

describe('downloadSlackFile on a bad file host', () => {
  it('gives up a download that stalls, naming the stall limit', async () => {
    const { fetch } = scriptedFetch([new Response(stalledBody(pdf.subarray(0, 4)), { status: 200 })]);
    const error = await failure(downloadSlackFile(file, { ...options, stallMs: 50, fetch }));
    expect(error).toMatchObject({
      code: 'slack-failure',
      message: "Slack's file host sent nothing for 0.1 s while I downloaded return.pdf",
    });
  });

  it('gives up a download that keeps sending past the time limit', async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        controller.enqueue(new Uint8Array([37]));
        sent++;
      },
    });
    const { fetch } = scriptedFetch([new Response(body, { status: 200 })]);
    const error = await failure(
      downloadSlackFile({ ...file, size: null }, { ...options, maxBytes: 1e6, timeoutMs: 100, stallMs: 1_000, fetch }),
    );
    expect(error.message).toBe('downloading return.pdf took longer than 0.1 s');
    expect(sent).toBeGreaterThan(3);
  });

  it('stops when its caller does, with the caller’s reason', async () => {
    const controller = new AbortController();
    const { fetch } = scriptedFetch([new Response(stalledBody(pdf.subarray(0, 4)), { status: 200 })]);
    const download = downloadSlackFile(file, { ...options, signal: controller.signal, fetch });
    controller.abort(new Error('the bot is stopping'));
    await expect(download).rejects.toThrow('the bot is stopping');
  });

  it('names a web page saved under a .pdf name as such, not as a missing scope', async () => {
    const page = '<!DOCTYPE html><html><body>Annual results</body></html>';
    const { fetch } = scriptedFetch([new Response(page, { status: 200 })]);
    const error = await failure(downloadSlackFile({ ...file, size: page.length }, { ...options, fetch }));
    expect(error).toMatchObject({
      code: 'unreadable-filing',
      message: 'return.pdf is a web page (HTML) saved under a .pdf name, not a PDF',
    });
  });

  it('recognises Slack’s sign-in page by its size, other than the file’s', async () => {
    const page = '<!DOCTYPE html><html><body>Sign in to your workspace</body></html>';
    const { fetch } = scriptedFetch([new Response(page, { status: 200 })]);
    const error = await failure(downloadSlackFile(file, { ...options, fetch }));
    expect(error.code).toBe('slack-failure');
    expect(error.message).toContain('the app needs the files:read scope');
  });
});

describe('isPdfFile', () => {
  it('knows a PDF by its type, its MIME type or its name', () => {
    expect(isPdfFile(toSlackFile({ id: 'F', name: 'x', filetype: 'pdf' }))).toBe(true);
    expect(isPdfFile(toSlackFile({ id: 'F', name: 'x', mimetype: 'application/pdf' }))).toBe(true);
    expect(isPdfFile(toSlackFile({ id: 'F', name: 'RETURN.PDF' }))).toBe(true);
    expect(isPdfFile(toSlackFile({ id: 'F', name: 'chart.png', filetype: 'png', mimetype: 'image/png' }))).toBe(false);
  });
});
