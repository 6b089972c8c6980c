/**
 * FF301 returns of our own making, laid out where the e-form lays them out (positions measured on the corpus), for
 * layouts the corpus lacks: two share classes with a multi-counter code (after SenseTime's November 2023 return),
 * an option table running onto the next page under repeated headings, treasury share movements in III(E), and
 * part IV with HDRs.
 */
import type { ExtractedDocument, TextItem } from '../../../src/domain/extracted-document.js';
import { at, type Cell, documentOf, ff301Furniture, figureIn, headings, rightAt, textIn } from '../document-builder.js';

const TITLE = [
  'Monthly Return for Equity Issuer and Hong Kong Depositary Receipts listed under Chapter 19B of the Exchange Listing Rules on Movements in',
  'Securities',
];

function titlePage(fields: { month: string; status: string; issuer: string; submitted: string }): TextItem[] {
  return [
    at(22.1, 97.1, TITLE[0] as string, 11),
    at(22.1, 110.3, TITLE[1] as string, 11),
    at(22.1, 137.1, 'For the month ended:'),
    at(136.9, 137.1, fields.month),
    at(621.7, 137.1, 'Status:'),
    at(658.2, 137.1, fields.status),
    at(22.1, 164.1, 'To : Hong Kong Exchanges and Clearing Limited'),
    at(22.1, 188.7, 'Name of Issuer:'),
    at(136.9, 189.0, fields.issuer),
    at(22.1, 209.7, 'Date Submitted:'),
    at(136.9, 209.7, fields.submitted),
  ];
}

interface ClassFields {
  readonly number?: number;
  readonly className: string;
  readonly type: string;
  readonly listedLabel: string;
  readonly listed: string;
  readonly stockCodeLabel: string;
  readonly stockCode: string;
  readonly description?: string;
  readonly multiCounter?: readonly [string, string, string];
}

/** "1. Class of shares ... Listed on SEHK (Note 1) Yes" and the lines under it; returns the items and the next y. */
function classBlock(y: number, fields: ClassFields): { items: TextItem[]; y: number } {
  const items = [
    at(22.1, y, `${fields.number ?? 1}. Class of shares`),
    at(141.2, y, fields.className),
    at(290.0, y, 'Type of shares'),
    at(373.6, y, fields.type),
    at(525.3, y, fields.listedLabel),
    at(651.4, y, fields.listed),
    at(22.1, y + 18.5, fields.stockCodeLabel),
    at(141.2, y + 18.5, fields.stockCode),
    at(290.0, y + 18.5, 'Description'),
  ];
  if (fields.description) items.push(at(373.6, y + 18.5, fields.description));
  let next = y + 37;
  if (fields.multiCounter) {
    const [code, currency, description] = fields.multiCounter;
    items.push(
      at(22.1, next, 'Multi-counter stock code'),
      at(141.2, next, code),
      at(180.0, next, currency),
      at(290.0, next, 'Description'),
      at(373.6, next, description),
    );
    next += 18.5;
  }
  return { items, y: next };
}

const ROW_LABELS = ['Balance at close of preceding month', 'Increase / decrease (-)', 'Balance at close of the month'];

/** The three balance rows, 18 points apart, with the given items on each. */
function balanceRows(y: number, cells: readonly (readonly TextItem[])[]): TextItem[] {
  return ROW_LABELS.flatMap((label, row) => [at(22.1, y + row * 18, label), ...(cells[row] ?? [])]);
}

/** Part I of v1.0.2, one class: shares | par value | capital, the first two with their currency codes. */
function authorisedClass(
  y: number,
  fields: ClassFields,
  shares: string,
  par: string,
  capital: string,
  currency: string,
) {
  const block = classBlock(y, fields);
  const header = [
    at(245.8, block.y, 'Number of authorised/registered shares'),
    at(487.0, block.y, 'Par value'),
    at(631.5, block.y, 'Authorised/registered share capital'),
  ];
  const row = (rowY: number) => [
    rightAt(428.9, rowY, `${shares} ${currency}`),
    rightAt(623.9, rowY, `${par} ${currency}`),
    rightAt(797.1, rowY, capital),
  ];
  const rowsY = block.y + 18;
  const rows = balanceRows(rowsY, [row(rowsY), [rightAt(623.9, rowsY + 18, currency)], row(rowsY + 36)]);
  return { items: [...block.items, ...header, ...rows], y: rowsY + 36 + 30 };
}

