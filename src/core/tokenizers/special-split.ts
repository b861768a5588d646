/** A piece of input: plain text, or one occurrence of a special token. */
export interface Piece {
  text: string;
  special: boolean;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A global RegExp matching any of the special-token strings, longest first (null when there are none). */
export function specialTokenRegex(specials: readonly string[]): RegExp | null {
  if (specials.length === 0) return null;
  const sorted = [...specials].sort((a, b) => b.length - a.length);
  return new RegExp(sorted.map(escapeRegExp).join("|"), "g");
}

/**
 * Cuts text at occurrences of the given special-token strings (longest first, leftmost match), the way
 * tiktoken's `allowed_special="all"` does. With no specials the whole text is one plain piece.
 */
export function splitOnSpecials(text: string, specials: readonly string[]): Piece[] {
  const regex = specialTokenRegex(specials);
  if (!regex || text.length === 0) return [{ text, special: false }];
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of text.matchAll(regex)) {
    const index = match.index;
    if (index > last) pieces.push({ text: text.slice(last, index), special: false });
    pieces.push({ text: match[0], special: true });
    last = index + match[0].length;
  }
  if (last < text.length || pieces.length === 0) pieces.push({ text: text.slice(last), special: false });
  return pieces;
}
