/**
 * What the claim on a late filer's follow-up keeps (services/late-filings.ts): the message posted, or why Slack
 * refused it and, the first time, when it is tried again (the next business day, as a refused digest is).
 */
import { z } from 'zod';

export const LateFilingAttemptSchema = z.union([
  z.object({ ts: z.string() }),
  z.object({ failed: z.string(), retryAt: z.iso.datetime().optional() }),
]);
export type LateFilingAttempt = z.infer<typeof LateFilingAttemptSchema>;
