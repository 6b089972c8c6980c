/**
 * A whole monthly return as plain text, part by part: one line per class, scheme or event, then every flag. Pure
 * (model -> lines); `hkex-shares parse` prints it, and each part's lines can be shown on their own.
 *
 * A blank cell shows as "–", a printed 0 as 0, so the reader sees exactly what the form prints.
 */
import type { Flag } from '../domain/flag.js';
import type {
  AuthorisedShareCapital,
  DetailsOfMovements,
  IssuedShares,
  MonthlyReturn,
  Movement,
  ShareClass,
} from '../domain/monthly-return.js';
import type { ParsedFiling } from '../domain/parsed-filing.js';
import { formatChange, formatCount, formatDecimal, formatMoney } from './figures.js';

export function renderReturnSummary({ monthlyReturn, flags }: ParsedFiling): string {
  return [
    ...describeReturnHeader(monthlyReturn),
    '',
    ...describeAuthorisedShareCapital(monthlyReturn.authorisedShareCapital),
    '',
    ...describeIssuedShares(monthlyReturn.issuedShares),
    '',
    'III. Details of movements',
    ...describeDetailsOfMovements(monthlyReturn.detailsOfMovements),
    '',
    ...describeHdrSection(monthlyReturn.hdr),
    ...(monthlyReturn.remarks ? ['', `Remarks: ${monthlyReturn.remarks}`] : []),
    '',
    ...describeFlags(flags),
  ].join('\n');
}

/** Issuer and codes; form, language, pages, month and submission; the signatory. */
export function describeReturnHeader(monthlyReturn: MonthlyReturn): string[] {
  const { form, status } = monthlyReturn;
  const formName = form.kind === 'FF301' ? `FF301 v${form.version ?? '?'}` : 'pre-2021 form';
  const statusNote = status ? ` (${status === 'new' ? 'new submission' : 'resubmission'})` : '';
  const lines = [
    `${monthlyReturn.issuerName} (${monthlyReturn.stockCodes.join(', ') || 'no stock code'})`,
    `${formName}, ${form.language}, ${form.pages} pages; month ended ${monthlyReturn.monthEnded}; ` +
      `submitted ${monthlyReturn.dateSubmitted ?? '–'}${statusNote}`,
  ];
  if (monthlyReturn.submittedBy) {
    const title = monthlyReturn.submittedByTitle ? `, ${monthlyReturn.submittedByTitle}` : '';
    lines.push(`Submitted by ${monthlyReturn.submittedBy}${title}`);
  }
  return lines;
}

export function describeAuthorisedShareCapital(partI: AuthorisedShareCapital): string[] {
  const lines = [`I. Authorised / registered share capital${partI.notApplicable ? ': not applicable' : ''}`];
  for (const shareClass of partI.classes) {
    lines.push(`  ${describeShareClass(shareClass)}: shares ${describeBalance(shareClass.authorisedShares)}`);
    const capital = shareClass.authorisedCapital;
    lines.push(
      `    par value ${shareClass.parValueCurrency ?? ''} ${shareClass.parValue ?? '–'}; ` +
        `capital ${shareClass.authorisedCapitalCurrency ?? ''} ` +
        `${formatDecimal(capital.preceding)} -> ${formatDecimal(capital.closing)}`,
    );
  }
  if (partI.totalAuthorisedCapital.length > 0) {
    lines.push(`  Total: ${partI.totalAuthorisedCapital.map(formatMoney).join(', ')}`);
  }
  return lines;
}

export function describeIssuedShares(partII: IssuedShares): string[] {
  const lines = [partII.title || 'II. Issued shares'];
  const issuedLabel = partII.hasTreasuryColumns ? 'excluding treasury ' : '';
  for (const shareClass of partII.classes) {
    lines.push(`  ${describeShareClass(shareClass)}: ${issuedLabel}${describeBalance(shareClass.issuedShares)}`);
    if (shareClass.treasuryShares) lines.push(`    treasury shares ${describeBalance(shareClass.treasuryShares)}`);
    if (shareClass.totalIssuedShares) lines.push(`    total issued ${describeBalance(shareClass.totalIssuedShares)}`);
    const publicFloat = shareClass.publicFloat;
    if (publicFloat) {
      const complied = publicFloat.requirementCompliedWith;
      const answer = complied === null ? 'no box ticked' : complied ? 'complied with' : 'NOT complied with';
      const threshold = publicFloat.applicableThreshold ? ` (${publicFloat.applicableThreshold})` : '';
      lines.push(`    public float: ${answer}${threshold}`);
    }
  }
  if (partII.remarks) lines.push(`  Remarks: ${partII.remarks}`);
  return lines;
}

