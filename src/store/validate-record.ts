/**
 * What every backend checks before it keeps a record: the record's schema, so that nothing is written that a later
 * read would refuse. A record that fails is the caller's bad input, named in the error.
 */
import type { z } from 'zod';
import { AppError } from '../domain/errors.js';

export function validateRecord<T>(schema: z.ZodType<T>, value: T, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      'bad-input',
      `Cannot store an invalid ${what}: ${issue?.path.join('.')} ${issue?.message}.`,
      {},
      { cause: parsed.error },
    );
  }
  return parsed.data;
}
