/**
 * The words of the pre-2021 form, per language. HKEX published the template in English and in Traditional
 * Chinese, with the same parts, tables, rows and columns in the same places: one reader reads both, and only the
 * labels it looks for differ. Every pattern matches the start of a line (or an item) as the template prints it.
 */
import type { Language, OtherMovementType } from '../../domain/monthly-return.js';
import type { ColumnRules } from './columns.js';
import type { FieldRule } from './fields.js';
import type { RowRule } from './rows.js';
import type { SectionKey } from './sections.js';
import type { ShareSlot, SubtotalKind } from './share-slots.js';

export type BalanceRow = 'preceding' | 'movement' | 'closing';
export type AuthorisedColumn = 'shares' | 'parValue' | 'capital';
export type OptionColumn = 'granted' | 'exercised' | 'cancelled' | 'lapsed' | 'issued' | 'issuable';
export type OptionMovement = 'granted' | 'exercised' | 'cancelled' | 'lapsed';
export type NewSharesColumn = 'issued' | 'issuable';
export type DetailField = 'stockCode' | 'class' | 'price' | 'approval';
export type EntryField = 'class' | 'event' | 'approval';

export interface LegacyLabels {
  readonly language: Language;
  readonly title: RegExp;
  readonly header: {
    readonly monthEnded: RegExp;
    readonly issuerName: RegExp;
    readonly dateSubmitted: RegExp;
    readonly submittedBy: RegExp;
    readonly submittedByTitle: RegExp;
    readonly remarks: RegExp;
  };
  /** Part headings in the order the template prints them. */
  readonly headings: readonly { readonly key: SectionKey; readonly pattern: RegExp }[];
  /** How the model names the class in each slot; `ordinary1Of2` where the filer uses both ordinary slots. */
  readonly slotNames: Readonly<Record<ShareSlot, string>> & { readonly ordinary1Of2: string };
  readonly subtotalNames: Readonly<Record<SubtotalKind, string>>;
  /** A filer's "class of shares issuable" text that names a slot. */
  readonly classWords: { readonly ordinary: RegExp; readonly preference: RegExp };
  /** The template's "(Note 1)" beside a class cell. */
  readonly noteMark: RegExp;
  /** Second lines of a label the template wraps ("(Note 1)", "(dd/mm/yyyy)", "(if applicable)"). */
  readonly continuation: RegExp;
  readonly authorised: {
    readonly columns: ColumnRules<AuthorisedColumn>;
    readonly rows: readonly RowRule<BalanceRow>[];
    readonly stockCodeLine: RegExp;
    /** Group 1 the stock code, group 3 the description. */
    readonly codeAndDescription: RegExp;
    readonly slotHeading: RegExp;
    readonly slotWords: readonly (readonly [RegExp, 'ordinary' | 'preference' | 'other'])[];
    readonly total: RegExp;
  };
  readonly issued: {
    readonly defaultTitle: string;
    readonly columns: ColumnRules<ShareSlot>;
    readonly rows: readonly RowRule<BalanceRow>[];
  };
  /** "Total A." and its class lines under each part III table. */
  readonly subtotals: {
    readonly start: (letter: string) => RegExp;
    readonly word: RegExp;
    readonly kinds: readonly (readonly [RegExp, SubtotalKind])[];
  };
  readonly newShares: ColumnRules<NewSharesColumn>;
  readonly shareOptions: {
    readonly columns: ColumnRules<OptionColumn>;
    readonly lastHeadingLine: RegExp;
    readonly movementLabels: Readonly<Record<OptionMovement, string>>;
    readonly fundsRaised: RegExp;
  };
  readonly instruments: {
    readonly columns: ColumnRules<'issuable' | 'issued' | 'preceding' | 'currency' | 'closing'>;
    readonly movementColumn: { readonly exercised: RegExp; readonly converted: RegExp };
    readonly movementLabel: { readonly exercised: string; readonly converted: string };
    readonly warrantsLastHeading: RegExp;
    readonly convertiblesLastHeading: RegExp;
    readonly fields: readonly FieldRule<DetailField>[];
  };
  readonly otherArrangements: { readonly lastHeadingLine: RegExp };
  readonly otherMovements: {
    readonly eventTypes: readonly (readonly [RegExp, OtherMovementType])[];
    readonly fields: readonly FieldRule<EntryField>[];
    /** The item that starts each entry's block of labelled cells. */
    readonly classLabel: RegExp;
    readonly atPrice: RegExp;
    /** The words of the price cell that are the template's, not the filer's. */
    readonly priceLabel: RegExp;
    readonly typeOfIssue: RegExp;
    /** "10. Other (Please specify)": group 1 what the filer specified. */
    readonly otherSpecified: RegExp;
    readonly otherEvent: string;
  };
  readonly grandTotals: {
    readonly slots: readonly { readonly slot: ShareSlot; readonly pattern: RegExp }[];
    /** Items of the grand totals' sentences, right of which the figures stand. */
    readonly labelItem: RegExp;
    readonly end: RegExp;
  };
}

