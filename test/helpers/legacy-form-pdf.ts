/**
 * Draws a pre-2021 monthly return ("Monthly Return of Equity Issuer on Movements in Securities") as a PDF, laid out
 * like HKEX's Word template as issuers filled it in (A4 portrait, one text item per cell, the table headings repeated
 * on each page of part III(E)). Every cell is what the spec says, printed as given: tests state the figures, and the
 * parser has to find them by the form's labels and columns. Defaults are a quiet month of one ordinary class.
 */
import PDFDocument from 'pdfkit';

export type Slot = 'ordinary1' | 'ordinary2' | 'preference' | 'other';
/** Three rows of a balance table, as printed: preceding month, increase/(decrease), close of the month. */
export type Rows<T> = readonly [T, T, T];

export interface AuthorisedSlotSpec {
  readonly slot: Slot;
  readonly stockCode: string;
  readonly description: string;
  /** Per row: [shares, par value, authorised capital]. */
  readonly rows: Rows<readonly [string, string, string]>;
  readonly currencyHeading?: string;
}

export interface OptionSchemeSpec {
  readonly lines: readonly string[];
  readonly classLine: string;
  readonly granted?: string;
  readonly exercised?: string;
  readonly cancelled?: string;
  readonly lapsed?: string;
  readonly issued?: string;
  readonly issuable?: string;
}

export interface InstrumentSpec {
  readonly lines: readonly string[];
  readonly currency: string;
  readonly preceding: string;
  readonly movement: string;
  readonly closing: string;
  readonly issued: string;
  readonly issuable: string;
  readonly stockCode?: string;
  readonly classOfShares: string;
  readonly price: string;
  readonly approval: string;
}

export interface ArrangementSpec {
  readonly lines: readonly string[];
  readonly classLine: string;
  readonly issued: string;
  readonly issuable: string;
}

export interface EntryRowSpec {
  readonly price?: readonly string[];
  readonly eventDate?: string;
  readonly approvalLabel?: string;
  readonly approvalDate?: string;
  readonly note?: readonly string[];
  readonly issued?: string;
  readonly issuable?: string;
}

export interface OtherMovementSpec {
  /** 1 rights issue ... 8 consideration issue, 9 capital reorganisation, 10 other. */
  readonly entry: number;
  readonly classOfShares: string;
  readonly rows: readonly EntryRowSpec[];
  /** For entry 10, what the filer specified. */
  readonly specify?: string;
}

export interface LegacyFormSpec {
  readonly monthEnded: string;
  /** Print "(dd/mm/yyyy) :" and the date on a line below "For the month ended", as later templates do. */
  readonly monthEndedOnTwoLines?: boolean;
  readonly issuerName: string;
  readonly dateSubmitted: string;
  readonly authorised: readonly AuthorisedSlotSpec[];
  readonly totalAuthorised: readonly [string, string];
  readonly issued: Partial<Record<Slot, Rows<string>>>;
  readonly schemes: readonly OptionSchemeSpec[];
  readonly totalA: Rows<string>;
  readonly fundsRaised: string;
  readonly warrants: readonly InstrumentSpec[];
  readonly totalB: Rows<string>;
  readonly convertibles: readonly InstrumentSpec[];
  readonly totalC: Rows<string>;
  readonly arrangements: readonly ArrangementSpec[];
  readonly totalD: Rows<string>;
  readonly otherMovements: readonly OtherMovementSpec[];
  readonly totalE: Rows<string>;
  /** (1), (2), preference, other. */
  readonly grandTotals: readonly [string, string, string, string];
  readonly remarks: readonly string[];
  readonly submittedBy: string;
  readonly title: string;
  /** Printed atop every page: "For Main Board and GEM listed issuers", or the template's date ("March 2019"). */
  readonly runningHeader?: string;
  readonly pageNumbers?: boolean;
}

