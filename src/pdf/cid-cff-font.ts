/**
 * A small CID-keyed CFF font program, built in code for the readers' warm-up page (warm-up-page.ts): the e-form
 * embeds its Chinese and its tick boxes in subsets of Adobe's CID-keyed CFF fonts (AdobeHeitiStd, AdobePiStd, as
 * /FontFile3 /Subtype /CIDFontType0C), which the project may not carry, and pdf.js reads such a program from its
 * header to every glyph's Type 2 charstring before the first text item: header, INDEXes, DICTs, the FDArray and its
 * Private DICTs, FDSelect, the charset, and a check of each charstring's operators and stack. A font built here has
 * what Adobe's subsets have (ROS, CIDFontVersion as a real number, an FDArray of several font DICTs, FDSelect as
 * ranges or a byte per glyph, a charset of CIDs, no subroutines) and real outlines: stems with hint and counter
 * masks, and each kind of line and curve operator, with widths in the charstring where the font DICT is
 * proportional. Formats: Adobe's Technical Notes 5176 (CFF) and 5177 (Type 2 charstrings).
 */

/** A font DICT of the FDArray, with what its Private DICT holds. */
export interface CffFontDict {
  readonly name: string;
  readonly defaultWidthX: number;
  /** A glyph whose width is not defaultWidthX carries it, less this (0 if unset), in its charstring. */
  readonly nominalWidthX?: number;
  /** Alignment zones, as absolute edges (bottom, top pairs). */
  readonly blueValues: readonly number[];
  readonly stdHW: number;
  readonly stdVW: number;
  /** 1 for ideographic fonts (Adobe's CJK fonts set it), which relaxes hinting. */
  readonly languageGroup?: number;
}

export interface CffGlyph {
  readonly cid: number;
  /** Index into the font's font DICTs. */
  readonly fd: number;
  /** Advance width in font units (1000 an em). */
  readonly width: number;
  /** A space: a width and no outline. */
  readonly blank?: boolean;
}

export interface CidKeyedCffFont {
  readonly name: string;
  readonly registry: string;
  readonly ordering: string;
  readonly supplement: number;
  readonly notice: string;
  readonly fontDicts: readonly CffFontDict[];
  /** In CID order, without .notdef (GID 0, added in the first font DICT). */
  readonly glyphs: readonly CffGlyph[];
  /** FDSelect format 3 (ranges, as a larger subset has it) or 0 (a byte per glyph). */
  readonly fdSelectFormat: 0 | 3;
}

/** CFF's standard strings end at SID 390; a font's own strings follow. */
const FIRST_CUSTOM_SID = 391;
/** SID of the standard string "Regular". */
const SID_REGULAR = 388;

type DictEntry = readonly [operator: number, operands: readonly number[]];

