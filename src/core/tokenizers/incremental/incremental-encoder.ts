import type { EncodeOptions, Encoding, Tokenizer } from "../types";
import { reencodeAfterEdit, type SpliceResult } from "./splice-encoding";

/** Texts shorter than this are encoded whole: it costs less than a millisecond. */
export const INCREMENTAL_FROM_CHARS = 512;

/**
 * A tokenizer that remembers its last text and encoding (per option set) and, for the next text, encodes only a
 * window around the edit ({@link reencodeAfterEdit}). The returned encoding is the one the encoder keeps: the
 * caller must not modify it or transfer its buffers (a worker posts a copy). Returning a copy for transfer
 * doubled what a keystroke allocates in a worker, and with it how often a worker stops for a full garbage
 * collection — 50–60 ms with the tokenizers' tables in its heap, the slowest keystrokes of `bench:ui`.
 */
export class IncrementalEncoder {
  private readonly last = new Map<string, { text: string; encoding: Encoding }>();
  private readonly margin: number;

  constructor(
    private readonly tokenizer: Tokenizer,
    private readonly minimumChars = INCREMENTAL_FROM_CHARS,
  ) {
    // The window must reach past any special token that the edit could complete.
    const longestSpecial = Math.max(0, ...tokenizer.info.specialTokens.map((special) => special.length));
    this.margin = Math.max(64, 2 * longestSpecial);
  }

  /** The encoding of `text`, and how much of it was encoded again. */
  encode(text: string, options: EncodeOptions = {}): SpliceResult {
    const key = options.parseSpecials ? "specials" : "plain";
    const previous = this.last.get(key);
    const encodeWhole = (whole: string) => this.tokenizer.encode(whole, options);
    const result =
      previous &&
      !this.tokenizer.dependsOnWholeText &&
      text.length >= this.minimumChars &&
      previous.text.length >= this.minimumChars
        ? reencodeAfterEdit(previous, text, encodeWhole, { margin: this.margin })
        : { encoding: encodeWhole(text), reencoded: { start: 0, end: text.length }, full: true };
    this.last.set(key, { text, encoding: result.encoding });
    return result;
  }

  /** Forgets the remembered encodings (memory, or a benchmark's cold start). */
  clear(): void {
    this.last.clear();
  }
}