export const QUIET_MONTH: LegacyFormSpec = {
  monthEnded: '31/03/2012',
  issuerName: 'Example Holdings Limited',
  dateSubmitted: '05/04/2012',
  authorised: [
    {
      slot: 'ordinary1',
      stockCode: '9999',
      description: 'Ordinary Shares',
      rows: [
        ['1,000,000,000', '0.10', '100,000,000.00'],
        ['N/A', '', 'N/A'],
        ['1,000,000,000', '0.10', '100,000,000.00'],
      ],
    },
  ],
  totalAuthorised: ['(HK$)', '100,000,000.00'],
  issued: { ordinary1: ['500,000,000', 'N/A', '500,000,000'] },
  schemes: [],
  totalA: ['N/A', 'N/A', 'N/A'],
  fundsRaised: 'N/A',
  warrants: [],
  totalB: ['N/A', 'N/A', 'N/A'],
  convertibles: [],
  totalC: ['N/A', 'N/A', 'N/A'],
  arrangements: [],
  totalD: ['N/A', 'N/A', 'N/A'],
  otherMovements: [],
  totalE: ['N/A', 'N/A', 'N/A'],
  grandTotals: ['N/A', 'N/A', 'N/A', 'N/A'],
  remarks: [],
  submittedBy: '____Example Registrars Limited____',
  title: 'Company Secretary',
};

const SIZE = 10;
const TOP = 56;
const BOTTOM = 780;
const RUNNING_HEADER = 'For Main Board and GEM listed issuers';

/** Text on pages with baselines measured from the top, as the extractor reports them. */
class Pages {
  readonly #doc: PDFKit.PDFDocument;
  readonly #chunks: Buffer[] = [];
  readonly #ended: Promise<void>;
  y = TOP;

  #pageNumber = 0;

  /** `header`: what the template prints atop every page; `numbered`: a page number above it, as later templates do. */
  constructor(
    private readonly header: string = RUNNING_HEADER,
    private readonly numbered = false,
  ) {
    this.#doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { CreationDate: new Date(0) } });
    this.#doc.on('data', (chunk: Buffer) => this.#chunks.push(chunk));
    this.#ended = new Promise((resolve) => this.#doc.on('end', () => resolve()));
    this.#doc.font('Helvetica').fontSize(SIZE);
    this.newPage();
  }