export function buildCidKeyedCff(font: CidKeyedCffFont): Uint8Array {
  const strings = [font.registry, font.ordering, font.notice, ...font.fontDicts.map((fd) => fd.name)];
  const sid = (i: number) => FIRST_CUSTOM_SID + i;
  const glyphs: readonly CffGlyph[] = [{ cid: 0, fd: 0, width: font.fontDicts[0]?.defaultWidthX ?? 0 }, ...font.glyphs];
  const charstrings = glyphs.map((glyph, gid) => {
    const fd = font.fontDicts[glyph.fd];
    if (!fd) throw new Error(`glyph ${glyph.cid}: no font DICT ${glyph.fd}`);
    // As in Adobe's fonts, a charstring gives its width only where it is not its font DICT's default.
    const width = glyph.width === fd.defaultWidthX ? undefined : glyph.width - (fd.nominalWidthX ?? 0);
    if (glyph.blank) return encodeCharstring([{ op: 'endchar', args: width === undefined ? [] : [width] }]);
    return encodeCharstring(gid === 0 ? notdefOutline(width) : glyphOutline(gid, width));
  });
  const privates = font.fontDicts.map((fd) =>
    encodeDict([
      [6, deltas(fd.blueValues)],
      [10, [fd.stdHW]],
      [11, [fd.stdVW]],
      [esc(12), [fd.stdHW, 8]],
      [esc(13), [fd.stdVW, 12]],
      ...(fd.languageGroup === undefined ? [] : ([[esc(17), [fd.languageGroup]]] as const)),
      [20, [fd.defaultWidthX]],
      ...(fd.nominalWidthX === undefined ? [] : ([[21, [fd.nominalWidthX]]] as const)),
    ]),
  );
  const charset = concat([[0], ...glyphs.slice(1).map((glyph) => uint16(glyph.cid))]);
  const fdSelect = font.fdSelectFormat === 0 ? [0, ...glyphs.map((glyph) => glyph.fd)] : fdSelectRanges(glyphs);
  const header = [1, 0, 4, 4];
  const names = encodeIndex([ascii(font.name)]);
  const stringIndex = encodeIndex(strings.map(ascii));
  const globalSubrs = encodeIndex([]);
  const charStringIndex = encodeIndex(charstrings);

  // The top DICT names the offsets of what follows it, and its own length depends on how they encode: lay out
  // until the offsets stop moving (two or three rounds).
  let offsets = { charset: 0, fdSelect: 0, charStrings: 0, fdArray: 0, privates: privates.map(() => 0) };
  for (let round = 0; round < 8; round++) {
    const fdArray = encodeIndex(
      font.fontDicts.map((_, i) =>
        encodeDict([
          [esc(38), [sid(3 + i)]],
          [18, [privates[i]?.length ?? 0, offsets.privates[i] ?? 0]],
        ]),
      ),
    );
    const topDict = encodeIndex([
      encodeDict([
        [esc(30), [sid(0), sid(1), font.supplement]],
        [1, [sid(2)]],
        [4, [SID_REGULAR]],
        [5, [-163, -283, 1087, 967]],
        [esc(31), [5.005]],
        [esc(34), [Math.max(...glyphs.map((glyph) => glyph.cid)) + 1]],
        [15, [offsets.charset]],
        [17, [offsets.charStrings]],
        [esc(37), [offsets.fdSelect]],
        [esc(36), [offsets.fdArray]],
      ]),
    ]);
    let at = header.length + names.length + topDict.length + stringIndex.length + globalSubrs.length;
    const next = { charset: at, fdSelect: 0, charStrings: 0, fdArray: 0, privates: [] as number[] };
    at += charset.length;
    next.fdSelect = at;
    at += fdSelect.length;
    next.charStrings = at;
    at += charStringIndex.length;
    next.fdArray = at;
    at += fdArray.length;
    for (const dict of privates) {
      next.privates.push(at);
      at += dict.length;
    }
    if (JSON.stringify(next) === JSON.stringify(offsets)) {
      return concat([
        header,
        names,
        topDict,
        stringIndex,
        globalSubrs,
        charset,
        fdSelect,
        charStringIndex,
        fdArray,
        ...privates,
      ]);
    }
    offsets = next;
  }
  throw new Error(`${font.name}: the CFF layout did not settle`);
}

/** FDSelect format 3: ranges of consecutive glyphs in one font DICT, then a sentinel (the glyph count). */
function fdSelectRanges(glyphs: readonly CffGlyph[]): number[] {
  const ranges: number[][] = [];
  glyphs.forEach((glyph, gid) => {
    if (gid === 0 || glyph.fd !== glyphs[gid - 1]?.fd) ranges.push([...uint16(gid), glyph.fd]);
  });
  return [3, ...uint16(ranges.length), ...ranges.flat(), ...uint16(glyphs.length)];
}

/** A charstring, as the steps that make it: a Type 2 operator and its operands, a hint mask's bytes where one. */
export interface CharstringStep {
  readonly op: keyof typeof CHARSTRING_OPERATORS;
  readonly args: readonly number[];
}

