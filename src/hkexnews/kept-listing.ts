/**
 * A stock's look-up and listing search as kept with its claim (services/fetch-returns.ts), so that another process
 * asked the same question at the same moment takes this answer instead of asking the site again. Read back with
 * zod: it comes from the store, written by whichever process did the search.
 */
import { z } from 'zod';
import type { HkexnewsDocument } from './hkexnews-client.js';

const HkexnewsDocumentSchema = z.object({
  newsId: z.string(),
  stockCodes: z.array(z.string()).readonly(),
  stockName: z.string(),
  title: z.string(),
  headline: z.string(),
  releasedAt: z.string(),
  url: z.string(),
  fileInfo: z.string().nullable(),
}) satisfies z.ZodType<HkexnewsDocument>;

export const KeptListingSchema = z.object({
  /** Whether the look-up found the code on HKEXnews at all; without it there was nothing to search. */
  listed: z.boolean(),
  documents: z.array(HkexnewsDocumentSchema).readonly(),
});
export type KeptListing = z.infer<typeof KeptListingSchema>;