// ---------------------------------------------------------------- two classes, a multi-counter code (v1.0.2)

const CLASS_B: ClassFields = {
  className: 'WVR ordinary shares',
  type: 'Other type (specify in description)',
  listedLabel: 'Listed on SEHK (Note 1)',
  listed: 'Yes',
  stockCodeLabel: 'Stock code',
  stockCode: '00020',
  description: 'Class B ordinary shares',
  multiCounter: ['80020', 'RMB', 'Class B ordinary shares'],
};
const CLASS_A: ClassFields = {
  number: 2,
  className: 'WVR ordinary shares',
  type: 'Other type (specify in description)',
  listedLabel: 'Listed on SEHK (Note 1)',
  listed: 'No',
  stockCodeLabel: 'Stock code',
  stockCode: 'N/A',
  description: 'Class A ordinary shares',
};

/** The 01477 headings of III(A) on v1.0.2, seven columns. */
function optionHeadingsV10(top: number): TextItem[] {
  const d = top - 136.0;
  return [
    at(27.9, 163.0 + d, 'Particulars of share option'),
    at(64.5, 173.8 + d, 'scheme'),
    at(155.8, 152.2 + d, 'Number of share'),
    at(145.3, 163.0 + d, 'options outstanding at'),
    at(152.8, 173.8 + d, 'close of preceding'),
    at(176.8, 184.6 + d, 'month'),
    at(261.4, 168.4 + d, 'Movement during the month'),
    at(397.7, 157.6 + d, 'Number of share options'),
    at(402.0, 168.4 + d, 'outstanding at close of'),
    at(427.0, 179.2 + d, 'the month'),
    at(507.8, 152.2 + d, 'No. of new shares of'),
    at(501.5, 163.0 + d, 'issuer issued during the'),
    at(502.5, 173.8 + d, 'month pursuant thereto'),
    at(543.1, 184.6 + d, '(A)'),
    at(608.4, 152.2 + d, 'No. of new shares of'),
    at(608.9, 163.0 + d, 'issuer which may be'),
    at(602.7, 173.8 + d, 'issued pursuant thereto'),
    at(601.9, 184.6 + d, 'as at close of the month'),
    at(709.9, 136.0 + d, 'The total number of'),
    at(701.1, 146.8 + d, 'securities which may be'),
    at(701.6, 157.6 + d, 'issued upon exercise of'),
    at(704.9, 168.4 + d, 'all share options to be'),
    at(713.4, 179.2 + d, 'granted under the'),
    at(703.9, 190.0 + d, 'scheme at close of the'),
    at(736.4, 200.8 + d, 'month'),
  ];
}

/** The cells of the seed's III(A) line "Other type (Please specify) | Class B ordinary shares". */
export const SEED_OTHER_TYPE = ['Other type (Please specify)', 'Class B ordinary shares'] as const;

