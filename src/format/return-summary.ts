/**
 * A whole monthly return, part by part, as plain lines: one line per class, scheme or event with every figure the
 * model holds for it, then every remark whole, then every flag. Pure (model -> parts); full-return.ts draws the
 * parts as text (`hkex-shares parse`) and as Block Kit (the card's "Show all", `/shares CODE MONTH full`).
 *
 * A blank cell shows as "–", a printed 0 as 0, so the reader sees exactly what the form prints.
 */
import type { Flag } from '../domain/flag.js';
import type {
  AuthorisedShareCapital,
  DetailsOfMovements,
  InstrumentMovement,
  IssuedShares,
  MonthlyReturn,
  Movement,
  SectionTotal,
  ShareClass,
} from '../domain/monthly-return.js';
import type { ParsedFiling } from '../domain/parsed-filing.js';
import { describeListing } from './class-label.js';
import { formatChange, formatCount, formatDecimal, formatMoney } from './figures.js';
import { describeHdrTerms } from './hdr-terms.js';
import { collectRemarks } from './return-remarks.js';

/** One part of the return: its title as the form names it, and its lines. */
export interface ReturnPart {
  readonly title: string;
  readonly lines: readonly string[];
}

export function describeReturnParts({ monthlyReturn, flags }: ParsedFiling): ReturnPart[] {
  const remarks = collectRemarks(monthlyReturn);
  return [
    { title: 'Return', lines: describeReturnHeader(monthlyReturn) },
    ...partOf(describeAuthorisedShareCapital(monthlyReturn.authorisedShareCapital)),
    ...partOf(describeIssuedShares(monthlyReturn.issuedShares)),
    { title: 'III. Details of movements', lines: describeDetailsOfMovements(monthlyReturn.detailsOfMovements) },
    ...partOf(describeHdrSection(monthlyReturn.hdr)),
    {
      title: `Remarks (${remarks.length})`,
      lines: remarks.length === 0 ? ['No remarks.'] : remarks.map((r) => `${r.part}: ${r.text.trim()}`),
    },
    ...partOf(describeFlags(flags)),
  ];
}

/** A describer's first line is its title. */
function partOf([title = '', ...lines]: string[]): ReturnPart[] {
  return [{ title, lines }];
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
      const more = publicFloat.additionalInformation ? `; ${publicFloat.additionalInformation}` : '';
      lines.push(`    public float: ${answer}${threshold}${more}`);
    }
  }
  return lines;
}

/** "Granted 1,000, Exercised -300,000": every movement row as held, a blank as "–". */
function movementsText(movements: readonly InstrumentMovement[]): string {
  if (movements.length === 0) return 'no movement rows';
  return movements
    .map((m) => `${m.label} ${m.number !== null ? formatCount(m.number) : formatDecimal(m.amount)}`)
    .join(', ');
}

/** The issuance columns every row of III(A)-(D) has: A1/A2, the shares issuable at close, the approval date. */
function issuanceText(item: {
  newSharesIssued: number | null;
  treasurySharesTransferred: number | null;
  sharesIssuableAtClose: number | null;
  generalMeetingApprovalDate: string | null;
}): string {
  const parts = [`new shares issued ${formatCount(item.newSharesIssued)}`];
  if (item.treasurySharesTransferred !== null) {
    parts.push(`transferred out of treasury ${formatCount(item.treasurySharesTransferred)}`);
  }
  parts.push(`issuable at close ${formatCount(item.sharesIssuableAtClose)}`);
  if (item.generalMeetingApprovalDate) parts.push(`approved ${item.generalMeetingApprovalDate}`);
  return parts.join('; ');
}

/** "(A) Share options: 2 rows", and each class group's name where the section has several. */
function sectionRows<T>(
  lines: string[],
  heading: string,
  section: { notApplicable: boolean; classes: (ShareClass & { items: T[] })[]; totals: SectionTotal[] },
  describeItem: (item: T) => string[],
): void {
  const rows = section.classes.reduce((sum, group) => sum + group.items.length, 0);
  lines.push(`  ${heading}: ${section.notApplicable ? 'not applicable' : `${rows} row${rows === 1 ? '' : 's'}`}`);
  const several = section.classes.length > 1;
  for (const group of section.classes) {
    if (several) lines.push(`    ${describeShareClass(group)}`);
    for (const item of group.items) lines.push(...describeItem(item).map((line) => `      ${line}`));
  }
  for (const total of section.totals) {
    const treasury =
      total.decreaseInTreasuryShares !== null ? `, treasury ${describeMovement(total.decreaseInTreasuryShares)}` : '';
    lines.push(`    Total, ${total.className}: issued ${describeMovement(total.increaseInIssuedShares)}${treasury}`);
  }
}

