/** The real HKEX filings the tests read, `../shared/filings` beside the project unless HKEX_FILINGS_DIR says where. */
import path from 'node:path';

export const FILINGS_DIR = process.env.HKEX_FILINGS_DIR ?? path.resolve(import.meta.dirname, '../../../shared/filings');
