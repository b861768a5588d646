/** A piece of input: plain text, or one occurrence of a special token. */
export interface Piece {
  text: string;
  special: boolean;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Regexes built for recent special-token lists (by content: callers pass fresh arrays), oldest first. */
const builtRegexes = new Map<string, RegExp>();
const BUILT_REGEXES_KEPT = 32;

/**
 * A global RegExp matching any of the special-token strings, longest first (null when there are none). Built
 * once per list (sorting and escaping 256 strings cost a lane ~0.3 ms per keystroke) and shared: use it with
 * `matchAll`, which works on a copy, never with `exec` or `test`.
 */
export function specialTokenRegex(specials: readonly string[]): RegExp | null {
  if (specials.length === 0) return null;
  const key = JSON.stringify(specials);
  let regex = builtRegexes.get(key);
  if (!regex) {
    const sorted = [...specials].sort((a, b) => b.length - a.length);
    regex = new RegExp(sorted.map(escapeRegExp).join("|"), "g");
    if (builtRegexes.size >= BUILT_REGEXES_KEPT) builtRegexes.delete(builtRegexes.keys().next().value!);
    builtRegexes.set(key, regex);
  }
  regex.lastIndex = 0;
  return regex;
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
