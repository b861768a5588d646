import type { EncodeOptions, Encoding, Tokenizer } from "../types";
import { reencodeAfterEdit, type SpliceResult } from "./splice-encoding";

/** A copy of an encoding that owns its buffers (the original's may be transferred to another thread). */
export function cloneEncoding(encoding: Encoding): Encoding {
  const tokenBytes =
    encoding.tokenBytes.length === encoding.tokenByteOffsets[encoding.ids.length]
      ? encoding.tokenBytes.slice()
      : encoding.tokenBytes.slice(0, encoding.tokenByteOffsets[encoding.ids.length]);
  return {
    ...encoding,
    ids: encoding.ids.slice(),
    starts: encoding.starts.slice(),
    ends: encoding.ends.slice(),
    utf16Starts: encoding.utf16Starts.slice(),
    utf16Ends: encoding.utf16Ends.slice(),
    flags: encoding.flags.slice(),
    tokenBytes,
    tokenByteOffsets: encoding.tokenByteOffsets.slice(),
    notes: [...encoding.notes],
  };
}

/** Texts shorter than this are encoded whole: it costs less than a millisecond. */
export const INCREMENTAL_FROM_CHARS = 512;

/**
 * A tokenizer that remembers its last text and encoding (per option set) and, for the next text, encodes only a
 * window around the edit ({@link reencodeAfterEdit}). The returned encodings are the caller's (they may be
 * transferred); the encoder keeps its own copy.
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
    return { ...result, encoding: cloneEncoding(result.encoding) };
  }

  /** Forgets the remembered encodings (memory, or a benchmark's cold start). */
  clear(): void {
    this.last.clear();
  }
}
