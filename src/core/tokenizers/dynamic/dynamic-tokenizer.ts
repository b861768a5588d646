import { concatBytes } from "../../text/concat-bytes";
import { utf8Encode } from "../../text/utf8";
import { toWellFormed } from "../../text/well-formed";
import { escapeTokenBytes } from "../describe-token";
import { finishEncoding } from "../finish-encoding";
import { forEachMatch, tiktokenSplitter } from "../tiktoken/patterns";
import {
  tokenBytesAt,
  TokenFlag,
  type EncodeOptions,
  type Encoding,
  type Tokenizer,
  type TokenizerInfo,
} from "../types";
import { learnDynamicMerges, type LearnedMerge } from "./dynamic-merges";

/** A dynamic lane: `<base id>.dynamic-<k>` (k merges learned on the text itself, 0–4096). */
export function parseDynamicId(id: string): { base: string; merges: number } | null {
  const match = /^(.+)\.dynamic-(\d{1,4})$/.exec(id);
  if (!match) return null;
  const merges = Number(match[2]);
  return merges <= 4096 ? { base: match[1]!, merges } : null;
}

/** The lane id of a base tokenizer with k merges learned on the text. */
export function dynamicId(base: string, merges: number): string {
  return `${base}.dynamic-${merges}`;
}

/** Pre-tokenization chunks for every base: the o200k pattern's pieces (words with their leading space, numbers of up to three digits, punctuation runs, whitespace). */
const chunker = tiktokenSplitter("o200k");

/** For each token, the index of the chunk its first character is in. */
function chunkOfTokens(text: string, encoding: Encoding): Uint32Array {
  const pieceEnds: number[] = [];
  forEachMatch(text, chunker(text), (_, end) => pieceEnds.push(end));
  const chunks = new Uint32Array(encoding.ids.length);
  let piece = 0;
  for (let i = 0; i < chunks.length; i++) {
    const start = encoding.utf16Starts[i]!;
    while (piece < pieceEnds.length && pieceEnds[piece]! <= start) piece++;
    chunks[i] = piece;
  }
  return chunks;
}

/** Flags a merged token keeps from its parts (partial-character flags are worked out again from its span). */
const KEPT_FLAGS = TokenFlag.ByteFallback | TokenFlag.Normalized;

/**
 * Dynamic tokenization: a base tokenizer plus up to k merges learned on the text being encoded (BPE over the
 * base's tokens inside pre-tokenization chunks), so words and names repeated in this text become single tokens.
 * New ids follow the base vocabulary. The encoding's notes list the merges and the reduction against the base.
 */
export class DynamicTokenizer implements Tokenizer {
  readonly info: TokenizerInfo;
  /** The merges are learned on the whole text: an edit anywhere can change every token. */
  readonly dependsOnWholeText = true;
  private readonly texts = new Map<number, string>();

  constructor(
    private readonly base: Tokenizer,
    private readonly merges: number,
  ) {
    this.info = {
      ...base.info,
      id: dynamicId(base.info.id, merges),
      name: `${base.info.name} + ${merges} merges learned on the text`,
      vocabSize: base.info.vocabSize === null ? null : base.info.vocabSize + merges,
      algorithm: `${base.info.algorithm}, then up to ${merges} BPE merges learned on the text itself (dynamic tokenization)`,
    };
  }

  /** The base encoding, the merges learned on it and the merged encoding. */
  encodeWithMerges(
    text: string,
    options?: EncodeOptions,
  ): { base: Encoding; merges: LearnedMerge[]; encoding: Encoding } {
    const base = this.base.encode(text, options);
    const firstNewId = this.base.info.vocabSize ?? Math.max(0, ...Array.from(base.ids, (id) => id + 1));
    const learned = learnDynamicMerges(
      {
        ids: base.ids,
        chunks: chunkOfTokens(toWellFormed(text), base),
        fixed: (i) => (base.flags[i]! & TokenFlag.Special) !== 0,
      },
      this.merges,
      firstNewId,
    );
    const count = learned.ids.length;
    const starts = new Uint32Array(count);
    const ends = new Uint32Array(count);
    const flags = new Uint8Array(count);
    const pieces: Uint8Array[] = [];
    const offsets = new Uint32Array(count + 1);
    let offset = 0;
    for (let t = 0; t < count; t++) {
      const first = learned.from[t]!;
      const last = learned.to[t]! - 1;
      starts[t] = base.starts[first]!;
      ends[t] = base.ends[last]!;
      let flag = 0;
      const parts: Uint8Array[] = [];
      for (let i = first; i <= last; i++) {
        flag |= base.flags[i]! & (first === last ? 0xff : KEPT_FLAGS);
        parts.push(tokenBytesAt(base, i));
      }
      flags[t] = flag & ~(TokenFlag.PartialStart | TokenFlag.PartialEnd);
      const bytes = parts.length === 1 ? parts[0]! : concatBytes(parts);
      offsets[t] = offset;
      offset += bytes.length;
      pieces.push(bytes);
    }
    offsets[count] = offset;
    // Every learned token's bytes, from its two parts (base tokens' bytes as the base encoding has them).
    const bytesOf = new Map<number, Uint8Array>();
    for (let i = 0; i < base.ids.length; i++)
      if (!bytesOf.has(base.ids[i]!)) bytesOf.set(base.ids[i]!, tokenBytesAt(base, i));
    for (const merge of learned.merges) {
      const bytes = concatBytes([bytesOf.get(merge.left)!, bytesOf.get(merge.right)!]);
      bytesOf.set(merge.id, bytes);
      this.remember(merge.id, bytes);
    }
    const quoted = (id: number) => JSON.stringify(escapeTokenBytes(bytesOf.get(id)!));
    const reduction = base.ids.length === 0 ? 0 : 1 - count / base.ids.length;
    const shown = learned.merges
      .slice(0, 12)
      .map((m) => `${quoted(m.left)} + ${quoted(m.right)} (${m.count}×)`)
      .join(", ");
    const notes = [
      ...base.notes,
      learned.merges.length === 0
        ? `No pair of tokens repeats in this text, so no merge was learned (${base.ids.length.toLocaleString("en")} tokens, as ${this.base.info.name}).`
        : `Learned ${learned.merges.length} merges on this text: ${base.ids.length.toLocaleString("en")} → ${count.toLocaleString("en")} tokens (−${(reduction * 100).toFixed(1)} % against ${this.base.info.name}). First merges: ${shown}${learned.merges.length > 12 ? ", …" : ""}.`,
    ];
    const encoding = finishEncoding({
      tokenizerId: this.info.id,
      text: toWellFormed(text),
      inputBytes: utf8Encode(toWellFormed(text)),
      ids: Uint32Array.from(learned.ids),
      starts,
      ends,
      flags,
      tokenBytes: concatBytes(pieces),
      tokenByteOffsets: offsets,
      notes,
    });
    return { base, merges: learned.merges, encoding };
  }

  encode(text: string, options?: EncodeOptions): Encoding {
    return this.encodeWithMerges(text, options).encoding;
  }

  countTokens(text: string, options?: EncodeOptions): number {
    return this.encode(text, options).ids.length;
  }

  private remember(id: number, bytes: Uint8Array): void {
    if (this.texts.size > 100_000) this.texts.clear();
    this.texts.set(id, escapeTokenBytes(bytes));
  }

  /** A learned token's text (from the last texts encoded), else the base's. */
  tokenText(id: number): string {
    return this.texts.get(id) ?? this.base.tokenText(id);
  }
}
