/**
 * `hkex-shares parse [--json] FILE.pdf`: reads one monthly return and prints it, as a readable summary or (with
 * --json) as the model and its flags. Exit status: 0 when read, 1 when the file cannot be read as a monthly return
 * (with a one-line reason), 2 for a usage error.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isAppError } from '../domain/errors.js';
import type { Flag } from '../domain/flag.js';
import type { MonthlyReturn, Movement, ShareClass } from '../domain/monthly-return.js';
import type { ParsedFiling } from '../domain/parsed-filing.js';
import { formatChange, formatCount, formatDecimal, formatMoney } from '../format/figures.js';
import { readFiling } from '../services/read-filing.js';
import { recoverPathArgument } from './raw-arguments.js';

const USAGE = `Usage: hkex-shares parse [--json] FILE.pdf
  Reads one HKEX monthly return (FF301, or the pre-2021 form) and prints what it says.
  --json    print the model and its flags as JSON`;

export const EXIT = { ok: 0, unreadable: 1, usage: 2 } as const;

export async function run(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(args);
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return EXIT.usage;
  }
  if (parsed.help) {
    console.log(USAGE);
    return EXIT.ok;
  }
  const fileName = path.basename(parsed.file);
  let filing: ParsedFiling;
  try {
    const bytes = await readFile(recoverPathArgument(parsed.file, args));
    filing = await readFiling(new Uint8Array(bytes), { fileName });
  } catch (error) {
    console.error(`hkex-shares parse: ${reasonOf(error, parsed.file)}`);
    return EXIT.unreadable;
  }
  console.log(parsed.json ? JSON.stringify(filing, null, 2) : renderParsedFiling(filing));
  return EXIT.ok;
}

function parseOptions(args: string[]): { file: string; json: boolean; help: boolean } {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    allowPositionals: true,
  });
  if (values.help) return { file: '', json: false, help: true };
  if (positionals.length !== 1) throw new Error('Give exactly one PDF file.');
  return { file: positionals[0] as string, json: values.json, help: false };
}

function reasonOf(error: unknown, file: string): string {
  if (isAppError(error)) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${file}: no such file`;
  if (code === 'EISDIR') return `${file} is a folder, not a PDF`;
  if (code === 'EACCES') return `${file}: permission denied`;
  return `${file} could not be read (${error instanceof Error ? error.message : String(error)})`;
}

// ---------------------------------------------------------------- the readable summary

/** Every part of the return, one line per class, scheme or event; a blank cell shows as "–", a printed 0 as 0. */
export function renderParsedFiling({ monthlyReturn: m, flags }: ParsedFiling): string {
  const out: string[] = [];
  const form = m.form.kind === 'FF301' ? `FF301 v${m.form.version ?? '?'}` : 'pre-2021 form';
  out.push(`${m.issuerName} (${m.stockCodes.join(', ') || 'no stock code'})`);
  out.push(
    `${form}, ${m.form.language}, ${m.form.pages} pages; month ended ${m.monthEnded}; submitted ${m.dateSubmitted ?? '–'}` +
      (m.status ? ` (${m.status === 'new' ? 'new submission' : 'resubmission'})` : ''),
  );
  if (m.submittedBy) out.push(`Submitted by ${m.submittedBy}${m.submittedByTitle ? `, ${m.submittedByTitle}` : ''}`);

  const partI = m.authorisedShareCapital;
  out.push('', `I. Authorised / registered share capital${partI.notApplicable ? ': not applicable' : ''}`);
  for (const c of partI.classes) {
    out.push(`  ${classLabel(c)}: shares ${balance(c.authorisedShares)}`);
    out.push(
      `    par value ${c.parValueCurrency ?? ''} ${c.parValue ?? '–'}; capital ${c.authorisedCapitalCurrency ?? ''} ` +
        `${formatDecimal(c.authorisedCapital.preceding)} -> ${formatDecimal(c.authorisedCapital.closing)}`,
    );
  }
  if (partI.totalAuthorisedCapital.length > 0) {
    out.push(`  Total: ${partI.totalAuthorisedCapital.map(formatMoney).join(', ')}`);
  }

  out.push('', m.issuedShares.title || 'II. Issued shares');
  for (const c of m.issuedShares.classes) {
    out.push(
      `  ${classLabel(c)}: ${m.issuedShares.hasTreasuryColumns ? 'excluding treasury ' : ''}${balance(c.issuedShares)}`,
    );
    if (c.treasuryShares) out.push(`    treasury shares ${balance(c.treasuryShares)}`);
    if (c.totalIssuedShares) out.push(`    total issued ${balance(c.totalIssuedShares)}`);
    if (c.publicFloat) {
      const complied = c.publicFloat.requirementCompliedWith;
      out.push(
        `    public float: ${complied === null ? 'no box ticked' : complied ? 'complied with' : 'NOT complied with'}` +
          (c.publicFloat.applicableThreshold ? ` (${c.publicFloat.applicableThreshold})` : ''),
      );
    }
  }
  if (m.issuedShares.remarks) out.push(`  Remarks: ${m.issuedShares.remarks}`);

  out.push('', 'III. Details of movements', ...renderDetails(m));
  out.push('', `IV. Hong Kong Depositary Receipts${m.hdr.notApplicable ? ': not applicable' : ''}`);
  for (const h of m.hdr.classes) out.push(`  ${h.description ?? ''} (${h.stockCode ?? '–'}): HDRs ${balance(h.hdrs)}`);
  if (m.remarks) out.push('', `Remarks: ${m.remarks}`);

  out.push('', flags.length === 0 ? 'Checks: everything adds up.' : `Flags (${flags.length}):`);
  for (const flag of flags) out.push(`  ${renderFlag(flag)}`);
  return out.join('\n');
}

