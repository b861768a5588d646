const GLYPHS: Record<string, string> = {
  " ": "·",
  "\t": "→",
  "\r": "␍",
  "\n": "↵\n",
  "\u00a0": "⍽",
  "\u3000": "□",
};

/** Makes whitespace visible (space ·, tab →, CR ␍, LF ↵ followed by the line break, NBSP ⍽, ideographic space □). */
export function visibleWhitespace(text: string): string {
  return text.replace(/[ \t\r\n\u00a0\u3000]/g, (ch) => GLYPHS[ch] ?? ch);
}
