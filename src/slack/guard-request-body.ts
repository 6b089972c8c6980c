/**
 * Bolt's HTTP receiver reads `body.type` of whatever JSON a request carries: a signed `null` (or a number, or an
 * array) threw inside it, as an unhandled rejection, and the request was never answered. Such a body is answered
 * 400 here, before Bolt sees it; Bolt reuses the bytes read (`rawBody`), so signatures are checked as before.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HTTPReceiver } from './bolt.js';

/** Bolt's own default body limit (10 MB): a larger body is Bolt's to refuse with 413. */
const BODY_LIMIT = 10 * 1024 * 1024;

type Buffered = IncomingMessage & { rawBody?: Buffer };

async function readBody(req: Buffered): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    total += (chunk as Buffer).byteLength;
    if (total > BODY_LIMIT) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Whether the body is JSON (as itself, or in a form's `payload`) that is not an object. */
function isJsonNonObject(body: Buffer, contentType: string | undefined): boolean {
  const text = body.toString('utf8');
  const json = contentType?.startsWith('application/x-www-form-urlencoded')
    ? new URLSearchParams(text).get('payload')
    : contentType?.startsWith('application/json')
      ? text
      : null;
  if (json === null) return false;
  try {
    const value: unknown = JSON.parse(json);
    return value === null || typeof value !== 'object' || Array.isArray(value);
  } catch {
    return false; // malformed JSON: Bolt answers that 400 itself
  }
}

export function guardRequestBodies(receiver: HTTPReceiver): void {
  const listener = receiver.requestListener;
  receiver.requestListener = (req: Buffered, res: ServerResponse) => {
    if (req.method !== 'POST') return listener(req, res);
    readBody(req).then(
      (body) => {
        if (body === null) return res.writeHead(413).end();
        if (isJsonNonObject(body, req.headers['content-type'])) return res.writeHead(400).end();
        req.rawBody = body;
        return listener(req, res);
      },
      () => res.writeHead(400).end(),
    );
  };
}
