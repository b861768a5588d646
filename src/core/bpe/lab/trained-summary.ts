import { mergeResults, type BpeModel } from "../model";
import { wordCount } from "../superbpe";
import { BpeTextEncoder } from "../text-encoder";
import { utf8ByteLength } from "../../text/utf8";
import { escapeTokenBytes } from "../../tokenizers/describe-token";

/** A learned token that spans a space inside it: what SuperBPE adds. */
export interface SuperwordToken {
  id: number;
  rank: number;
  /** The token's text for display: bytes that are not whole characters are escaped (`\xE3`), never U+FFFD. */
  text: string;
}

/** Bytes per token of a model on texts (merge-list encoding). */
export function compression(model: BpeModel, texts: readonly string[]): { bytes: number; tokens: number } {
  const encoder = new BpeTextEncoder(model);
  let bytes = 0;
  let tokens = 0;
  for (const text of texts) {
    tokens += encoder.encode(text).length;
    bytes += utf8ByteLength(text);
  }
  return { bytes, tokens };
}

/** Tokens spanning more than one word (a space after their first byte), in merge order, at most `limit`. */
export function superwords(model: BpeModel, limit = 200): SuperwordToken[] {
  const found: SuperwordToken[] = [];
  const seen = new Set<number>();
  mergeResults(model).forEach((id, rank) => {
    const bytes = model.tokens[id];
    if (found.length >= limit || !bytes || seen.has(id) || wordCount(bytes) < 2) return;
    seen.add(id);
    found.push({ id, rank, text: escapeTokenBytes(bytes) });
  });
  return found;
}
