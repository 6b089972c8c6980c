import { describe, expect, it } from 'vitest';
import { buildCidKeyedCff } from '../../src/pdf/cid-cff-font.js';

const TICK = {
  name: 'X+Tick',
  registry: 'Adobe',
  ordering: 'Identity',
  supplement: 0,
  notice: 'n',
  fontDicts: [{ name: 'Tick', defaultWidthX: 0, blueValues: [-25, 0, 725, 750], stdHW: 50, stdVW: 50 }],
  glyphs: [{ cid: 79, fd: 0, width: 846 }],
  fdSelectFormat: 0,
} as const;

describe('buildCidKeyedCff', () => {
  it('writes the CFF header, the name INDEX and a top DICT that opens with ROS and a real CIDFontVersion', () => {
    const bytes = [...buildCidKeyedCff(TICK)];
    // Header: version 1.0, header size 4, offsets of 4 bytes; then the name INDEX: 1 name, 1-byte offsets 1 and 7.
    expect(bytes.slice(0, 4)).toEqual([1, 0, 4, 4]);
    expect(bytes.slice(4, 9)).toEqual([0, 1, 1, 1, 7]);
    expect(Buffer.from(bytes.slice(9, 15)).toString('latin1')).toBe('X+Tick');
    // The top DICT INDEX (count 1, 1-byte offsets: 5 bytes before its DICT): ROS is SIDs 391 and 392 (two bytes each: 247 + (n - 108) >> 8, ...) and 0,
    // then 12 30; CIDFontVersion 5.005 as BCD nibbles 5 . 0 0 5 end (0x5a 0x00 0x5f), then 12 31.
    const top = bytes.slice(15 + 5);
    expect(top.slice(0, 7)).toEqual([248, 27, 248, 28, 139, 12, 30]);
    const version = top.indexOf(31, 7);
    expect(top.slice(version - 5, version + 1)).toEqual([30, 0x5a, 0x00, 0x5f, 12, 31]);
  });

  it('writes a space as its width and endchar, the width given where it is not the font DICT default', () => {
    const space = { ...TICK, glyphs: [{ cid: 1, fd: 0, width: 224, blank: true }] };
    const bytes = Buffer.from(buildCidKeyedCff(space));
    // 224 - nominalWidthX (0) in two bytes: 247 + ((224 - 108) >> 8) = 247 and (224 - 108) & 0xff = 116; endchar 14,
    // right after .notdef's closing endchar.
    const at = bytes.indexOf(Buffer.from([247, 116, 14]));
    expect(bytes[at - 1]).toBe(14);
    expect(bytes.indexOf(Buffer.from([247, 116, 14]), at + 1)).toBe(-1);
  });
});