function classLabel(c: ShareClass): string {
  const codes = [
    c.stockCode ?? 'unlisted',
    ...c.multiCounters.map((mc) => `${mc.stockCode}${mc.currency ? ` ${mc.currency}` : ''}`),
  ];
  return `${c.className}${c.description ? ` – ${c.description}` : ''} (${codes.join(', ')})`;
}

/** A movement as printed: "–" for a blank cell, "0" for a printed zero, otherwise signed. */
function signedCount(value: number | null): string {
  return value === null || value === 0 ? formatCount(value) : formatChange(value);
}

function balance(b: Movement): string {
  return `${formatCount(b.preceding)} -> ${signedCount(b.movement)} -> ${formatCount(b.closing)}`;
}

function renderDetails(m: MonthlyReturn): string[] {
  const d = m.detailsOfMovements;
  const out: string[] = [];
  const part = (letter: string, name: string, section: { notApplicable: boolean; classes: { items: unknown[] }[] }) => {
    const rows = section.classes.reduce((sum, c) => sum + c.items.length, 0);
    out.push(
      `  (${letter}) ${name}: ${section.notApplicable ? 'not applicable' : `${rows} row${rows === 1 ? '' : 's'}`}`,
    );
  };
  part('A', 'Share options', d.shareOptions);
  for (const s of d.shareOptions.classes.flatMap((c) => c.items)) {
    const moves = s.movements.map((mv) => `${mv.label} ${formatCount(mv.number)}`).join(', ');
    out.push(
      `      ${s.particulars}: ${formatCount(s.outstandingPreceding)} -> ${formatCount(s.outstandingClosing)} (${moves})`,
    );
    out.push(
      `        new shares issued ${formatCount(s.newSharesIssued)}; issuable at close ${formatCount(s.sharesIssuableAtClose)}`,
    );
  }
  if (d.shareOptions.fundsRaised) out.push(`      funds raised ${formatMoney(d.shareOptions.fundsRaised)}`);
  for (const [letter, name, section] of [
    ['B', 'Warrants', d.warrants],
    ['C', 'Convertibles', d.convertibles],
  ] as const) {
    part(letter, name, section);
    for (const w of section.classes.flatMap((c) => c.items)) {
      out.push(
        `      ${w.description}: ${w.currency ?? ''} ${formatDecimal(w.amountPreceding)} -> ${formatDecimal(w.amountClosing)}; ` +
          `issuable at close ${formatCount(w.sharesIssuableAtClose)}${w.price ? ` at ${formatMoney(w.price)}` : ''}`,
      );
    }
  }
  part('D', 'Other arrangements', d.otherArrangements);
  for (const a of d.otherArrangements.classes.flatMap((c) => c.items)) {
    out.push(
      `      ${a.description}: new shares issued ${formatCount(a.newSharesIssued)}; issuable ${formatCount(a.sharesIssuableAtClose)}`,
    );
  }
  part('E', 'Other movements', d.otherMovements);
  for (const e of d.otherMovements.classes.flatMap((c) => c.items)) {
    out.push(
      `      ${e.event} (${e.type}) ${e.dateOfEvent ?? ''}: issued shares ${signedCount(e.changeInIssuedShares)}` +
        (e.changeInTreasuryShares !== null ? `, treasury ${signedCount(e.changeInTreasuryShares)}` : ''),
    );
  }
  for (const t of d.totals) {
    out.push(
      `  Total of A to E, ${t.className}: issued shares ${signedCount(t.changeInIssuedShares)}` +
        (t.changeInTreasuryShares !== null ? `, treasury ${signedCount(t.changeInTreasuryShares)}` : ''),
    );
  }
  return out;
}

function renderFlag(flag: Flag): string {
  return `[${flag.severity}] ${flag.section}${flag.subject ? ` ${flag.subject}` : ''}: ${flag.message}`;
}