/** Part III: each of (A) to (E) with its row count and every row whole, then the totals of A to E per class. */
export function describeDetailsOfMovements(details: DetailsOfMovements): string[] {
  const lines: string[] = [];
  sectionRows(lines, '(A) Share options', details.shareOptions, (scheme) => [
    `${scheme.particulars}: outstanding ${formatCount(scheme.outstandingPreceding)} -> ` +
      `${formatCount(scheme.outstandingClosing)} (${movementsText(scheme.movements)})`,
    `  ${issuanceText(scheme)}` +
      (scheme.sharesIssuableUnderOptionsToBeGranted !== null
        ? `; issuable under options to be granted ${formatCount(scheme.sharesIssuableUnderOptionsToBeGranted)}`
        : ''),
  ]);
  if (details.shareOptions.fundsRaised) {
    lines.push(`    funds raised ${formatMoney(details.shareOptions.fundsRaised)}`);
  }
  for (const [heading, section, priceWord] of [
    ['(B) Warrants', details.warrants, 'subscription price'],
    ['(C) Convertibles', details.convertibles, 'conversion price'],
  ] as const) {
    sectionRows(lines, heading, section, (instrument) => {
      const units = instrument.amountsIn === 'units' ? ' units' : '';
      const facts = [
        instrument.instrumentType ? `type ${instrument.instrumentType}` : null,
        instrument.instrumentStockCode ? `stock code ${instrument.instrumentStockCode}` : null,
        instrument.price ? `${priceWord} ${formatMoney(instrument.price)}` : null,
        instrument.dateOfExpiry ? `expires ${instrument.dateOfExpiry}` : null,
        instrument.note ? `note: ${instrument.note}` : null,
      ].filter((p): p is string => p !== null);
      return [
        `${instrument.description}: ${instrument.currency ?? ''} ${formatDecimal(instrument.amountPreceding)} -> ` +
          `${formatDecimal(instrument.amountClosing)}${units} (${movementsText(instrument.movements)})`,
        `  ${[issuanceText(instrument), ...facts].join('; ')}`,
      ];
    });
  }
  sectionRows(lines, '(D) Other arrangements', details.otherArrangements, (arrangement) => [
    `${arrangement.description}: ${movementsText(arrangement.movements)}`,
    `  ${issuanceText(arrangement)}`,
  ]);
  sectionRows(lines, '(E) Other movements', details.otherMovements, (movement) => {
    const facts = [
      describeShareChanges(movement.changeInIssuedShares, movement.changeInTreasuryShares),
      movement.pendingCancellation !== null
        ? `pending cancellation ${formatCount(movement.pendingCancellation)}`
        : null,
      movement.sharesIssuableAtClose !== null
        ? `issuable at close ${formatCount(movement.sharesIssuableAtClose)}`
        : null,
      movement.price ? `at ${formatMoney(movement.price)}` : null,
      movement.generalMeetingApprovalDate ? `approved ${movement.generalMeetingApprovalDate}` : null,
      movement.note ? `note: ${movement.note}` : null,
    ].filter((p): p is string => p !== null);
    return [`${movement.event} (${movement.type}) ${movement.dateOfEvent ?? ''}: ${facts.join('; ')}`];
  });
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
    ...partIV.classes.flatMap((hdr) => [
      `  ${hdr.description ?? ''} (${hdr.stockCode ?? '–'}): HDRs ${describeBalance(hdr.hdrs)}`,
      ...(hdr.underlyingShares ? [`    underlying shares ${describeBalance(hdr.underlyingShares)}`] : []),
      ...describeHdrTerms(hdr).map((term) => `    ${term}`),
    ]),
  ];
}

export function describeFlags(flags: readonly Flag[]): string[] {
  if (flags.length === 0) return ['Checks: everything adds up.'];
  return [`Flags (${flags.length}):`, ...flags.map((flag) => `  ${describeFlag(flag)}`)];
}

/** A flag's section, its subject unless the message names it already (most do: "Ordinary shares: …"), its message. */
function describeFlag(flag: Flag): string {
  const subject = flag.subject && !flag.message.includes(flag.subject) ? ` ${flag.subject}` : '';
  return `[${flag.severity}] ${flag.section}${subject} · ${flag.message}`;
}

/**
 * "Ordinary shares – Class B ordinary shares (00020, 80020 RMB)": the class, its description and its codes; a class
 * with no SEHK code says where it is listed as class-label.ts reads it ("Shanghai 605988", "not listed on SEHK").
 */
function describeShareClass(shareClass: ShareClass): string {
  const codes = shareClass.stockCode
    ? [
        shareClass.stockCode,
        ...shareClass.multiCounters.map(
          (counter) => `${counter.stockCode}${counter.currency ? ` ${counter.currency}` : ''}`,
        ),
      ]
    : [describeListing(shareClass)];
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
