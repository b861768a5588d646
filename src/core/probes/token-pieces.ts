import { utf8Decode, utf8Encode } from "../text/utf8";
import type { Tokenizer } from "../tokenizers/types";

/** A token's share of a byte range of the text: its id and the text of the bytes it covers inside the range. */
export interface TokenPiece {
  id: number;
  text: string;
}

/**
 * The tokens of `tokenizer.encode(text)` that cover bytes of `[from, to)`, each cut to that range, from the
 * engine's own spans. Tokens with empty spans (a SentencePiece prefix space, a specials marker) are left out.
 */
export function piecesInRange(
  tokenizer: Tokenizer,
  text: string,
  from = 0,
  to = utf8Encode(text).length,
  encoding = tokenizer.encode(text),
): TokenPiece[] {
  const bytes = utf8Encode(text);
  const pieces: TokenPiece[] = [];
  for (let t = 0; t < encoding.ids.length; t++) {
    const start = Math.max(from, encoding.starts[t]!);
    const end = Math.min(to, encoding.ends[t]!);
    if (end <= start) continue;
    pieces.push({ id: encoding.ids[t]!, text: utf8Decode(bytes.subarray(start, end)) });
  }
  return pieces;
}