export function twoClassReturn(): ExtractedDocument {
  const version = '1.0.2';
  const partI = authorisedClass(263.3, CLASS_B, '1,992,000,000,000', '0.000000025', '49,800', 'USD');
  const partIClassA = authorisedClass(partI.y, CLASS_A, '8,000,000,000', '0.000000025', '200', 'USD');
  const page1 = [
    ...ff301Furniture(1, 5, version),
    ...titlePage({
      month: '30 November 2023',
      status: 'New Submission',
      issuer: 'SenseTime Group Inc.',
      submitted: '06 December 2023',
    }),
    at(23.5, 237.5, 'I. Movements in Authorised / Registered Share Capital', 10),
    ...partI.items,
    ...partIClassA.items,
    at(265.7, partIClassA.y, 'Total authorised/registered share capital at the end of the month:'),
    at(530.9, partIClassA.y, 'USD'),
    rightAt(723.7, partIClassA.y, '50,000'),
  ];

  const issuedB = classBlock(83.4, CLASS_B);
  const issuedA = classBlock(issuedB.y + 70, CLASS_A);
  const issuedRow = (y: number, text: string) => rightAt(370.7, y, text);
  const page2 = [
    ...ff301Furniture(2, 5, version),
    at(23.5, 57.6, 'II. Movements in Issued Shares', 10),
    ...issuedB.items,
    ...balanceRows(issuedB.y, [
      [issuedRow(issuedB.y, '25,948,809,928')],
      [],
      [issuedRow(issuedB.y + 36, '25,948,809,928')],
    ]),
    ...issuedA.items,
    ...balanceRows(issuedA.y, [
      [issuedRow(issuedA.y, '7,520,115,072')],
      [],
      [issuedRow(issuedA.y + 36, '7,520,115,072')],
    ]),
  ];

  const row = 216.8;
  const page3 = [
    ...ff301Furniture(3, 5, version),
    at(23.5, 57.6, 'III. Details of Movements in Issued Shares', 10),
    at(26.4, 78.8, '(A). Share Options (under Share Option Schemes of the Issuer)'),
    at(22.1, 101.5, '1. Class of shares issuable'),
    at(141.2, 101.5, 'Ordinary shares'),
    at(267.3, 101.5, 'Type of shares'),
    at(479.9, 101.5, 'Shares issuable to be listed on SEHK (Note 1)'),
    at(676.9, 101.5, 'Yes'),
    // The seed's line 54: the type of the shares issuable is another type, which the filer names.
    at(22.1, 110.6, SEED_OTHER_TYPE[0]),
    at(141.2, 110.6, SEED_OTHER_TYPE[1]),
    at(22.1, 119.7, 'Stock code of shares issuable (if listed on SEHK) (Note 1)'),
    at(265.9, 119.7, '00020'),
    at(22.1, 128.5, 'Multi-counter stock code'),
    at(141.2, 128.5, '80020'),
    at(180.0, 128.5, 'RMB'),
    at(265.9, 128.5, 'Description'),
    at(350.9, 128.5, 'Class B ordinary shares'),
    ...optionHeadingsV10(146),
    at(22.1, row, '1).', 8),
    at(39.1, row + 0.8, 'Class B Shares held by'),
    at(39.1, row + 11.6, 'SenseTalent Management'),
    at(39.1, row + 22.4, 'Limited for the Pre-IPO'),
    at(39.1, row + 33.2, 'ESOP and Pre-IPO RSU Plan'),
    rightAt(237.5, row + 0.6, '3,537,208,529', 7.5),
    at(240.4, row + 0.4, 'Other Sold'),
    rightAt(394.6, row, '-12,189,548', 7.5),
    rightAt(496.6, row + 0.6, '3,525,018,981', 7.5),
    rightAt(598.7, row + 0.6, '0', 7.5),
    rightAt(697.9, row + 0.6, '0', 7.5),
    rightAt(797.1, row + 0.6, '0', 7.5),
    at(22.1, row + 54, 'General Meeting approval'),
    at(22.1, row + 64.8, 'date (if applicable)'),
    at(390.3, row + 100, 'Total A (Ordinary shares Class B ordinary shares):'),
    at(213.4, row + 125, 'Total funds raised during the month from exercise of options:'),
    at(462.6, row + 125, 'HKD'),
    at(22.1, row + 150, 'Remarks:'),
    at(
      22.1,
      row + 162.6,
      'Among the 3,525,018,981 Class B Shares held by SenseTalent Management Limited, 3,094,172,292 are held for the Pre-IPO ESOP',
    ),
  ];
  const page4 = [
    ...ff301Furniture(4, 5, version),
    at(26.4, 51.9, '(B). Warrants to Issue Shares of the Issuer which are to be Listed'),
    at(310.0, 51.9, 'Not applicable'),
    at(26.4, 80.0, '(C). Convertibles (i.e. Convertible into Issue Shares of the Issuer which are to be Listed)'),
    at(414.7, 80.0, 'Not applicable'),
    at(
      26.4,
      110.0,
      '(D). Any other Agreements or Arrangements to Issue Shares of the Issuer which are to be listed, including Options (other than Share Options Schemes)',
    ),
    // A long heading pushes "Not applicable" onto the line below.
    at(26.4, 120.8, 'Not applicable'),
    at(26.4, 150.0, '(E). Other Movements in Issued Share'),
    at(202.1, 150.0, 'Not applicable'),
    at(
      195.2,
      190.0,
      'Total increase / decrease (-) in Ordinary shares Class B ordinary shares during the month (i.e. Total of A to E)',
    ),
  ];
  const page5 = [
    ...ff301Furniture(5, 5, version),
    at(23.5, 57.6, 'IV. Information about Hong Kong Depositary Receipt (HDR)', 10),
    at(321.2, 57.3, 'Not applicable'),
    at(23.5, 100.0, 'V. Confirmations', 10),
    at(22.1, 370.8, 'Submitted by:'),
    at(121.3, 371.0, 'Xu Li'),
    at(22.1, 391.7, 'Title:'),
    at(121.3, 392.0, 'Director'),
  ];
  return documentOf(page1, page2, page3, page4, page5);
}

