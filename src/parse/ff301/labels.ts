/**
 * The words FF301 prints, per language. The English and Traditional Chinese forms have one layout; only these
 * labels differ, so they live here as data and the readers never branch on the language. Wording that changed
 * between versions ("Listed on SEHK" -> "Listed on the Exchange") is covered by one pattern for both.
 */
import type { Language, MovementType, OtherMovementType, SubmissionStatus } from '../../domain/monthly-return.js';

export interface Ff301Labels {
  /** The first words of the form's title on page 1. */
  readonly title: RegExp;
  readonly header: {
    readonly monthEnded: RegExp;
    readonly status: RegExp;
    readonly issuerName: RegExp;
    readonly dateSubmitted: RegExp;
    readonly addressee: RegExp;
  };
  readonly statuses: readonly (readonly [RegExp, SubmissionStatus])[];
  readonly parts: {
    readonly I: RegExp;
    readonly II: RegExp;
    readonly III: RegExp;
    readonly IV: RegExp;
    readonly V: RegExp;
    readonly notes: RegExp;
  };
  /** Printed after a part's heading when it has nothing to report. */
  readonly notApplicable: RegExp;
  readonly classBlock: {
    readonly className: RegExp;
    readonly typeOfShares: RegExp;
    readonly listed: RegExp;
    readonly stockCode: RegExp;
    readonly multiCounter: RegExp;
    readonly description: RegExp;
    /** "Other type (Please specify)": a second line some filers use to name the type. */
    readonly otherType: RegExp;
  };
  readonly yes: RegExp;
  readonly no: RegExp;
  readonly balanceRows: { readonly preceding: RegExp; readonly movement: RegExp; readonly closing: RegExp };
  readonly totalAuthorisedCapital: RegExp;
  readonly remarks: RegExp;
  readonly publicFloat: {
    readonly heading: RegExp;
    /** Tested before `complied`, whose words it contains. */
    readonly notComplied: RegExp;
    readonly complied: RegExp;
    readonly threshold: RegExp;
    readonly additionalInformation: RegExp;
  };
  /** Label rows printed under a row of the III tables. */
  readonly fieldRows: {
    readonly generalMeetingApprovalDate: RegExp;
    readonly instrumentStockCode: RegExp;
    readonly price: RegExp;
    readonly dateOfExpiry: RegExp;
    readonly instrumentType: RegExp;
  };
  readonly totals: {
    /** v1.0.x: "Total A (Ordinary shares):"; group 1 the part letter, group 2 the class. */
    readonly sectionTotal: RegExp;
    readonly fundsRaised: RegExp;
    /** v1.0.x: "Total increase / decrease (-) in <class> during the month (i.e. Total of A to E)". */
    readonly grandTotal: RegExp;
  };
  readonly signatory: { readonly submittedBy: RegExp; readonly title: RegExp };
  readonly movementTypes: readonly (readonly [RegExp, MovementType])[];
  readonly otherMovementTypes: readonly (readonly [RegExp, OtherMovementType])[];
  readonly hdr: {
    /** A column heading of part IV's table: "Number of underlying shares represented by the HDRs". */
    readonly underlyingShares: RegExp;
    /** The rows under an HDR class block: "Depositary ... HDR ratio ...", "Underlying class of shares ...". */
    readonly depositary: RegExp;
    readonly ratio: RegExp;
    readonly underlyingClass: RegExp;
    /** "1 HDR : 2 ordinary shares": group 1 the HDRs, group 2 the shares. */
    readonly ratioValue: RegExp;
  };
}