  newPage(): void {
    this.#doc.addPage();
    this.#pageNumber++;
    if (this.numbered) this.centred(String(this.#pageNumber), 297.6, 30);
    this.text(this.header, 381.7, 45);
    this.y = TOP;
  }

  /** Starts a new page when `height` more points do not fit; returns true when it did. */
  ensure(height: number): boolean {
    if (this.y + height <= BOTTOM) return false;
    this.newPage();
    return true;
  }

  text(text: string, x: number, baseline: number): void {
    if (text === '') return;
    const ascent = (0.718 * SIZE) as number;
    this.#doc.text(text, x, baseline - ascent, { lineBreak: false });
  }

  right(text: string, rightEdge: number, baseline: number): void {
    this.text(text, rightEdge - this.#doc.widthOfString(text), baseline);
  }

  centred(text: string, middle: number, baseline: number): void {
    this.text(text, middle - this.#doc.widthOfString(text) / 2, baseline);
  }

  async end(): Promise<Buffer> {
    this.#doc.end();
    await this.#ended;
    return Buffer.concat(this.#chunks);
  }
}

export async function drawLegacyReturn(overrides: Partial<LegacyFormSpec> = {}): Promise<Buffer> {
  const spec = { ...QUIET_MONTH, ...overrides };
  const pages = new Pages(spec.runningHeader, spec.pageNumbers);
  drawHeader(pages, spec);
  drawAuthorised(pages, spec);
  drawIssued(pages, spec);
  drawShareOptions(pages, spec);
  drawInstruments(pages, 'warrants', spec.warrants, spec.totalB);
  drawInstruments(pages, 'convertibles', spec.convertibles, spec.totalC);
  drawArrangements(pages, spec);
  drawOtherMovements(pages, spec);
  drawSubmission(pages, spec);
  return pages.end();
}

function drawHeader(p: Pages, spec: LegacyFormSpec): void {
  p.text('Monthly Return of Equity Issuer on Movements in Securities', 53.9, 147.2);
  if (spec.monthEndedOnTwoLines) {
    p.text('For the month ended', 53.9, 166);
    p.text('(dd/mm/yyyy) :', 53.9, 178);
    p.text(spec.monthEnded, 300, 178);
  } else {
    p.text('For the month ended (dd/mm/yyyy) :', 53.9, 173.6);
    p.text(spec.monthEnded, 252.8, 173.4);
  }
  p.text('To : Hong Kong Exchanges and Clearing Limited', 53.9, 194.5);
  p.text('Name of Issuer', 53.9, 231.2);
  p.text(spec.issuerName, 194.3, 231.2);
  p.text('Date Submitted', 53.9, 247.2);
  p.text(spec.dateSubmitted, 194.3, 247.2);
  p.text('I. Movements in Authorised Share Capital', 53.9, 282.4);
  p.y = 317;
}

const SLOT_HEADINGS: Record<Slot, { heading: string | null; code: string; shares: readonly [string, string] }> = {
  ordinary1: { heading: '1. Ordinary Shares', code: '(1) Stock code :', shares: ['No. of ordinary', 'shares'] },
  ordinary2: { heading: null, code: '(2) Stock code :', shares: ['No. of ordinary', 'shares'] },
  preference: { heading: '2. Preference Shares', code: 'Stock code :', shares: ['No. of preference', 'shares'] },
  other: { heading: '3. Other Classes of Shares', code: 'Stock code :', shares: ['No. of other classes', 'of shares'] },
};

function drawAuthorised(p: Pages, spec: LegacyFormSpec): void {
  for (const slot of ['ordinary1', 'ordinary2', 'preference', 'other'] as const) {
    const filled = spec.authorised.find((candidate) => candidate.slot === slot);
    const labels = SLOT_HEADINGS[slot];
    p.ensure(200);
    if (labels.heading) {
      p.text(labels.heading, 53.9, p.y);
      p.y += 23;
    }
    p.text(labels.code, 53.9, p.y);
    p.text(filled?.stockCode ?? 'N/A', 156.4, p.y);
    p.text('Description :', 199.3, p.y);
    p.text(filled?.description ?? '', 347.5, p.y);
    const heading = filled?.currencyHeading ?? (filled ? '(HK$)' : '(State currency)');
    p.text(labels.shares[0], 245.8, p.y + 29);
    p.text('Par value', 334.3, p.y + 29);
    p.text('Authorised share capital', 390.1, p.y + 29);
    p.centred(labels.shares[1], 276.8, p.y + 40);
    p.centred(heading, 353, p.y + 40);
    p.centred(heading, 438.6, p.y + 40);
    const rowLabels = ['Balance at close of preceding month', 'Increase/(decrease)', 'Balance at close of the month'];
    [64, 94, 139].forEach((offset, row) => {
      p.text(rowLabels[row] as string, 53.9, p.y + offset);
      const values = filled?.rows[row];
      if (!values) return;
      p.right(values[0], 305.3, p.y + offset);
      p.right(values[1], 362, p.y + offset);
      p.right(values[2], 465.6, p.y + offset);
    });
    p.y += 174;
  }
  p.ensure(30);
  p.text('Total authorised share capital at the end of the month', 53.9, p.y);
  p.text(spec.totalAuthorised[0], 269.3, p.y);
  p.text(':', 297.4, p.y);
  p.text(spec.totalAuthorised[1], 356.3, p.y);
  p.newPage();
}

function drawIssued(p: Pages, spec: LegacyFormSpec): void {
  p.text('II. Movements in Issued Share Capital', 53.9, 55.9);
  p.text('No. of ordinary shares', 193.8, 87.1);
  p.text('(1)', 194.3, 103.7);
  p.text('(2)', 270.7, 103.7);
  p.text('No of preference', 323.8, 91.7);
  p.text('shares', 345.2, 103.2);
  p.text('No. of other classes', 406, 91.7);
  p.text('of shares', 427.4, 103.2);
  const labels = [
    ['Balance at close of', 'preceding month'],
    ['Increase/ (decrease)', 'during the month'],
    ['Balance at close of the', 'month'],
  ];
  const centres: Record<Slot, number> = { ordinary1: 198, ordinary2: 276.7, preference: 357.6, other: 443 };
  [131.8, 169.2, 204.7].forEach((y, row) => {
    p.text(labels[row]?.[0] as string, 53.9, y);
    p.text(labels[row]?.[1] as string, 53.9, y + 11.4);
    for (const slot of ['ordinary1', 'ordinary2', 'preference', 'other'] as const) {
      p.centred(spec.issued[slot]?.[row] ?? 'N/A', centres[slot], y + 11.5);
    }
  });
  p.text('III. Details of Movements in Issued Share Capital', 53.9, 270);
  p.y = 307;
}

function drawTotals(p: Pages, letter: string, totals: Rows<string>, labelRight: number, valueCentre: number): void {
  p.ensure(40);
  p.right(`Total ${letter}. (Ordinary shares)`, labelRight, p.y);
  p.centred(totals[0], valueCentre, p.y);
  p.right('(Preference shares)', labelRight, p.y + 12);
  p.centred(totals[1], valueCentre, p.y + 12);
  p.right('(Other class)', labelRight, p.y + 24);
  p.centred(totals[2], valueCentre, p.y + 24);
  p.y += 40;
}

/** The table's heading rows, drawn again at the top of each page the table runs onto, as Word repeats them. */
function drawShareOptionsHeading(p: Pages): void {
  const y = p.y;
  p.text('Particulars of share', 55.1, y + 12);
  p.text('option scheme', 64.7, y + 23.5);
  p.text('No. of new shares of', 384.5, y + 12);
  p.text('issuer issued during', 386.3, y + 23.5);
  p.text('the month pursuant', 387.4, y + 35);
  p.text('thereto', 412.1, y + 46.4);
  p.text('No. of new shares of', 481.2, y + 12);
  p.text('issuer which may be', 481.7, y + 23.5);
  p.text('issued pursuant thereto', 476.5, y + 35);
  p.text('as at close of the month', 475.3, y + 46.4);
  p.text('Movement during the month', 199.1, y + 49.6);
  p.text('class of shares', 64.8, y + 69.4);
  for (const [label, x] of [
    ['Granted', 150.4],
    ['Exercised', 209.8],
    ['Cancelled', 272.4],
    ['Lapsed', 336.5],
  ] as const) {
    p.text(label, x, y + 81);
  }
  p.y = y + 93;
}

function drawShareOptions(p: Pages, spec: LegacyFormSpec): void {
  p.text('Share Options (under Share Option Schemes of the Issuer)', 53.9, p.y);
  drawShareOptionsHeading(p);
  const schemes = [...spec.schemes];
  while (schemes.length < 3) schemes.push({ lines: ['N/A', '', '', '', '( / / )'], classLine: 'shares' });
  schemes.forEach((scheme, i) => {
    const lines = [...scheme.lines];
    if (p.ensure((lines.length + 3) * 12)) drawShareOptionsHeading(p);
    lines.forEach((line, index) => {
      p.text(index === 0 ? `${i + 1}. ${line}` : line, index === 0 ? 59.8 : 67.8, p.y + index * 12);
    });
    const figureLine = p.y + lines.length * 12;
    p.text(scheme.classLine, 67.8, figureLine);
    const figures: [string | undefined, number][] = [
      [scheme.granted, 166],
      [scheme.exercised, 229],
      [scheme.cancelled, 292],
      [scheme.lapsed, 351],
      [scheme.issued, 423],
      [scheme.issuable, 525],
    ];
    for (const [value, centre] of figures) if (value !== undefined) p.centred(value, centre, figureLine);
    p.text('(Note 1)', 59.8, figureLine + 12);
    p.y = figureLine + 35;
  });
  drawTotals(p, 'A', spec.totalA, 371.9, 423);
  p.text('Total funds raised during the month from exercise of', 53.9, p.y);
  p.text('options (HK$)', 53.9, p.y + 11.4);
  p.text(spec.fundsRaised, 336.4, p.y + 11.4);
  p.newPage();
}

function drawInstruments(
  p: Pages,
  kind: 'warrants' | 'convertibles',
  items: readonly InstrumentSpec[],
  totals: Rows<string>,
): void {
  const warrants = kind === 'warrants';
  p.text(
    warrants
      ? 'Warrants to Issue Shares of the Issuer which are to be Listed'
      : 'Convertibles (i.e. Convertible into Shares of the Issuer which are to be Listed)',
    53.9,
    55.9,
  );
  const headings: [readonly string[], number][] = [
    [warrants ? ['Description of warrants', '(Date of expiry - dd/mm/yyyy)'] : ['Class and description'], 53.9],
    [warrants ? ['Currency of', 'nominal', 'value'] : ['Currency of', 'amount', 'outstanding'], 201],
    [
      warrants ? ['Nominal value at', 'close of', 'preceding month'] : ['Amount at close', 'of preceding', 'month'],
      253.6,
    ],
    [warrants ? ['Exercised', 'during the', 'month'] : ['Converted', 'during the', 'month'], 333.5],
    [warrants ? ['Nominal value', 'at close of the', 'month'] : ['Amount at close', 'of the month'], 386.5],
    [['No. of new', 'shares of', 'issuer issued', 'during the', 'month', 'pursuant', 'thereto'], 456.8],
    [
      [
        'No. of new',
        'shares of',
        'issuer which',
        'may be issued',
        'pursuant',
        'thereto as at',
        'close of the',
        'month',
      ],
      514,
    ],
  ];
  for (const [lines, x] of headings) {
    const start = warrants || x > 450 ? 160 - (lines.length - 1) * 11.5 : 148.4 - (lines.length - 1) * 11.5;
    lines.forEach((line, i) => {
      p.text(line, x, start + i * 11.5);
    });
  }
  p.y = 174;
  const entries = [...items];
  items.forEach((item, i) => {
    p.ensure(140);
    item.lines.forEach((line, index) => {
      p.text(index === 0 ? `${i + 1}. ${line}` : line, index === 0 ? 59.8 : 67.3, p.y + index * 13.4);
    });
    const figureLine = p.y + 13.4;
    p.centred(item.currency, 225, figureLine);
    p.centred(item.preceding, 288, figureLine);
    p.centred(item.movement, 353, figureLine);
    p.centred(item.closing, 416, figureLine);
    p.centred(item.issued, 479, figureLine);
    p.centred(item.issuable, 541, figureLine);
    const details = p.y + Math.max(item.lines.length, 2) * 13.4 + 13;
    p.text('Stock code (if listed)', 77.9, details);
    p.text(item.stockCode ?? 'N/A', 234.4, details);
    p.text('Class of shares', 77.9, details + 11.4);
    p.text('issuable', 77.9, details + 22.4);
    p.text('(Note 1)', 112.6, details + 22.4);
    p.text(item.classOfShares, 172.3, details + 22.4);
    p.text('Subscription price', 77.9, details + 35.9);
    p.text(item.price, 172.3, details + 35.9);
    p.text('EGM approval date', 77.9, details + 47.4);
    p.text('(if applicable)', 77.9, details + 58.4);
    p.text('(dd/mm/yyyy)', 77.9, details + 69.3);
    p.text(item.approval, 179.4, details + 69.5);
    p.y = details + 83;
  });
  for (let i = entries.length; i < 2; i++) {
    p.text(`${i + 1}.`, 59.8, p.y);
    p.text('N/A', 113.8, p.y);
    p.text('Stock code (if listed)', 77.9, p.y + 53);
    p.y += 136;
  }
  drawTotals(p, warrants ? 'B' : 'C', totals, 430.4, 470);
  p.newPage();
}

function drawArrangements(p: Pages, spec: LegacyFormSpec): void {
  p.text('Any other Agreements or Arrangements to Issue Shares of the Issuer which are to be Listed,', 53.9, 55.1);
  p.text('including Options (other than under Share Option Schemes)', 53.9, 65.4);
  p.text('No. of new shares of', 360.7, 76.3);
  p.text('issuer issued during', 362.5, 86.6);
  p.text('the month pursuant', 363.7, 97);
  p.text('thereto', 388.3, 107.3);
  p.text('No. of new shares of', 462.6, 77.2);
  p.text('issuer which may be', 463.1, 88.7);
  p.text('issued pursuant thereto', 457.9, 100.1);
  p.text('as at close of the month', 456.7, 111.6);
  p.text('Full particulars including EGM approval date (dd/mm/yyyy),', 59.3, 122);
  p.text('if applicable, and class of shares issuable:', 59.3, 132.3);
  p.y = 146;
  const items = [...spec.arrangements];
  while (items.length < 2) items.push({ lines: ['N/A', '( / / )'], classLine: 'shares', issued: '', issuable: '' });
  items.forEach((item, i) => {
    item.lines.forEach((line, index) => {
      p.text(index === 0 ? `${i + 1}. ${line}` : line, index === 0 ? 59.3 : 186, p.y + index * 12);
    });
    const classLine = p.y + item.lines.length * 12;
    p.text(`${item.classLine} (Note 1)`, 288.4, classLine);
    p.centred(item.issued, 402, p.y);
    p.centred(item.issuable, 503, p.y);
    p.y = classLine + 22;
  });
  drawTotals(p, 'D', spec.totalD, 348.8, 402);
  p.newPage();
}

const ENTRY_TYPES: readonly (readonly [string, string, string, boolean])[] = [
  ['Rights issue', 'Class of shares issuable', 'Issue and allotment', true],
  ['Open offer', 'Class of shares issuable', 'Issue and allotment', true],
  ['Placing', 'Class of shares issuable', 'Issue and allotment', true],
  ['Bonus issue', 'Class of shares issuable', 'Issue and allotment', false],
  ['Scrip dividend', 'Class of shares issuable', 'Issue and allotment', true],
  ['Repurchase of shares', 'Class of shares repurchased', 'Cancellation date :', false],
  ['Redemption of shares', 'Class of shares redeemed', 'Redemption date :', false],
  ['Consideration issue', 'Class of shares issuable', 'Issue and allotment', true],
  ['Capital reorganisation', 'Class of shares issuable', 'Issue and allotment', false],
  ['Other (Please specify)', 'Class of shares issuable', 'Issue and allotment', true],
];

function drawOtherMovementsHeading(p: Pages): void {
  const lines: [string, string][] = [
    ['No. of new', 'No. of new'],
    ['shares of', 'shares of'],
    ['issuer issued', 'issuer which'],
    ['during the', 'may be'],
    ['month', 'issued'],
    ['pursuant', 'pursuant'],
    ['thereto', 'thereto as at'],
    ['', 'close of the'],
    ['', 'month'],
  ];
  lines.forEach(([issued, issuable], i) => {
    p.centred(issued, 472.4, p.y + 20 + i * 10.35);
    p.centred(issuable, 531, p.y + 20 + i * 10.35);
  });
  p.text('Type of Issue', 68.8, p.y + 106);
  p.y += 126;
}

function drawOtherMovements(p: Pages, spec: LegacyFormSpec): void {
  p.text('Other Movements in Issued Share Capital', 53.9, 65.4);
  p.y = 56;
  drawOtherMovementsHeading(p);
  ENTRY_TYPES.forEach(([type, classLabel, eventLabel, priced], index) => {
    const filled = spec.otherMovements.find((movement) => movement.entry === index + 1);
    const rows = filled?.rows.length ? filled.rows : [{}];
    if (p.ensure(rows.length * 104 + 40)) drawOtherMovementsHeading(p);
    const top = p.y;
    p.text(classLabel, 275, top);
    p.text('(Note 1)', 275, top + 11.5);
    p.text(filled?.classOfShares ?? 'N/A', 395.4, top - 1.9);
    p.text(`${index + 1}.`, 53.9, top + 35.6);
    const [first, ...more] = type.split(' ');
    p.text(first as string, 71.9, top + 35.6);
    p.text(filled?.specify ? `${more.join(' ')} ${filled.specify}` : more.join(' '), 71.9, top + 46);
    rows.forEach((row, r) => {
      const y = top + r * 104;
      p.text(eventLabel, 275, y + 32.5);
      if (eventLabel === 'Issue and allotment') p.text('date : (dd/mm/yyyy)', 275, y + 42.8);
      p.text(row.eventDate ?? '( / / )', 387, y + 29);
      p.text(row.approvalLabel ?? 'EGM approval date:', 275, y + 63.6);
      p.text('(dd/mm/yyyy)', 275, y + 74);
      p.text(row.approvalDate ?? '( / / )', 387, y + 60);
      (row.note ?? []).forEach((line, i) => {
        p.text(line, 388.3, y + 84 + i * 11.5);
      });
      if (priced) {
        p.text('At price :', 157.3, y + 35.6);
        p.text('State', 199.3, y + 30.5);
        p.text('currency', 199.3, y + 40.9);
        // The price is set in its own cell, centred on the "At price :" label.
        const price = row.price ?? [];
        price.forEach((line, i) => {
          p.text(line, 235.3, y + 35.6 + (i - (price.length - 1) / 2) * 9.3);
        });
      }
      const figures = y + 84 + (row.note?.length ?? 0) * 11.5;
      if (row.issued !== undefined) p.centred(row.issued, 476.9, figures);
      if (row.issuable !== undefined) p.centred(row.issuable, 538.6, figures);
    });
    p.y = top + rows.length * 104 + 40;
  });
  drawTotals(p, 'E', spec.totalE, 448.5, 476.9);
  p.ensure(90);
  const labels = [
    'Total increase / (decrease) in ordinary shares during the month (i.e. Total of A to E):',
    '',
    'Total increase / (decrease) in preference shares during the month (i.e. Total of A to E):',
    'Total increase / (decrease) in other classes of shares during the month (i.e. Total of A to E):',
  ];
  labels.forEach((label, i) => {
    const y = p.y + i * 19.6;
    p.text(label, 59.3, y);
    if (i < 2) p.text(`(${i + 1})`, 437.9, y);
    p.right(spec.grandTotals[i] as string, 532.4, y - 3.6);
  });
  p.text(
    '(These figures should be the same as the relevant figures under II above (“Movements in Issued Share Capital”).)',
    59.3,
    p.y + 4 * 19.6,
  );
  p.newPage();
}

function drawSubmission(p: Pages, spec: LegacyFormSpec): void {
  p.text('Remarks (if any):', 53.9, 67.4);
  spec.remarks.forEach((line, i) => {
    p.text(line, 53.9, 83.5 + i * 16.5);
  });
  p.text('Submitted by:', 53.9, 271.9);
  p.text(spec.submittedBy, 125.9, 271.9);
  p.text('Title:', 53.9, 295);
  p.text(spec.title, 142.6, 295);
  p.text('(Director, Secretary or other duly authorised officer)', 89.9, 306.5);
  p.text('Notes :', 53.9, 364.2);
  p.text('1.', 53.9, 393.2);
  p.text('State the class of shares (e.g. ordinary, preference or other).', 89.9, 393.2);
}

/** A one-page PDF of plain lines, for documents that are not monthly returns ("Next Day Disclosure Return"). */
export async function drawDocument(lines: readonly string[]): Promise<Buffer> {
  const pages = new Pages();
  lines.forEach((line, i) => {
    pages.text(line, 53.9, 120 + i * 16);
  });
  return pages.end();
}