// ---------------------------------------------------------------- treasury shares, a table over two pages (v1.1.1)

const ORDINARY: ClassFields = {
  className: 'Ordinary shares',
  type: 'Not applicable',
  listedLabel: 'Listed on the Exchange (Note 1)',
  listed: 'Yes',
  stockCodeLabel: 'Stock code (if listed)',
  stockCode: '09999',
  description: 'Ordinary shares',
};

const OPTION_CELLS: readonly Cell[] = [
  [22, 140],
  [140, 240],
  [240, 395],
  [395, 475],
  [475, 555],
  [555, 635],
  [635, 715],
  [715, 797],
];
const OPTION_HEADINGS = [
  ['Particulars of share option', 'scheme'],
  ['Number of share options', 'outstanding at close of', 'preceding month'],
  ['Movement during the month'],
  ['Number of share', 'options outstanding', 'at close of the month'],
  ['Number of new', 'shares issued during', 'the month pursuant', 'thereto (A1)'],
  ['Number of treasury', 'shares transferred', 'out of treasury', 'pursuant thereto (A2)'],
  [
    'Number of shares',
    'which may be issued',
    'or transferred out of',
    'treasury pursuant',
    'thereto as at close',
    'of the month',
  ],
  [
    'The total number of',
    'shares which may be',
    'issued or transferred',
    'upon exercise of all',
    'options to be granted',
    'at close of the month',
  ],
];

const EVENT_CELLS: readonly Cell[] = [
  [22, 200],
  [200, 240],
  [240, 290],
  [290, 350],
  [350, 420],
  [420, 530],
  [530, 640],
  [640, 797],
];
const EVENT_HEADINGS = [
  ['Type of event'],
  ['Currency'],
  ['Amount'],
  ['Date of event', '(Note 2)'],
  ['General Meeting', 'approval date', '(if applicable)'],
  [
    'Number of issued shares',
    '(excluding treasury shares)',
    'increased / decreased (-)',
    'during the month',
    'pursuant thereto (E1)',
  ],
  ['Number of treasury', 'shares increased /', 'decreased (-) during', 'the month pursuant', 'thereto (E2)'],
  ['Number of shares repurchased', 'for cancellation but not yet', 'cancelled as at close of the', 'month (Note 3)'],
];

/** One option scheme row from y: its stacked movements, figures, and the approval date row under it. */
function optionRow(
  y: number,
  marker: string,
  particulars: readonly string[],
  figures: {
    preceding: string;
    movements: readonly (readonly [string, string])[];
    closing: string;
    a1: string;
    a2: string;
    issuable: string;
    toBeGranted: string;
  },
  approvalDate: string,
): TextItem[] {
  const c = OPTION_CELLS;
  const items = [
    at(22.1, y, marker, 8),
    // A row's own text starts after its number.
    ...particulars.map((line, i) => at(39.1, y + i * 8.4, line, 7)),
    figureIn(c[1] as Cell, y, figures.preceding),
    ...figures.movements.flatMap(([label, figure], i) => [
      textIn(c[2] as Cell, y + i * 12, label),
      ...(figure === '' ? [] : [figureIn(c[2] as Cell, y + i * 12, figure)]),
    ]),
    figureIn(c[3] as Cell, y, figures.closing),
    figureIn(c[4] as Cell, y, figures.a1),
    figureIn(c[6] as Cell, y, figures.issuable),
    figureIn(c[7] as Cell, y, figures.toBeGranted),
  ];
  if (figures.a2 !== '') items.push(figureIn(c[5] as Cell, y, figures.a2));
  const below = y + Math.max(particulars.length * 8.4, figures.movements.length * 12) + 6;
  items.push(at(22.1, below, 'General Meeting approval date', 7), at(22.1, below + 8.4, '(if applicable)', 7));
  items.push(at(154.2, below + 4.2, approvalDate, 7));
  return items;
}