const en: Ff301Labels = {
  title: /^Monthly Return for Equity Issuer/,
  header: {
    monthEnded: /^For the month ended\s*:?/,
    status: /^Status\s*:?/,
    issuerName: /^Name of Issuer\s*:?/,
    dateSubmitted: /^Date Submitted\s*:?/,
    addressee: /^To\s*:/,
  },
  statuses: [
    [/^Resubmission/i, 'resubmission'],
    [/^New Submission/i, 'new'],
  ],
  parts: {
    I: /^I\.\s*Movements in Authorised/,
    II: /^II\.\s*Movements in Issued/,
    III: /^III\.\s*Details of Movements/,
    IV: /^IV\.\s*Information about Hong Kong Depositary/,
    V: /^V\.\s*Confirmations?/,
    notes: /^Notes$/,
  },
  notApplicable: /Not applicable$/i,
  classBlock: {
    className: /^\d+\.\s*Class of shares(?: issuable| repurchased| redeemed)?/,
    typeOfShares: /Type of shares/,
    listed:
      /(?:Shares issuable to be listed on|Listed on) (?:SEHK|the Exchange)(?: \(Note \d+\))?|Shares (?:repurchased|redeemed) listed on (?:SEHK|the Exchange)(?: \(Note \d+\))?/,
    // "Stock code of HDR (if listed)" heads part IV's class: its words are the label's, never part of the code.
    stockCode:
      /^Stock code(?: of (?:shares (?:issuable|repurchased|redeemed)|HDRs?))?(?: \(if listed(?: on (?:SEHK|the Exchange))?\))?(?: \(Note \d+\))?/,
    multiCounter: /^Multi-counter stock code/,
    description: /Description/,
    otherType: /^Other type \(Please specify\)/i,
  },
  yes: /^Yes$/i,
  no: /^No$/i,
  balanceRows: {
    preceding: /^Balance at close of preceding month/,
    movement: /^Increase\s*\/\s*decrease\s*\(-\)/,
    closing: /^Balance at close of the month/,
  },
  totalAuthorisedCapital: /^Total authorised\/registered share capital at the end of the month\s*:?/,
  remarks: /^Remarks\s*:?/,
  publicFloat: {
    heading: /^Public float sufficiency confirmation/,
    notComplied: /has not been complied with/,
    complied: /has been complied with/,
    threshold: /^Applicable public float threshold/,
    additionalInformation: /^Additional information/,
  },
  fieldRows: {
    generalMeetingApprovalDate: /^General Meeting approval date(?: \(if applicable\))?/,
    instrumentStockCode:
      /^Stock code of the (?:Warrants?|Convertibles?)(?: \(if listed(?: on (?:SEHK|the Exchange))?\))?(?: \(Note \d+\))?/,
    price: /^(?:Subscription\/Conversion price|Subscription price|Conversion price|Exercise price)/,
    dateOfExpiry: /^Date of expiry/,
    instrumentType: /^Type of the Convertibles/,
  },
  totals: {
    sectionTotal: /^Total ([A-E]) \((.+)\)\s*:?/,
    fundsRaised: /^Total funds raised during the month from exercise of options\s*:?/,
    grandTotal: /^Total increase\s*\/\s*decrease \(-\) in (.+?) during the month \(i\.e\. Total of A to E\)\s*:?/,
  },
  signatory: { submittedBy: /^Submitted by\s*:?/, title: /^Title\s*:?/ },
  movementTypes: [
    [/^Grant/i, 'granted'],
    [/^Exercis/i, 'exercised'],
    [/^Cancel/i, 'cancelled'],
    [/^Laps/i, 'lapsed'],
    [/^Issu/i, 'issued'],
    [/^Conver/i, 'converted'],
    [/^Redeem|^Redemption/i, 'redeemed'],
    [/^Vest/i, 'vested'],
    [/^Other/i, 'other'],
  ],
  otherMovementTypes: [
    [/repurchase/i, 'repurchase'],
    [/redemption|redeem/i, 'redemption'],
    [/cancel/i, 'cancellation'],
    [/placing/i, 'placing'],
    [/consideration/i, 'consideration-issue'],
    [/rights issue/i, 'rights-issue'],
    [/open offer/i, 'open-offer'],
    [/bonus/i, 'bonus-issue'],
    [/scrip/i, 'scrip-dividend'],
    [/consolidat/i, 'consolidation'],
    [/sub-?divi/i, 'subdivision'],
    [/reorgani[sz]ation/i, 'capital-reorganisation'],
    [/treasury/i, 'treasury-transfer'],
    [/conver/i, 'conversion'],
  ],
  hdr: {
    underlyingShares: /underlying shares/i,
    depositary: /^Depositary(?: \(Note \d+\))?/,
    ratio: /HDR ratio(?: \(Note \d+\))?/,
    underlyingClass: /^Underlying class of shares/,
    ratioValue: /^(\d[\d,]*(?:\.\d+)?)\s*HDRs?\s*[:：]\s*(\d[\d,]*(?:\.\d+)?)\b/i,
  },
};

