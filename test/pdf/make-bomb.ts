/**
 * A decompression bomb: a small, valid one-page PDF whose content stream inflates to `inflatedMb` megabytes of
 * blank space, printing one word at its end. Built in memory a megabyte at a time, so making it costs little.
 */
import { constants, createDeflate } from 'node:zlib';

export async function makeDecompressionBomb(inflatedMb = 1024): Promise<Uint8Array> {
  const deflate = createDeflate({ level: 9, strategy: constants.Z_RLE });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const blank = Buffer.alloc(1024 * 1024, 0x20);
  for (let i = 0; i < inflatedMb; i++) {
    if (!deflate.write(blank)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end(Buffer.from('BT /F1 9 Tf 72 720 Td (bomb) Tj ET\n'));
  await ended;
  const stream = Buffer.concat(chunks);

  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const add = (part: string | Buffer) => {
    const buffer = typeof part === 'string' ? Buffer.from(part, 'latin1') : part;
    parts.push(buffer);
    length += buffer.length;
  };
  const object = (number: number, body: string | Buffer[]) => {
    offsets[number] = length;
    add(`${number} 0 obj\n`);
    if (typeof body === 'string') add(body);
    else for (const piece of body) add(piece);
    add('\nendobj\n');
  };
  add('%PDF-1.4\n');
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  object(
    3,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
  );
  object(4, [
    Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
    stream,
    Buffer.from('\nendstream', 'latin1'),
  ]);
  object(5, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const xref = length;
  add(`xref\n0 6\n0000000000 65535 f \n`);
  for (let number = 1; number <= 5; number++) add(`${String(offsets[number]).padStart(10, '0')} 00000 n \n`);
  add(`trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return new Uint8Array(Buffer.concat(parts));
}
