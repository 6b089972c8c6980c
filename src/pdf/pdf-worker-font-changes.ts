/**
 * The text-only worker's changes to what pdf.js does with an embedded font (5 to 9 of the list in
 * pdf-worker-text-only.ts, in this order). A text item's str, dir, transform, width, height and hasEOL come from a
 * font's codes (its CMap), widths, font matrix and Unicode (its ToUnicode map, else its encoding or character
 * collection), which pdf.js works out before, or beside, the steps below; those steps make the OpenType file its font
 * loader and renderer draw with (`Font.data`, and the glyph mapping inside it, `toFontChar` and `seacMap`), which
 * text extraction never reads. An error that would make pdf.js give up on a font and read it as a system font
 * instead is still thrown wherever that fallback could change the font's text.
 */

/** One change: `find`, exactly once in pdf.js's worker, becomes `replace`; `why` names it. */
export interface WorkerChange {
  readonly why: string;
  readonly find: string;
  readonly replace: string;
}

export const FONT_FILE_CHANGES: readonly WorkerChange[] = [
  {
    why: "a TrueType font's glyphs are rewritten only where pdf.js's rewriting could fail",
    // Font.checkAndRepair sanitises the font's hinting programs (which only ever warns) and copies every glyph into a
    // new glyph table for the file it builds, noting the glyphs without an outline for the glyph mapping (which the
    // next change removes). Text could only see the copy fail: a RangeError where overlapping glyphs overrun the new
    // table, a TypeError for a font of no glyphs; the font then falls back. Where the glyph locations run in order
    // (every TrueType font of the corpus and the fixtures) glyphs cannot overlap and the copy cannot fail; elsewhere
    // both run as before (textOnlyGlyphsInOrder, below), the hinting first, as it decides what each glyph copies.
    find: `    const hintsValid = sanitizeTTPrograms(tables.fpgm, tables.prep, tables["cvt "], maxFunctionDefs);
    if (!hintsValid) {
      delete tables.fpgm;
      delete tables.prep;
      delete tables["cvt "];
    }
    sanitizeMetrics(font, tables.hhea, tables.hmtx, tables.head, numGlyphsOut, dupFirstEntry);
    if (!tables.head) {
      throw new FormatError('Required "head" table is not found');
    }
    sanitizeHead(tables.head, numGlyphs, isTrueType ? tables.loca.length : 0);
    let missingGlyphs = Object.create(null);
    if (isTrueType) {
      const isGlyphLocationsLong = int16(tables.head.data[50], tables.head.data[51]);
      const glyphsInfo = sanitizeGlyphLocations(tables.loca, tables.glyf, numGlyphs, isGlyphLocationsLong, hintsValid, dupFirstEntry, maxSizeOfInstructions);
      missingGlyphs = glyphsInfo.missingGlyphs;
      if (version >= 0x00010000 && tables.maxp.length >= 32) {
        tables.maxp.data[26] = glyphsInfo.maxSizeOfInstructions >> 8;
        tables.maxp.data[27] = glyphsInfo.maxSizeOfInstructions & 255;
      }
    }`,
    replace: `    sanitizeMetrics(font, tables.hhea, tables.hmtx, tables.head, numGlyphsOut, dupFirstEntry);
    if (!tables.head) {
      throw new FormatError('Required "head" table is not found');
    }
    sanitizeHead(tables.head, numGlyphs, isTrueType ? tables.loca.length : 0);
    if (isTrueType) {
      const isGlyphLocationsLong = int16(tables.head.data[50], tables.head.data[51]);
      if (!textOnlyGlyphsInOrder(tables.loca.data, tables.glyf.data.length, numGlyphs, isGlyphLocationsLong)) {
        const hintsValid = sanitizeTTPrograms(tables.fpgm, tables.prep, tables["cvt "], maxFunctionDefs);
        sanitizeGlyphLocations(tables.loca, tables.glyf, numGlyphs, isGlyphLocationsLong, hintsValid, dupFirstEntry, maxSizeOfInstructions);
      }
    }`,
  },
  {
    why: 'no OpenType file built from a TrueType font',
    // Everything of Font.checkAndRepair after the font's tables are checked and its metrics read: the post table and
    // its glyph names, the glyph mapping (from the font's cmap, or a CID font's CMap), the new cmap, OS/2, CFF and
    // name tables, and the file. Kept: the errors the mapping throws (a CID string of more than two bytes or a CID
    // beyond 65,535, neither of which an Identity CMap can give), the parse of an OpenType font's CFF table (it may
    // set the font matrix, which scales every width), and the name table's records (for a symbolic font's text).
    find: `    if (tables.post) {
      readPostScriptTable(tables.post, properties, numGlyphs);
    }
    tables.post = {
      tag: "post",
      data: createPostTable(properties)
    };
    const charCodeToGlyphId = Object.create(null);
    function hasGlyph(glyphId) {
      return !missingGlyphs[glyphId];
    }
    if (properties.composite) {
      const cidToGidMap = properties.cidToGidMap || [];
      const isCidToGidMapEmpty = cidToGidMap.length === 0;
      properties.cMap.forEach(function (charCode, cid) {
        if (typeof cid === "string") {
          cid = convertCidString(charCode, cid, true);
        }
        if (cid > 0xffff) {
          throw new FormatError("Max size of CID is 65,535");
        }
        let glyphId = -1;
        if (isCidToGidMapEmpty) {
          glyphId = cid;
        } else if (cidToGidMap[cid] !== undefined) {
          glyphId = cidToGidMap[cid];
        }
        if (glyphId >= 0 && glyphId < numGlyphs && hasGlyph(glyphId)) {
          charCodeToGlyphId[charCode] = glyphId;
        }
      });
    } else {
      const cmapTable = readCmapTable(tables.cmap, font, this.isSymbolicFont, properties.hasEncoding);
      const cmapPlatformId = cmapTable.platformId;
      const cmapEncodingId = cmapTable.encodingId;
      const cmapMappings = cmapTable.mappings;
      let baseEncoding = [],
        forcePostTable = false;
      if (properties.hasEncoding && (properties.baseEncodingName === "MacRomanEncoding" || properties.baseEncodingName === "WinAnsiEncoding")) {
        baseEncoding = getEncoding(properties.baseEncodingName);
      }
      if (properties.hasEncoding && !this.isSymbolicFont && (cmapPlatformId === 3 && cmapEncodingId === 1 || cmapPlatformId === 1 && cmapEncodingId === 0)) {
        const glyphsUnicodeMap = getGlyphsUnicode();
        for (let charCode = 0; charCode < 256; charCode++) {
          let glyphName;
          if (this.differences[charCode] !== undefined) {
            glyphName = this.differences[charCode];
          } else if (baseEncoding.length && baseEncoding[charCode] !== "") {
            glyphName = baseEncoding[charCode];
          } else {
            glyphName = StandardEncoding[charCode];
          }
          if (!glyphName) {
            continue;
          }
          const standardGlyphName = recoverGlyphName(glyphName, glyphsUnicodeMap);
          let unicodeOrCharCode;
          if (cmapPlatformId === 3 && cmapEncodingId === 1) {
            unicodeOrCharCode = glyphsUnicodeMap[standardGlyphName];
          } else if (cmapPlatformId === 1 && cmapEncodingId === 0) {
            unicodeOrCharCode = MacRomanEncoding.indexOf(standardGlyphName);
          }
          if (unicodeOrCharCode === undefined) {
            if (!properties.glyphNames && properties.hasIncludedToUnicodeMap && !(this.toUnicode instanceof IdentityToUnicodeMap)) {
              const unicode = this.toUnicode.get(charCode);
              if (unicode) {
                unicodeOrCharCode = unicode.codePointAt(0);
              }
            }
            if (unicodeOrCharCode === undefined) {
              continue;
            }
          }
          for (const mapping of cmapMappings) {
            if (mapping.charCode !== unicodeOrCharCode) {
              continue;
            }
            charCodeToGlyphId[charCode] = mapping.glyphId;
            break;
          }
        }
      } else if (cmapPlatformId === 0) {
        for (const mapping of cmapMappings) {
          charCodeToGlyphId[mapping.charCode] = mapping.glyphId;
        }
        forcePostTable = true;
      } else if (cmapPlatformId === 3 && cmapEncodingId === 0) {
        for (const mapping of cmapMappings) {
          let charCode = mapping.charCode;
          if (charCode >= 0xf000 && charCode <= 0xf0ff) {
            charCode &= 0xff;
          }
          charCodeToGlyphId[charCode] = mapping.glyphId;
        }
      } else {
        for (const mapping of cmapMappings) {
          charCodeToGlyphId[mapping.charCode] = mapping.glyphId;
        }
      }
      if (properties.glyphNames && (baseEncoding.length || this.differences.length)) {
        for (let i = 0; i < 256; ++i) {
          if (!forcePostTable && charCodeToGlyphId[i] !== undefined) {
            continue;
          }
          const glyphName = this.differences[i] || baseEncoding[i];
          if (!glyphName) {
            continue;
          }
          const glyphId = properties.glyphNames.indexOf(glyphName);
          if (glyphId > 0 && hasGlyph(glyphId)) {
            charCodeToGlyphId[i] = glyphId;
          }
        }
      }
    }
    if (charCodeToGlyphId.length === 0) {
      charCodeToGlyphId[0] = 0;
    }
    let glyphZeroId = numGlyphsOut - 1;
    if (!dupFirstEntry) {
      glyphZeroId = 0;
    }
    if (!properties.cssFontInfo) {
      const newMapping = adjustMapping(charCodeToGlyphId, hasGlyph, glyphZeroId, this.toUnicode);
      this.toFontChar = newMapping.toFontChar;
      tables.cmap = {
        tag: "cmap",
        data: createCmapTable(newMapping.charCodeToGlyphId, newMapping.toUnicodeExtraMap, numGlyphsOut)
      };
      if (!tables["OS/2"] || !validateOS2Table(tables["OS/2"], font)) {
        tables["OS/2"] = {
          tag: "OS/2",
          data: createOS2Table(properties, newMapping.charCodeToGlyphId, metricsOverride)
        };
      }
    }
    if (!isTrueType) {
      try {
        cffFile = new Stream(tables["CFF "].data);
        const parser = new CFFParser(cffFile, properties, SEAC_ANALYSIS_ENABLED);
        cff = parser.parse();
        cff.duplicateFirstGlyph();
        const compiler = new CFFCompiler(cff);
        tables["CFF "].data = compiler.compile();
      } catch {
        warn("Failed to compile font " + properties.loadedName);
      }
    }
    if (!tables.name) {
      tables.name = {
        tag: "name",
        data: createNameTable(this.name)
      };
    } else {
      const [namePrototype, nameRecords] = readNameTable(tables.name);
      tables.name.data = createNameTable(name, namePrototype);
      this.psName = namePrototype[0][6] || null;
      if (!properties.composite) {
        adjustTrueTypeToUnicode(properties, this.isSymbolicFont, nameRecords);
      }
    }
    const builder = new OpenTypeFileBuilder(header.version);
    for (const tableTag in tables) {
      builder.addTable(tableTag, tables[tableTag].data);
    }
    return builder.toArray();
  }`,
    replace: `    if (properties.composite && !(properties.cMap instanceof IdentityCMap)) {
      properties.cMap.forEach(function (charCode, cid) {
        if (typeof cid === "string") {
          cid = convertCidString(charCode, cid, true);
        }
        if (cid > 0xffff) {
          throw new FormatError("Max size of CID is 65,535");
        }
      });
    }
    if (!isTrueType) {
      try {
        new CFFParser(new Stream(tables["CFF "].data), properties, SEAC_ANALYSIS_ENABLED).parse();
      } catch {
        warn("Failed to compile font " + properties.loadedName);
      }
    }
    if (tables.name) {
      const [namePrototype, nameRecords] = readNameTable(tables.name);
      this.psName = namePrototype[0][6] || null;
      if (!properties.composite) {
        adjustTrueTypeToUnicode(properties, this.isSymbolicFont, nameRecords);
      }
    }
    return new Uint8Array(0);
  }`,
  },
  {
    why: 'no OpenType file built around a CFF or Type 1 font',
    // Font.convert after a Type 1 font's built-in encoding has amended its text: the glyph mapping, the accented
    // characters' (seac) map and the OpenType tables around the font program, all for drawing.
    find: String.raw`    let glyphZeroId = 1;
    if (font instanceof CFFFont) {
      glyphZeroId = font.numGlyphs - 1;
    }
    const mapping = font.getGlyphMapping(properties);
    let newMapping = null;
    let newCharCodeToGlyphId = mapping;
    let toUnicodeExtraMap = null;
    if (!properties.cssFontInfo) {
      newMapping = adjustMapping(mapping, font.hasGlyphId.bind(font), glyphZeroId, this.toUnicode);
      this.toFontChar = newMapping.toFontChar;
      newCharCodeToGlyphId = newMapping.charCodeToGlyphId;
      toUnicodeExtraMap = newMapping.toUnicodeExtraMap;
    }
    const numGlyphs = font.numGlyphs;
    function getCharCodes(charCodeToGlyphId, glyphId) {
      let charCodes = null;
      for (const charCode in charCodeToGlyphId) {
        if (glyphId === charCodeToGlyphId[charCode]) {
          (charCodes ||= []).push(charCode | 0);
        }
      }
      return charCodes;
    }
    function createCharCode(charCodeToGlyphId, glyphId) {
      for (const charCode in charCodeToGlyphId) {
        if (glyphId === charCodeToGlyphId[charCode]) {
          return charCode | 0;
        }
      }
      newMapping.charCodeToGlyphId[newMapping.nextAvailableFontCharCode] = glyphId;
      return newMapping.nextAvailableFontCharCode++;
    }
    const seacs = font.seacs;
    if (newMapping && SEAC_ANALYSIS_ENABLED && seacs?.length) {
      const matrix = properties.fontMatrix || FONT_IDENTITY_MATRIX;
      const charset = font.getCharset();
      const seacMap = Object.create(null);
      for (let glyphId in seacs) {
        glyphId |= 0;
        const seac = seacs[glyphId];
        const baseGlyphName = StandardEncoding[seac[2]];
        const accentGlyphName = StandardEncoding[seac[3]];
        const baseGlyphId = charset.indexOf(baseGlyphName);
        const accentGlyphId = charset.indexOf(accentGlyphName);
        if (baseGlyphId < 0 || accentGlyphId < 0) {
          continue;
        }
        const accentOffset = {
          x: seac[0] * matrix[0] + seac[1] * matrix[2] + matrix[4],
          y: seac[0] * matrix[1] + seac[1] * matrix[3] + matrix[5]
        };
        const charCodes = getCharCodes(mapping, glyphId);
        if (!charCodes) {
          continue;
        }
        for (const charCode of charCodes) {
          const charCodeToGlyphId = newMapping.charCodeToGlyphId;
          const baseFontCharCode = createCharCode(charCodeToGlyphId, baseGlyphId);
          const accentFontCharCode = createCharCode(charCodeToGlyphId, accentGlyphId);
          seacMap[charCode] = {
            baseFontCharCode,
            accentFontCharCode,
            accentOffset
          };
        }
      }
      properties.seacMap = seacMap;
    }
    const unitsPerEm = properties.fontMatrix ? 1 / Math.max(...properties.fontMatrix.slice(0, 4).map(Math.abs)) : 1000;
    const builder = new OpenTypeFileBuilder("\x4F\x54\x54\x4F");
    builder.addTable("CFF ", font.data);
    builder.addTable("OS/2", createOS2Table(properties, newCharCodeToGlyphId));
    builder.addTable("cmap", createCmapTable(newCharCodeToGlyphId, toUnicodeExtraMap, numGlyphs));
    builder.addTable("head", "\x00\x01\x00\x00" + "\x00\x00\x10\x00" + "\x00\x00\x00\x00" + "\x5F\x0F\x3C\xF5" + "\x00\x00" + safeString16(unitsPerEm) + "\x00\x00\x00\x00\x9e\x0b\x7e\x27" + "\x00\x00\x00\x00\x9e\x0b\x7e\x27" + "\x00\x00" + safeString16(properties.descent) + "\x0F\xFF" + safeString16(properties.ascent) + string16(properties.italicAngle ? 2 : 0) + "\x00\x11" + "\x00\x00" + "\x00\x00" + "\x00\x00");
    builder.addTable("hhea", "\x00\x01\x00\x00" + safeString16(properties.ascent) + safeString16(properties.descent) + "\x00\x00" + "\xFF\xFF" + "\x00\x00" + "\x00\x00" + "\x00\x00" + safeString16(properties.capHeight) + safeString16(Math.tan(properties.italicAngle) * properties.xHeight) + "\x00\x00" + "\x00\x00" + "\x00\x00" + "\x00\x00" + "\x00\x00" + "\x00\x00" + string16(numGlyphs));
    builder.addTable("hmtx", function fontFieldsHmtx() {
      const charstrings = font.charstrings;
      const cffWidths = font.cff ? font.cff.widths : null;
      let hmtx = "\x00\x00\x00\x00";
      for (let i = 1, ii = numGlyphs; i < ii; i++) {
        let width = 0;
        if (charstrings) {
          const charstring = charstrings[i - 1];
          width = "width" in charstring ? charstring.width : 0;
        } else if (cffWidths) {
          width = Math.ceil(cffWidths[i] || 0);
        }
        hmtx += string16(width) + string16(0);
      }
      return hmtx;
    }());
    builder.addTable("maxp", "\x00\x00\x50\x00" + string16(numGlyphs));
    builder.addTable("name", createNameTable(fontName));
    builder.addTable("post", createPostTable(properties));
    return builder.toArray();
  }`,
    replace: `    return new Uint8Array(0);
  }`,
  },
  {
    why: 'an Identity CMap is read through a character collection for the codes the collection maps',
    // For an Identity CMap every code is its own CID, and pdf.js looks each of the 65,536 up in the collection's
    // UCS2 map, most in vain: only the CIDs that map holds give text, in the same order (a process's first such
    // font; later ones take the map change 2 keeps).
    find: `      properties.cMap.forEach(function (charcode, cid) {`,
    replace: `      const textOnlyForEach = textOnlyKey === null ? callback => properties.cMap.forEach(callback) : callback => {
        const ucs2Map = ucs2CMap.getMap();
        for (let cid = 0, ii = Math.min(ucs2Map.length, 0x10000); cid < ii; cid++) {
          if (ucs2Map[cid]) {
            callback(cid, cid);
          }
        }
      };
      textOnlyForEach(function (charcode, cid) {`,
  },
  {
    why: 'a simple TrueType font whose file cannot change its text is not read',
    // Of Font.checkAndRepair, a simple TrueType font's text can take only what a symbolic font without /Encoding
    // or ToUnicode reads from its name table (adjustTrueTypeToUnicode), the font matrix of a CFF table inside it,
    // and, where it throws, what the fallback skips: the fallback Unicode (amendFallbackToUnicode) and the widths'
    // scaling for another font matrix (adjustWidths). Where none of these can apply (its table directory, peeked,
    // names no CFF table), the font's file is not decoded at all; textContent.styles then gives the descriptor's
    // ascent and descent for it rather than its hhea table's, which nothing here reads.
    find: `          data = this.checkAndRepair(name, file, properties);`,
    replace: `          data = type === "TrueType" && textOnlyTrueTypeUnread(file, properties, this.isSymbolicFont) ? new Uint8Array(0) : this.checkAndRepair(name, file, properties);`,
  },
];