const zhHant: Ff301Labels = {
  title: /^股份發行人/,
  header: {
    monthEnded: /^截至月份\s*[:：]?/,
    status: /^狀態\s*[:：]?/,
    issuerName: /^公司名稱\s*[:：]?/,
    dateSubmitted: /^呈交日期\s*[:：]?/,
    addressee: /^致\s*[:：]/,
  },
  statuses: [
    [/^重新(?:提交|呈交)/, 'resubmission'],
    [/^新(?:提交|呈交)/, 'new'],
  ],
  parts: {
    I: /^I\.\s*法定/,
    II: /^II\.\s*已發行股份/,
    III: /^III\.\s*已發行股份.*詳情/,
    IV: /^IV\.\s*有關香港預託證券/,
    V: /^V\.\s*確認/,
    notes: /^註$/,
  },
  notApplicable: /不適用$/,
  classBlock: {
    className: /^\d+\.\s*(?:可能發行的|已購回|已贖回)?股份分類/,
    typeOfShares: /股份類別/,
    listed: /(?:可能發行的股份|已購回股份|已贖回股份)?於(?:香港)?聯交所上市\s*(?:[（(]註\s*\d+[)）])?/,
    stockCode:
      /^(?:可能發行的股份的|已購回股份的|已贖回股份的|(?:香港)?預託證券的)?證券代號\s*(?:[（(]如(?:於(?:香港)?聯交所)?上市[)）])?\s*(?:[（(]註\s*\d+[)）])?/,
    multiCounter: /^多櫃[台檯枱]證券代號/,
    description: /說明/,
    otherType: /^其他類別\s*[（(]請註明[)）]/,
  },
  yes: /^是$/,
  no: /^否$/,
  balanceRows: {
    preceding: /^上月底結存/,
    movement: /^增加\s*\/\s*減少\s*\(-\)/,
    closing: /^本月底結存/,
  },
  totalAuthorisedCapital: /^本月底法定\/註冊股本總額\s*[:：]?/,
  remarks: /^備註\s*[:：]?/,
  publicFloat: {
    heading: /^公眾持股量/,
    notComplied: /(?:未有|未能|並未|沒有)(?:獲)?遵守/,
    complied: /遵守/,
    threshold: /^適用的?公眾持股量(?:門檻|水平)/,
    additionalInformation: /^(?:其他|補充|額外)資料/,
  },
  fieldRows: {
    generalMeetingApprovalDate: /^股東大會通過日期\s*(?:[（(]如適用[)）])?/,
    instrumentStockCode: /^(?:權證|可換股票據)的?證券代號\s*(?:[（(][^)）]*[)）]\s*)*/,
    price: /^(?:認購價\s*\/\s*轉換價|認購\/轉換價|認購價|轉換價|行使價)/,
    dateOfExpiry: /^(?:屆滿日期|到期日)/,
    instrumentType: /^可換股票據(?:的)?類別/,
  },
  totals: {
    sectionTotal: /^(?:總數|合計|總計)\s*([A-E])\s*[（(](.+)[)）]\s*[:：]?/,
    fundsRaised: /^本月[內内]?因行使期權所得(?:的)?資金總額\s*[:：]?/,
    grandTotal:
      /^本月[內内]?(.+?)(?:合共)?增加\s*\/\s*減少\s*\(-\)\s*總額\s*[（(]即\s*A\s*至\s*E\s*項的總和[)）]\s*[:：]?/,
  },
  signatory: { submittedBy: /^呈交者\s*[:：]?/, title: /^職銜\s*[:：]?/ },
  movementTypes: [
    [/^授出/, 'granted'],
    [/^行使/, 'exercised'],
    [/^註銷/, 'cancelled'],
    [/^失效/, 'lapsed'],
    [/^發行/, 'issued'],
    [/^轉換/, 'converted'],
    [/^贖回/, 'redeemed'],
    [/^歸屬/, 'vested'],
    [/^其他/, 'other'],
  ],
  otherMovementTypes: [
    [/購回/, 'repurchase'],
    [/贖回/, 'redemption'],
    [/註銷/, 'cancellation'],
    [/配售/, 'placing'],
    [/代價/, 'consideration-issue'],
    [/供股/, 'rights-issue'],
    [/公開發售/, 'open-offer'],
    [/紅股/, 'bonus-issue'],
    [/以股代息/, 'scrip-dividend'],
    [/合併/, 'consolidation'],
    [/拆細/, 'subdivision'],
    [/資本重組/, 'capital-reorganisation'],
    [/庫存/, 'treasury-transfer'],
    [/轉換/, 'conversion'],
  ],
  // No Chinese return with part IV filled in has been seen: these row labels follow the form's wording elsewhere.
  hdr: {
    underlyingShares: /相關股份/,
    depositary: /^存管人/,
    ratio: /(?:香港)?預託證券比率/,
    underlyingClass: /^相關股份(?:的)?(?:分類|類別)/,
    ratioValue: /^(\d[\d,]*(?:\.\d+)?)\s*(?:份)?(?:香港)?預託證券\s*[:：]\s*(\d[\d,]*(?:\.\d+)?)/,
  },
};

export const FF301_LABELS: Readonly<Record<Language, Ff301Labels>> = { en, 'zh-Hant': zhHant };

/** Codes the form prints in both languages: the III totals "(AA1)" ... "(EE2)" and the grand totals' "AA1 to EE1". */
export const TOTAL_CODE = /[（(]\s*([A-E])\1\s*([12])\s*[)）]\s*$/;
export const GRAND_TOTAL_CODE = /AA([12])\s*(?:to|至)\s*EE\1/;
/** "1).", "2)." that number the rows of the III tables. */
export const ROW_MARKER = /^\d{1,3}\)\.?$/;
/** The tick HKEX's e-form draws (U+2714 in AdobePiStd) against the chosen public float statement. */
export const TICK = /^[✔✓✅☑]$/u;