const CHARSTRING_OPERATORS = {
  hstem: 1,
  vstem: 3,
  vmoveto: 4,
  rlineto: 5,
  hlineto: 6,
  vlineto: 7,
  rrcurveto: 8,
  endchar: 14,
  hstemhm: 18,
  hintmask: 19,
  cntrmask: 20,
  rmoveto: 21,
  hmoveto: 22,
  vstemhm: 23,
  rcurveline: 24,
  rlinecurve: 25,
  vvcurveto: 26,
  hhcurveto: 27,
  vhcurveto: 30,
  hvcurveto: 31,
} as const;

/** Encodes the steps; each hint or counter mask gets a bit per stem declared so far, all set. */
export function encodeCharstring(steps: readonly CharstringStep[]): Uint8Array {
  const bytes: number[] = [];
  let stems = 0;
  for (const step of steps) {
    for (const value of step.args) bytes.push(...charstringNumber(value));
    const op = CHARSTRING_OPERATORS[step.op];
    bytes.push(op);
    if (op === 1 || op === 3 || op === 18 || op === 23 || op === 19 || op === 20) stems += step.args.length >> 1;
    if (op === 19 || op === 20) {
      for (let bit = 0; bit < stems; bit += 8) bytes.push((0xff << (8 - Math.min(8, stems - bit))) & 0xff);
    }
  }
  return new Uint8Array(bytes);
}

/** The empty box .notdef draws in Adobe's fonts. */
function notdefOutline(width: number | undefined): CharstringStep[] {
  return [
    { op: 'hstem', args: [...(width === undefined ? [] : [width]), -120, 50, 900, 50] },
    { op: 'vstem', args: [100, 50, 750, 50] },
    { op: 'rmoveto', args: [100, -120] },
    { op: 'hlineto', args: [800, 1000, -800] },
    { op: 'rmoveto', args: [50, -950] },
    { op: 'vlineto', args: [900, 700, -900] },
    { op: 'endchar', args: [] },
  ];
}

/**
 * A glyph's outline, varied by its glyph number so that the operands take each of the charstring's number forms
 * (a byte, two bytes, a 16.16 fraction): an outer box with a curved stroke inside and a dot, hinted with masks as
 * an ideograph of Adobe's is, or with plain stems for every third glyph.
 */
function glyphOutline(gid: number, width: number | undefined): CharstringStep[] {
  const v = (gid * 37) % 90;
  const masked = gid % 3 !== 0;
  const stem = masked ? 'hstemhm' : 'hstem';
  const vstem = masked ? 'vstemhm' : 'vstem';
  return [
    { op: stem, args: [...(width === undefined ? [] : [width]), -60 + v, 70, 240 + v, 68, 260, 72] },
    { op: vstem, args: [80 + v, 74, 300, 70, 180, 72] },
    ...(masked ? [{ op: 'cntrmask', args: [] } as const, { op: 'hintmask', args: [] } as const] : []),
    { op: 'rmoveto', args: [80 + v, -60 + v] },
    { op: 'hlineto', args: [760 - v, 770, -760 + v] },
    { op: 'vlineto', args: [-70] },
    { op: 'rlineto', args: [74, -630, 612 - v, 0] },
    { op: 'vlineto', args: [-70] },
    ...(masked ? [{ op: 'hintmask', args: [] } as const] : []),
    { op: 'rmoveto', args: [-300.5, 140 + v / 2] },
    { op: 'rrcurveto', args: [40, 60, 30, 120, 10, 190] },
    { op: 'hhcurveto', args: [12, 70, 30, 90, 0] },
    { op: 'vhcurveto', args: [-90, -40, -150, -100 - v] },
    { op: 'hvcurveto', args: [-30, -20, -60, -70, 5.25] },
    { op: 'vvcurveto', args: [-20, 10, -60, 18, -120] },
    { op: 'rcurveline', args: [30, -40, 60, -50, 80, -60, 40, 0] },
    { op: 'hmoveto', args: [150] },
    { op: 'rlinecurve', args: [60, 0, 0, 40, 20, 30, 40, 20, 60, 10] },
    { op: 'vmoveto', args: [-120 - v] },
    { op: 'hlineto', args: [60, 60, -60] },
    { op: 'endchar', args: [] },
  ];
}