export function treasuryReturn(): ExtractedDocument {
  const version = '1.1.1';
  const authorised = authorisedClass(263.3, ORDINARY, '10,000,000,000', '0.01', '100,000,000', 'HKD');
  const page1 = [
    ...ff301Furniture(1, 7, version),
    ...titlePage({
      month: '31 March 2025',
      status: 'New Submission',
      issuer: 'Example Holdings Limited',
      submitted: '03 April 2025',
    }),
    at(23.5, 237.5, 'I. Movements in Authorised / Registered Share Capital', 10),
    ...authorised.items,
    at(265.7, authorised.y, 'Total authorised/registered share capital at the end of the month:'),
    at(530.9, authorised.y, 'HKD'),
    rightAt(723.6, authorised.y, '100,000,000'),
  ];

  const issued = classBlock(83.4, ORDINARY);
  const three = (y: number, issuedShares: string, treasury: string, total: string) =>
    [
      rightAt(400.5, y, issuedShares),
      rightAt(599.0, y, treasury),
      total === '' ? [] : [rightAt(797.3, y, total)],
    ].flat();
  const page2 = [
    ...ff301Furniture(2, 7, version),
    at(23.5, 57.6, 'II. Movements in Issued Shares and/or Treasury Shares', 10),
    ...issued.items,
    at(253.4, issued.y, 'Number of issued shares'),
    at(249.2, issued.y + 10.8, '(excluding treasury shares)'),
    at(447.9, issued.y + 5.4, 'Number of treasury shares'),
    at(639.1, issued.y + 5.4, 'Total number of issued shares'),
    ...balanceRows(issued.y + 28, [
      three(issued.y + 28, '1,000,000,000', '100,000', '1,000,100,000'),
      three(issued.y + 46, '150,000', '250,000', ''),
      three(issued.y + 64, '1,000,150,000', '350,000', '1,000,500,000'),
    ]),
  ];

  const optionBlock = classBlock(67.5, { ...ORDINARY, description: undefined });
  const tableTop = optionBlock.y + 8;
  const firstRow = tableTop + 6 * 8.4 + 10;
  const page3 = [
    ...ff301Furniture(3, 7, version),
    at(23.5, 30.6, 'III. Details of Movements in Issued Shares and/or Treasury Shares', 10),
    at(26.4, 48.8, '(A). Share Options (under Share Option Schemes of the Issuer)'),
    ...optionBlock.items,
    ...headings(OPTION_CELLS, OPTION_HEADINGS, tableTop),
    ...optionRow(
      firstRow,
      '1).',
      ['2019 Share Option Scheme'],
      {
        preceding: '10,000,000',
        movements: [
          ['Granted', '500,000'],
          ['Exercised', '-200,000'],
          ['Cancelled', '0'],
          ['Lapsed', '-100,000'],
        ],
        closing: '10,200,000',
        a1: '150,000',
        a2: '50,000',
        issuable: '10,200,000',
        toBeGranted: '5,000,000',
      },
      '20 May 2019',
    ),
  ];
  // The table runs onto the next page, which repeats its headings.
  const page4 = [
    ...ff301Furniture(4, 7, version),
    ...headings(OPTION_CELLS, OPTION_HEADINGS, 30),
    ...optionRow(
      30 + 6 * 8.4 + 10,
      '2).',
      ['2024 Share Option Scheme', '(adopted on 18 June 2024)'],
      {
        preceding: '3,000,000',
        movements: [['Granted', '1,000,000']],
        closing: '4,000,000',
        a1: '0',
        a2: '',
        issuable: '4,000,000',
        toBeGranted: '20,000,000',
      },
      '18 June 2024',
    ),
    at(223.2, 160, 'Increase in issued shares (excluding treasury shares):'),
    rightAt(560, 160, '150,000'),
    at(596.1, 160, 'Ordinary shares (AA1)'),
    at(323.8, 181, 'Decrease in treasury shares:'),
    rightAt(560, 181, '50,000'),
    at(596.1, 181, 'Ordinary shares (AA2)'),
    at(213.4, 202, 'Total funds raised during the month from exercise of options:'),
    at(462.6, 202, 'HKD'),
    rightAt(560, 202, '1,050,000'),
    at(26.4, 240, '(B). Warrants to Issue Shares of the Issuer'),
    at(315.5, 240, 'Not applicable'),
    at(26.4, 260, '(C). Convertibles (i.e. Convertible into Shares of the Issuer)'),
    at(315.5, 260, 'Not applicable'),
    at(
      26.4,
      280,
      '(D). Any other Agreements or Arrangements to Issue Shares of the Issuer, including Options (other than Share Option Schemes)',
    ),
    at(686.8, 280, 'Not applicable'),
  ];

  const eventBlock = classBlock(67.5, { ...ORDINARY, description: undefined });
  const eventTop = eventBlock.y + 10;
  const eventRow = eventTop + 5 * 8.4 + 10;
  const e = EVENT_CELLS;
  const page5 = [
    ...ff301Furniture(5, 7, version),
    at(26.4, 44.8, '(E). Other Movements in Issued Shares and/or Treasury Shares'),
    ...eventBlock.items,
    // "Price (if applicable)" stands over the currency and amount columns.
    at(213, eventTop - 9, 'Price (if applicable)', 7),
    ...headings(EVENT_CELLS, EVENT_HEADINGS, eventTop),
    at(22.1, eventRow, '1).', 8),
    at(39.1, eventRow, 'Repurchase of shares (shares held as', 7),
    at(39.1, eventRow + 8.4, 'treasury shares)', 7),
    textIn(e[1] as Cell, eventRow, 'HKD'),
    figureIn(e[2] as Cell, eventRow, '10.5'),
    textIn(e[3] as Cell, eventRow, '15 March 2025'),
    figureIn(e[6] as Cell, eventRow, '300,000'),
    at(262.4, eventRow + 40, 'Increase / decrease (-) in issued shares (excluding treasury shares):'),
    at(596.1, eventRow + 40, 'Ordinary shares (EE1)'),
    at(352.4, eventRow + 61, 'Increase / decrease (-) in treasury shares:'),
    rightAt(580, eventRow + 61, '300,000'),
    at(596.1, eventRow + 61, 'Ordinary shares (EE2)'),
    at(
      52.1,
      eventRow + 100,
      'Total increase/ decrease (-) in issued shares (excluding treasury shares) during the month (i.e. Total of AA1 to EE1):',
    ),
    rightAt(640, eventRow + 100, '150,000'),
    at(667.0, eventRow + 100, 'Ordinary shares'),
    at(
      156.7,
      eventRow + 125,
      'Total increase/ decrease (-) in treasury shares during the month (i.e. Total of AA2 to EE2):',
    ),
    rightAt(640, eventRow + 125, '250,000'),
    at(667.0, eventRow + 125, 'Ordinary shares'),
  ];

  const hdr = classBlock(83.4, { ...ORDINARY, stockCode: '09998', description: 'HDRs, one for each ordinary share' });
  const page6 = [
    ...ff301Furniture(6, 7, version),
    at(23.5, 57.6, 'IV. Information about Hong Kong Depositary Receipt (HDR)', 10),
    ...hdr.items,
    at(400, hdr.y, 'Number of HDRs'),
    ...balanceRows(hdr.y + 18, [
      [rightAt(520, hdr.y + 18, '2,000,000')],
      [rightAt(520, hdr.y + 36, '-50,000')],
      [rightAt(520, hdr.y + 54, '1,950,000')],
    ]),
  ];
  const page7 = [
    ...ff301Furniture(7, 7, version),
    at(23.5, 57.6, 'V. Confirmations', 10),
    at(22.1, 377.8, 'Submitted by:'),
    at(121.3, 378.0, 'Chan Tai Man'),
    at(22.1, 398.7, 'Title:'),
    at(121.3, 399.0, 'Company Secretary'),
  ];
  return documentOf(page1, page2, page3, page4, page5, page6, page7);
}
