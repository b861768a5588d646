const GLYPHS: Record<string, string> = {
  " ": "·",
  "\t": "→",
  "\r": "␍",
  "\n": "↵\n",
  "\u00a0": "⍽",
  "\u3000": "□",
};

/** Short names of the invisible characters people meet most; any other one is shown as its code point. */
const NAMES: Record<number, string> = {
  0x00ad: "SHY",
  0x034f: "CGJ",
  0x061c: "ALM",
  0x0085: "NEL",
  0x115f: "HCF",
  0x1160: "HJF",
  0x180e: "MVS",
  0x200b: "ZWSP",
  0x200c: "ZWNJ",
  0x200d: "ZWJ",
  0x200e: "LRM",
  0x200f: "RLM",
  0x2028: "LSEP",
  0x2029: "PSEP",
  0x202a: "LRE",
  0x202b: "RLE",
  0x202c: "PDF",
  0x202d: "LRO",
  0x202e: "RLO",
  0x202f: "NNBSP",
  0x205f: "MMSP",
  0x2060: "WJ",
  0x2061: "FA",
  0x2062: "IT",
  0x2063: "IS",
  0x2064: "IP",
  0x2066: "LRI",
  0x2067: "RLI",
  0x2068: "FSI",
  0x2069: "PDI",
  0x2800: "BRAILLE BLANK",
  0x3164: "HF",
  0xfeff: "BOM",
  0xffa0: "HWHF",
};

/**
 * Characters that draw nothing or look like a space: controls, format characters (zero-width spaces and joiners,
 * bidi marks, the BOM, soft hyphen), line/paragraph separators, every space but U+0020, and the blank-looking
 * fillers (Hangul fillers, braille blank, U+034F, U+180E).
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zs}\p{Zl}\p{Zp}\u034f\u115f\u1160\u180e\u2800\u3164\uffa0]/gu;

/** The visible mark of one invisible character: its glyph, else its short name or code point in ‹ ›. */
export function invisibleMark(ch: string): string {
  const glyph = GLYPHS[ch];
  if (glyph !== undefined) return glyph;
  const cp = ch.codePointAt(0)!;
  return `‹${NAMES[cp] ?? `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`}›`;
}

/**
 * Makes whitespace and every invisible character visible: space ·, tab →, CR ␍, LF ↵ followed by the line
 * break, NBSP ⍽, ideographic space □, and the rest as a named mark (‹ZWSP›, ‹BOM›, ‹SHY›, ‹U+2009›, …), so that
 * a token made of them has a width and can be hovered.
 */
export function visibleWhitespace(text: string): string {
  return text.replace(INVISIBLE, invisibleMark);
}
