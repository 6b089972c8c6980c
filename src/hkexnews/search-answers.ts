/**
 * The two answers of HKEXnews' search, read strictly: the stock look-up (`/search/prefix.do`, JSONP
 * `callback({"stockInfo":[{"stockId":…,"code":"00700","name":"TENCENT"}]});`) and the title search
 * (`/search/titleSearchServlet.do`, JSON whose `result` is itself a JSON string of records, or "null" when nothing
 * matched). An HTML page, a truncated or reshaped answer is an hkexnews-failure, never an empty result.
 */
import { z } from 'zod';
import { AppError } from '../domain/errors.js';

export const StockInfoSchema = z.object({
  stockId: z.coerce.number().int(),
  code: z.string(),
  name: z.string(),
});
export type StockInfo = z.infer<typeof StockInfoSchema>;

const PrefixAnswerSchema = z.object({ stockInfo: z.array(StockInfoSchema) });

export const TitleSearchRecordSchema = z.object({
  NEWS_ID: z.coerce.string(),
  STOCK_CODE: z.string(),
  STOCK_NAME: z.string(),
  TITLE: z.string(),
  LONG_TEXT: z.string(),
  DATE_TIME: z.string().regex(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/, 'expected dd/mm/yyyy HH:MM'),
  FILE_LINK: z.string().min(1),
  FILE_INFO: z.string().optional(),
  FILE_TYPE: z.string().optional(),
});
export type TitleSearchRecord = z.infer<typeof TitleSearchRecordSchema>;

const TitleSearchAnswerSchema = z.object({
  result: z.string().nullable(),
  hasNextRow: z.boolean(),
});

export interface TitleSearchPage {
  readonly records: readonly TitleSearchRecord[];
  readonly hasNextRow: boolean;
}

function malformed(what: string, url: string, detail: string, cause?: unknown): AppError {
  return new AppError('hkexnews-failure', `HKEXnews sent ${detail} where ${what} was expected`, { url }, { cause });
}

function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html|<\?xml|<head|<body)/i.test(text);
}

function parseJson(text: string, what: string, url: string): unknown {
  if (looksLikeHtml(text)) throw malformed(what, url, 'a web page');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw malformed(what, url, 'malformed JSON', error);
  }
}

/** `callback({...});` -> the stocks it lists. */
export function parsePrefixAnswer(text: string, url: string): StockInfo[] {
  const what = 'the stock look-up';
  if (looksLikeHtml(text)) throw malformed(what, url, 'a web page');
  const match = /^\s*[\w$.]+\s*\(([\s\S]*)\)\s*;?\s*$/.exec(text);
  if (!match) throw malformed(what, url, 'something other than a JSONP answer');
  const parsed = PrefixAnswerSchema.safeParse(parseJson(match[1] as string, what, url));
  if (!parsed.success) throw malformed(what, url, 'a stock look-up of another shape', parsed.error);
  return parsed.data.stockInfo;
}

/** The title search's answer -> its records (none when `result` is "null") and whether more rows exist. */
export function parseTitleSearchAnswer(text: string, url: string): TitleSearchPage {
  const what = 'a search result';
  const answer = TitleSearchAnswerSchema.safeParse(parseJson(text, what, url));
  if (!answer.success) throw malformed(what, url, 'a search answer of another shape', answer.error);
  const { result, hasNextRow } = answer.data;
  if (result === null || result.trim() === '' || result.trim() === 'null') return { records: [], hasNextRow };
  const records = z.array(TitleSearchRecordSchema).safeParse(parseJson(result, what, url));
  if (!records.success) throw malformed(what, url, 'search records of another shape', records.error);
  return { records: records.data, hasNextRow };
}