/** Part III: each of (A) to (E) with its row count and rows, then the totals of A to E per class. */
export function describeDetailsOfMovements(details: DetailsOfMovements): string[] {
  const lines: string[] = [];
  const describeSection = (
    letter: string,
    name: string,
    section: { notApplicable: boolean; classes: { items: unknown[] }[] },
  ) => {
    const rows = section.classes.reduce((sum, group) => sum + group.items.length, 0);
    const content = section.notApplicable ? 'not applicable' : `${rows} row${rows === 1 ? '' : 's'}`;
    lines.push(`  (${letter}) ${name}: ${content}`);
  };

  describeSection('A', 'Share options', details.shareOptions);
  for (const scheme of details.shareOptions.classes.flatMap((group) => group.items)) {
    const movements = scheme.movements.map((movement) => `${movement.label} ${formatCount(movement.number)}`);
    lines.push(
      `      ${scheme.particulars}: ${formatCount(scheme.outstandingPreceding)} -> ` +
        `${formatCount(scheme.outstandingClosing)} (${movements.join(', ')})`,
      `        new shares issued ${formatCount(scheme.newSharesIssued)}; ` +
        `issuable at close ${formatCount(scheme.sharesIssuableAtClose)}`,
    );
  }
  if (details.shareOptions.fundsRaised)
    lines.push(`      funds raised ${formatMoney(details.shareOptions.fundsRaised)}`);

  for (const [letter, name, section] of [
    ['B', 'Warrants', details.warrants],
    ['C', 'Convertibles', details.convertibles],
  ] as const) {
    describeSection(letter, name, section);
    for (const instrument of section.classes.flatMap((group) => group.items)) {
      const price = instrument.price ? ` at ${formatMoney(instrument.price)}` : '';
      lines.push(
        `      ${instrument.description}: ${instrument.currency ?? ''} ${formatDecimal(instrument.amountPreceding)} -> ` +
          `${formatDecimal(instrument.amountClosing)}; issuable at close ${formatCount(instrument.sharesIssuableAtClose)}${price}`,
      );
    }
  }

  describeSection('D', 'Other arrangements', details.otherArrangements);
  for (const arrangement of details.otherArrangements.classes.flatMap((group) => group.items)) {
    lines.push(
      `      ${arrangement.description}: new shares issued ${formatCount(arrangement.newSharesIssued)}; ` +
        `issuable ${formatCount(arrangement.sharesIssuableAtClose)}`,
    );
  }

  describeSection('E', 'Other movements', details.otherMovements);
  for (const movement of details.otherMovements.classes.flatMap((group) => group.items)) {
    lines.push(
      `      ${movement.event} (${movement.type}) ${movement.dateOfEvent ?? ''}: ` +
        describeShareChanges(movement.changeInIssuedShares, movement.changeInTreasuryShares),
    );
  }
  for (const total of details.totals) {
    lines.push(
      `  Total of A to E, ${total.className}: ` +
        describeShareChanges(total.changeInIssuedShares, total.changeInTreasuryShares),
    );
  }
  return lines;
}

export function describeHdrSection(partIV: MonthlyReturn['hdr']): string[] {
  return [
    `IV. Hong Kong Depositary Receipts${partIV.notApplicable ? ': not applicable' : ''}`,
    ...partIV.classes.map(
      (hdr) => `  ${hdr.description ?? ''} (${hdr.stockCode ?? '–'}): HDRs ${describeBalance(hdr.hdrs)}`,
    ),
  ];
}

export function describeFlags(flags: readonly Flag[]): string[] {
  if (flags.length === 0) return ['Checks: everything adds up.'];
  return [`Flags (${flags.length}):`, ...flags.map((flag) => `  ${describeFlag(flag)}`)];
}

function describeFlag(flag: Flag): string {
  return `[${flag.severity}] ${flag.section}${flag.subject ? ` ${flag.subject}` : ''}: ${flag.message}`;
}

/** "Ordinary shares – Class B ordinary shares (00020, 80020 RMB)": the class, its description and its codes. */
function describeShareClass(shareClass: ShareClass): string {
  const codes = [
    shareClass.stockCode ?? 'unlisted',
    ...shareClass.multiCounters.map(
      (counter) => `${counter.stockCode}${counter.currency ? ` ${counter.currency}` : ''}`,
    ),
  ];
  const description = shareClass.description ? ` – ${shareClass.description}` : '';
  return `${shareClass.className}${description} (${codes.join(', ')})`;
}

/** "1,000 -> +5 -> 1,005": preceding, movement and closing, a blank movement as "–", a printed 0 as 0. */
function describeBalance(balance: Movement): string {
  return `${formatCount(balance.preceding)} -> ${describeMovement(balance.movement)} -> ${formatCount(balance.closing)}`;
}

function describeMovement(value: number | null): string {
  return value === null || value === 0 ? formatCount(value) : formatChange(value);
}

function describeShareChanges(issued: number | null, treasury: number | null): string {
  const treasuryChange = treasury !== null ? `, treasury ${describeMovement(treasury)}` : '';
  return `issued shares ${describeMovement(issued)}${treasuryChange}`;
}