/**
 * Script text the worker starts with, for the changes above. textOnlyTrueTypeUnread: whether a simple TrueType
 * font's text is the same whatever its file holds (see the last change). textOnlyGlyphsInOrder: whether a TrueType
 * font's glyph locations (its loca table, read as sanitizeGlyphLocations reads it: offsets past the glyph table
 * taken as its end, bytes past the table's end as 0) never go back, so that each glyph's bytes end where the next
 * glyph's begin.
 */
export const FONT_FILE_PREAMBLE = `function textOnlyTrueTypeUnread(file, properties, isSymbolicFont) {
  if (properties.composite || properties.fallbackToUnicode) {
    return false;
  }
  if (properties.fontMatrix && properties.fontMatrix[0] !== FONT_IDENTITY_MATRIX[0]) {
    return false;
  }
  if (!(properties.isInternalFont || properties.hasIncludedToUnicodeMap || properties.hasEncoding || properties.toUnicode instanceof IdentityToUnicodeMap || !isSymbolicFont)) {
    return false;
  }
  const header = file.peekBytes(12);
  if (header.length < 12 || !(header[0] === 0 && header[1] === 1 && header[2] === 0 && header[3] === 0 || header[0] === 0x74 && header[1] === 0x72 && header[2] === 0x75 && header[3] === 0x65)) {
    return false;
  }
  const numTables = header[4] << 8 | header[5];
  const directory = file.peekBytes(12 + 16 * numTables);
  if (directory.length < 12 + 16 * numTables) {
    return false;
  }
  for (let i = 12; i < directory.length; i += 16) {
    if (directory[i] === 0x43 && directory[i + 1] === 0x46 && directory[i + 2] === 0x46 && directory[i + 3] === 0x20) {
      return false;
    }
  }
  return true;
}
function textOnlyGlyphsInOrder(loca, glyfLength, numGlyphs, isGlyphLocationsLong) {
  if (numGlyphs === 0) {
    return false;
  }
  let previous = 0;
  for (let i = 0; i <= numGlyphs; i++) {
    const j = isGlyphLocationsLong ? 4 * i : 2 * i;
    let offset = isGlyphLocationsLong ? loca[j] << 24 | loca[j + 1] << 16 | loca[j + 2] << 8 | loca[j + 3] : loca[j] << 9 | loca[j + 1] << 1;
    if (offset > glyfLength) {
      offset = glyfLength;
    }
    if (offset < previous) {
      return false;
    }
    previous = offset;
  }
  return true;
}
`;