const LETTER = '(\\(?[A-E]\\)?\\.?\\s*)?';
const DATE_HINT_ZH = '\\(\\s*日\\s*\\/\\s*月\\s*\\/\\s*年\\s*\\)';

const EN: LegacyLabels = {
  language: 'en',
  title: /Monthly Return of Equity Issuer on Movements in Securities/i,
  header: {
    monthEnded: /For the month ended/i,
    issuerName: /Name of Issuer/i,
    dateSubmitted: /Date Submitted/i,
    submittedBy: /Submitted by\s*:?/i,
    submittedByTitle: /^Title\s*:?/i,
    remarks: /^Remarks\s*(\(if any\))?\s*:?/i,
  },
  headings: [
    { key: 'authorised', pattern: /^I\.?\s*Movements in (Authorised|Registered)/i },
    { key: 'issued', pattern: /^II\.?\s*Movements in Issued/i },
    { key: 'shareOptions', pattern: new RegExp(`^${LETTER}Share Options\\b`, 'i') },
    { key: 'warrants', pattern: new RegExp(`^${LETTER}Warrants to Issue`, 'i') },
    { key: 'convertibles', pattern: new RegExp(`^${LETTER}Convertibles\\b`, 'i') },
    { key: 'otherArrangements', pattern: new RegExp(`^${LETTER}Any other Agreements`, 'i') },
    { key: 'otherMovements', pattern: new RegExp(`^${LETTER}Other Movements in Issued`, 'i') },
    { key: 'grandTotals', pattern: /^Total increase\s*\/\s*\(?decrease\)? in ordinary/i },
    { key: 'remarks', pattern: /^Remarks\b/i },
    { key: 'submission', pattern: /^Submitted by\b/i },
  ],
  slotNames: {
    ordinary1: 'Ordinary shares',
    ordinary1Of2: 'Ordinary shares (1)',
    ordinary2: 'Ordinary shares (2)',
    preference: 'Preference shares',
    other: 'Other classes of shares',
  },
  subtotalNames: { ordinary: 'Ordinary shares', preference: 'Preference shares', other: 'Other classes of shares' },
  classWords: { ordinary: /ordinary/i, preference: /preference/i },
  noteMark: /\(\s*note\s*\d\s*\)/i,
  continuation:
    /^(\(\s*note\s*\d\s*\)|issuable|repurchased|redeemed|date\s*:?\s*\(dd\/mm\/yyyy\)\)?|\(dd\/mm\/yyyy\)\)?|\(if applicable\)|:)\s*/i,
  authorised: {
    columns: [
      { key: 'parValue', pattern: /par\s*value/i },
      { key: 'capital', pattern: /(authorised|registered).*capital/i },
      { key: 'shares', pattern: /^no\.?\s*of/i },
    ],
    rows: [
      { key: 'preceding', label: /^Balance at close of( the)? preceding/i },
      { key: 'movement', label: /^Increase\s*\/?\s*\(?decrease\)?/i },
      { key: 'closing', label: /^Balance at close of the month/i },
    ],
    stockCodeLine: /Stock code\s*:/i,
    codeAndDescription: /Stock code\s*:\s*(.*?)\s*(Description\s*:\s*(.*))?$/i,
    slotHeading: /^\d\.?\s*(Ordinary|Preference|Other)/i,
    slotWords: [
      [/preference/i, 'preference'],
      [/other/i, 'other'],
      [/ordinary/i, 'ordinary'],
    ],
    total: /^Total (authorised|registered)/i,
  },
  issued: {
    defaultTitle: 'II. Movements in Issued Share Capital',
    columns: [
      { key: 'ordinary2', pattern: /\(2\)/ },
      { key: 'ordinary1', pattern: /ordinary|\(1\)/i },
      { key: 'preference', pattern: /preference/i },
      { key: 'other', pattern: /other/i },
    ],
    rows: [
      { key: 'preceding', label: /^Balance at close of/i },
      { key: 'movement', label: /^Increase\s*\/?\s*\(?decrease\)?/i },
      { key: 'closing', label: /^Balance at close of/i },
    ],
  },
  subtotals: {
    start: (letter) => new RegExp(`^Total\\s+${letter}\\.?(\\s|\\(|$)`, 'i'),
    word: /^Total\b/i,
    kinds: [
      [/\(ordinary[^)]*\)/i, 'ordinary'],
      [/\(preference[^)]*\)/i, 'preference'],
      [/\(other[^)]*\)/i, 'other'],
    ],
  },
  newShares: [
    { key: 'issuable', pattern: /which\s+may\s+be|may be issued/i },
    { key: 'issued', pattern: /issuer\s+issued|issued\s+during/i },
  ],
  shareOptions: {
    columns: [
      { key: 'issuable', pattern: /which\s+may\s+be|may be issued/i },
      { key: 'issued', pattern: /issued\s+during|issuer\s+issued/i },
      { key: 'granted', pattern: /granted/i },
      { key: 'exercised', pattern: /exercised/i },
      { key: 'cancelled', pattern: /cancelled/i },
      { key: 'lapsed', pattern: /lapsed/i },
    ],
    lastHeadingLine: /\bGranted\b.*\bLapsed\b/i,
    movementLabels: { granted: 'Granted', exercised: 'Exercised', cancelled: 'Cancelled', lapsed: 'Lapsed' },
    fundsRaised: /^Total funds raised/i,
  },
  instruments: {
    columns: [
      { key: 'issuable', pattern: /which\s+may\s+be|may be issued/i },
      { key: 'issued', pattern: /issuer\s+issued|issued\s+during/i },
      { key: 'preceding', pattern: /preceding/i },
      { key: 'currency', pattern: /^currency/i },
      { key: 'closing', pattern: /close of the month|at close of the/i },
    ],
    movementColumn: { exercised: /exercised/i, converted: /converted/i },
    movementLabel: { exercised: 'Exercised during the month', converted: 'Converted during the month' },
    warrantsLastHeading: /^\(Date of expiry/i,
    convertiblesLastHeading: /^Class and description/i,
    fields: [
      { key: 'stockCode', label: /^Stock code(\s*\(if listed\))?\s*:?/i },
      { key: 'class', label: /^Class of shares(\s+issuable)?(\s*\(note\s*\d\))?\s*:?/i },
      { key: 'price', label: /^(Subscription|Conversion|Exercise)\s+price\s*:?/i },
      { key: 'approval', label: /^((EGM|AGM|SGM|General meeting)\s+)?approval date\s*:?/i },
    ],
  },
  otherArrangements: { lastHeadingLine: /class of shares issuable\s*:?\s*$/i },
  otherMovements: {
    // Most specific first: "Other (please specify): share consolidation" is a consolidation.
    eventTypes: [
      [/rights\s+issue/i, 'rights-issue'],
      [/open\s+offer/i, 'open-offer'],
      [/placing/i, 'placing'],
      [/bonus\s+issue/i, 'bonus-issue'],
      [/scrip\s+dividend/i, 'scrip-dividend'],
      [/repurchase|buy-?\s*back/i, 'repurchase'],
      [/redemption|redeemed/i, 'redemption'],
      [/consideration/i, 'consideration-issue'],
      [/consolidat/i, 'consolidation'],
      [/sub-?\s*division|subdivi|share split/i, 'subdivision'],
      [/reorgani[sz]ation/i, 'capital-reorganisation'],
      [/conversion|converted/i, 'conversion'],
      [/cancell?ation|cancelled/i, 'cancellation'],
    ],
    fields: [
      { key: 'class', label: /^Class(\s+of)?(\s+shares?)?(\s+(issuable|repurchased|redeemed))?\s*:?/i },
      {
        key: 'event',
        label:
          /^(Issue\s+and\s+allotment|Cancell?ation\s+date|Redemption\s+date|Date\s+of\s+(event|issue))(\s+date)?\s*:?/i,
      },
      { key: 'approval', label: /^((EGM|AGM|SGM|General\s+meeting)\s+)?approval\s+date\s*:?/i },
    ],
    classLabel: /^Class(\s|$)/i,
    atPrice: /^At\s+price/i,
    priceLabel: /^(At\s+price\s*:?|State|currency|State\s+currency)$/i,
    typeOfIssue: /^Type of Issue/i,
    otherSpecified: /^Other\s*\(\s*please specify\s*\)\s*:?\s*(.*)$/i,
    otherEvent: 'Other',
  },
  grandTotals: {
    slots: [
      { slot: 'preference', pattern: /in preference shares/i },
      { slot: 'other', pattern: /in other classes/i },
      { slot: 'ordinary1', pattern: /in ordinary shares/i },
    ],
    labelItem: /total/i,
    end: /^\(These figures/i,
  },
};

/** The Chinese template: full-width punctuation (：（）／), "(註 1)" for "(Note 1)", "(日/月/年)" for "(dd/mm/yyyy)". */
const ZH_HANT: LegacyLabels = {
  language: 'zh-Hant',
  title: /股份發行人的證券變動月報表/,
  header: {
    monthEnded: /截至月份/,
    issuerName: /公司名稱/,
    dateSubmitted: /呈交日期/,
    submittedBy: /呈交者\s*[:：]?/,
    submittedByTitle: /^職銜\s*[:：]?/,
    remarks: /^備註\s*([(（]\s*如有\s*[)）])?\s*[:：]?/,
  },
  headings: [
    { key: 'authorised', pattern: /^I\.?\s*法定股本變動/ },
    { key: 'issued', pattern: /^II\.?\s*已發行股本變動/ },
    { key: 'shareOptions', pattern: new RegExp(`^${LETTER}股份期權\\s*[（(]`) },
    { key: 'warrants', pattern: new RegExp(`^${LETTER}承諾發行.*權證`) },
    { key: 'convertibles', pattern: new RegExp(`^${LETTER}可換股票據\\s*[（(]`) },
    { key: 'otherArrangements', pattern: new RegExp(`^${LETTER}為發行將予上市`) },
    { key: 'otherMovements', pattern: new RegExp(`^${LETTER}已發行股本的其他變動`) },
    { key: 'grandTotals', pattern: /^本月普通股增加/ },
    { key: 'remarks', pattern: /^備註/ },
    { key: 'submission', pattern: /^呈交者/ },
  ],
  slotNames: {
    ordinary1: '普通股',
    ordinary1Of2: '普通股 (1)',
    ordinary2: '普通股 (2)',
    preference: '優先股',
    other: '其他類別股份',
  },
  subtotalNames: { ordinary: '普通股', preference: '優先股', other: '其他類別股份' },
  classWords: { ordinary: /普通股/, preference: /優先股/ },
  noteMark: /\(\s*註\s*\d\s*\)/,
  continuation: new RegExp(
    `^(\\(\\s*註\\s*\\d\\s*\\)|${DATE_HINT_ZH}|期(?=$|[\\s:：(（])\\s*[:：]?|[(（]\\s*如適用\\s*[)）]|[:：])\\s*`,
  ),
  authorised: {
    columns: [
      { key: 'parValue', pattern: /面值/ },
      { key: 'capital', pattern: /法定股本/ },
      { key: 'shares', pattern: /數目/ },
    ],
    rows: [
      { key: 'preceding', label: /^上月底結存/ },
      { key: 'movement', label: /^(本月)?增加\s*[／/]\s*[（(]?\s*減少\s*[）)]?/ },
      { key: 'closing', label: /^本月底結存/ },
    ],
    stockCodeLine: /股份代號/,
    codeAndDescription: /股份代號\s*[:：]?\s*(.*?)\s*(說明\s*[:：]\s*(.*))?$/,
    slotHeading: /^\d\.?\s*(普通股|優先股|其他類別股份)/,
    slotWords: [
      [/優先股/, 'preference'],
      [/其他類別/, 'other'],
      [/普通股/, 'ordinary'],
    ],
    total: /^本月底法定股本總額/,
  },
  issued: {
    defaultTitle: 'II. 已發行股本變動',
    columns: [
      { key: 'ordinary2', pattern: /\(2\)/ },
      { key: 'ordinary1', pattern: /普通股|\(1\)/ },
      { key: 'preference', pattern: /優先股/ },
      { key: 'other', pattern: /其他類別/ },
    ],
    rows: [
      { key: 'preceding', label: /^上月底結存/ },
      { key: 'movement', label: /^(本月)?增加\s*[／/]\s*[（(]?\s*減少\s*[）)]?/ },
      { key: 'closing', label: /^本月底結存/ },
    ],
  },
  subtotals: {
    start: (letter) => new RegExp(`^總數\\s*${letter}\\.?(\\s|\\(|$)`),
    word: /^總數/,
    kinds: [
      [/^(?:[A-E]\.\s*)?[(（]?\s*普通股\s*[)）]?$/, 'ordinary'],
      [/^(?:[A-E]\.\s*)?[(（]?\s*優先股\s*[)）]?$/, 'preference'],
      [/^(?:[A-E]\.\s*)?[(（]?\s*其他類別股份\s*[)）]?$/, 'other'],
    ],
  },
  // Column headings wrap mid-word in Chinese; they are matched with their spaces removed (columns.ts).
  newShares: [
    { key: 'issuable', pattern: /可能發行/ },
    { key: 'issued', pattern: /本月內因此發行/ },
  ],
  shareOptions: {
    columns: [
      { key: 'issuable', pattern: /可能發行/ },
      { key: 'issued', pattern: /本月內因此發行/ },
      { key: 'granted', pattern: /授出/ },
      { key: 'exercised', pattern: /行使/ },
      { key: 'cancelled', pattern: /註銷/ },
      { key: 'lapsed', pattern: /失效/ },
    ],
    lastHeadingLine: /授出.*失效/,
    movementLabels: { granted: '授出', exercised: '行使', cancelled: '註銷', lapsed: '失效' },
    fundsRaised: /^本月內因行使期權所得資金總額/,
  },
  instruments: {
    columns: [
      { key: 'issuable', pattern: /可能發行/ },
      { key: 'issued', pattern: /本月內因此發行/ },
      { key: 'preceding', pattern: /上月底/ },
      { key: 'currency', pattern: /^(面值|發行)貨幣/ },
      { key: 'closing', pattern: /^本月底(面值|已發行)/ },
    ],
    movementColumn: { exercised: /已行使/, converted: /已換股/ },
    movementLabel: { exercised: '本月內已行使', converted: '本月內已換股款額' },
    warrantsLastHeading: /^[(（]\s*到期日/,
    convertiblesLastHeading: /^類別及說明/,
    fields: [
      { key: 'stockCode', label: /^股份代號(\s*[(（]\s*如已上市\s*[)）])?\s*[:：]?/ },
      { key: 'class', label: /^可發行股份類別(\s*\(\s*註\s*\d\s*\))?\s*[:：]?/ },
      { key: 'price', label: /^(認購價|換股價|行使價)\s*[:：]?/ },
      { key: 'approval', label: /^股東(特別|週年)?大會通過日\s*[:：]?/ },
    ],
  },
  otherArrangements: { lastHeadingLine: /份類別\s*$/ },
  otherMovements: {
    eventTypes: [
      [/供股/, 'rights-issue'],
      [/公開招股|公開發售/, 'open-offer'],
      [/配售/, 'placing'],
      [/紅股/, 'bonus-issue'],
      [/以股代息/, 'scrip-dividend'],
      [/購回/, 'repurchase'],
      [/贖回/, 'redemption'],
      [/代價/, 'consideration-issue'],
      [/合併/, 'consolidation'],
      [/拆細|分拆/, 'subdivision'],
      [/重組/, 'capital-reorganisation'],
      [/轉換|換股/, 'conversion'],
      [/註銷/, 'cancellation'],
    ],
    fields: [
      { key: 'class', label: /^(可發行|所購回|所贖回)?股份類別(\s*\(\s*註\s*\d\s*\))?\s*[:：]?/ },
      { key: 'event', label: /^(發行及配發日期|註銷日期|贖回日期)\s*[:：]?/ },
      { key: 'approval', label: /^股東(特別|週年)?大會通過日\s*[:：]?/ },
    ],
    classLabel: /^(可發行|所購回|所贖回)股份類別/,
    atPrice: /^價格/,
    priceLabel: /^(價格\s*[:：]?|請註明貨幣|請註明|貨幣)$/,
    typeOfIssue: /^發行類別/,
    otherSpecified: /^其他\s*[(（]\s*請註明\s*[)）]\s*[:：]?\s*(.*)$/,
    otherEvent: '其他',
  },
  grandTotals: {
    slots: [
      { slot: 'preference', pattern: /^本月優先股增加/ },
      { slot: 'other', pattern: /^本月其他類別股份增加/ },
      { slot: 'ordinary1', pattern: /^本月普通股增加/ },
    ],
    labelItem: /總和|總額/,
    end: /^[（(]此數目/,
  },
};

export const LEGACY_LABELS: Readonly<Record<Language, LegacyLabels>> = { en: EN, 'zh-Hant': ZH_HANT };
