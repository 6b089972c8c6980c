/**
 * A document from HKEXnews (the FILE_LINK of a search record), only from the site's own origin: its size checked
 * against the limit while it streams, its bytes required to start like a PDF. A 404, a web page in place of the PDF
 * or a body cut off are each an error naming HKEXnews; nothing is returned half-read.
 */
import { AppError } from '../domain/errors.js';
import { type RequestSettings, readText, requestHkexnews } from './hkexnews-request.js';

function sizeError(fileName: string, bytes: number, maxBytes: number): AppError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return new AppError('filing-too-large', `${fileName} on HKEXnews is over ${mb(maxBytes)}, the limit`, {
    fileName,
    bytes,
    maxBytes,
  });
}

function startsLikePdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
}

export function fileNameOf(url: URL): string {
  return decodeURIComponent(url.pathname.split('/').at(-1) ?? url.pathname);
}

export async function downloadDocument(url: URL, settings: RequestSettings, maxBytes: number): Promise<Uint8Array> {
  const fileName = fileNameOf(url);
  if (url.origin !== settings.origin) {
    throw new AppError(
      'hkexnews-failure',
      `${fileName} is not on HKEXnews (${url.host}); only ${settings.origin} is used`,
      {
        url: url.href,
        fileName,
      },
    );
  }
  const opened = await requestHkexnews(url, settings);
  const { response } = opened;
  if (!response.ok) {
    await readText(opened, settings).catch(() => '');
    const what = response.status === 404 ? 'has no document at' : `answered ${response.status} for`;
    throw new AppError('hkexnews-failure', `HKEXnews ${what} ${fileName}`, {
      url: url.href,
      fileName,
      status: response.status,
    });
  }
  const length = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(length) && length > maxBytes) {
    await response.body?.cancel();
    throw sizeError(fileName, length, maxBytes);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of response.body ?? []) {
      total += chunk.byteLength;
      if (total > maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw sizeError(fileName, total, maxBytes);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'hkexnews-failure',
      `HKEXnews stopped sending ${fileName} part way`,
      { url: url.href, fileName },
      {
        cause: error,
      },
    );
  }
  const bytes = Buffer.concat(chunks);
  if (!startsLikePdf(bytes)) {
    const head = bytes.subarray(0, 256).toString('latin1').trimStart().toLowerCase();
    const what = head.startsWith('<') ? 'a web page' : 'something that is not a PDF';
    throw new AppError('hkexnews-failure', `HKEXnews sent ${what} in place of ${fileName}`, {
      url: url.href,
      fileName,
    });
  }
  return bytes;
}