/** A number in a charstring: a byte or two for most, 16 bits after 28 for larger integers, 16.16 after 255. */
function charstringNumber(value: number): number[] {
  if (!Number.isInteger(value)) {
    const fixed = Math.round(value * 65536) | 0;
    return [255, (fixed >>> 24) & 0xff, (fixed >>> 16) & 0xff, (fixed >>> 8) & 0xff, fixed & 0xff];
  }
  return Math.abs(value) <= 1131 ? smallInteger(value) : [28, ...uint16(value & 0xffff)];
}

/** An integer of -1131..1131 in one or two bytes, the same in DICTs and charstrings. */
function smallInteger(value: number): number[] {
  if (value >= -107 && value <= 107) return [value + 139];
  const magnitude = Math.abs(value) - 108;
  return [(value > 0 ? 247 : 251) + (magnitude >> 8), magnitude & 0xff];
}

/** A number in a DICT: as in a charstring up to 1131, then 16 or 32 bits after 28 or 29, a real as BCD nibbles. */
function dictNumber(value: number): number[] {
  if (!Number.isInteger(value)) {
    const nibbles = [...String(value)].map((c) => (c === '.' ? 0xa : c === '-' ? 0xe : Number(c)));
    nibbles.push(0xf);
    if (nibbles.length % 2 === 1) nibbles.push(0xf);
    const bytes = [30];
    for (let i = 0; i < nibbles.length; i += 2) bytes.push(((nibbles[i] ?? 0xf) << 4) | (nibbles[i + 1] ?? 0xf));
    return bytes;
  }
  if (Math.abs(value) <= 1131) return smallInteger(value);
  if (value >= -32768 && value <= 32767) return [28, ...uint16(value & 0xffff)];
  return [29, (value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
}

/** A two-byte operator: 12 then its second byte. */
const esc = (second: number) => (12 << 8) | second;

function encodeDict(entries: readonly DictEntry[]): Uint8Array {
  const bytes: number[] = [];
  for (const [operator, operands] of entries) {
    for (const value of operands) bytes.push(...dictNumber(value));
    bytes.push(...(operator > 0xff ? [operator >> 8, operator & 0xff] : [operator]));
  }
  return new Uint8Array(bytes);
}

/** An INDEX: a count, an offset size, the offsets (from 1), the data. */
function encodeIndex(items: readonly Uint8Array[]): Uint8Array {
  if (items.length === 0) return new Uint8Array([0, 0]);
  const ends = [1];
  for (const item of items) ends.push((ends.at(-1) ?? 1) + item.length);
  const last = ends.at(-1) ?? 1;
  const offSize = last < 0x100 ? 1 : last < 0x10000 ? 2 : last < 0x1000000 ? 3 : 4;
  const offsets = ends.flatMap((end) =>
    Array.from({ length: offSize }, (_, i) => (end >>> (8 * (offSize - 1 - i))) & 0xff),
  );
  return concat([[...uint16(items.length), offSize, ...offsets], ...items]);
}

/** BlueValues and the like are written as differences, each edge from the one before. */
const deltas = (values: readonly number[]) => values.map((value, i) => value - (i === 0 ? 0 : (values[i - 1] ?? 0)));

const uint16 = (value: number) => [(value >> 8) & 0xff, value & 0xff];

const ascii = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

function concat(parts: readonly (Uint8Array | readonly number[])[]): Uint8Array {
  return new Uint8Array(parts.flatMap((part) => [...part]));
}
