import { countGraphemes, countWordSegments, forEachGraphemeEnd, wordSegments } from "../../text/graphemes";
import { utf8ByteLength, utf8Decode, utf8Encode } from "../../text/utf8";
import { toWellFormed } from "../../text/well-formed";
import { finishEncoding } from "../finish-encoding";
import { inputNotes } from "../input-notes";
import type { DecodedIds, Encoding, Tokenizer, TokenizerInfo } from "../types";

/** 32-bit FNV-1a of a string's UTF-8 bytes: a stable id for units that have no vocabulary. */
export function fnv1a(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (const byte of bytes) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

function fromSegments(
  info: TokenizerInfo,
  text: string,
  segments: Iterable<string>,
  idOf: (segment: string) => number,
): Encoding {
  const inputBytes = utf8Encode(text);
  const ids: number[] = [];
  const ends: number[] = [];
  let position = 0;
  for (const segment of segments) {
    ids.push(idOf(segment));
    position += utf8ByteLength(segment);
    ends.push(position);
  }
  const count = ids.length;
  const starts = new Uint32Array(count);
  const endArray = Uint32Array.from(ends);
  const offsets = new Uint32Array(count + 1);
  for (let i = 0; i < count; i++) {
    starts[i] = i === 0 ? 0 : endArray[i - 1]!;
    offsets[i] = starts[i]!;
  }
  offsets[count] = position;
  return finishEncoding({
    tokenizerId: info.id,
    text,
    inputBytes,
    ids: Uint32Array.from(ids),
    starts,
    ends: endArray,
    flags: new Uint8Array(count),
    tokenBytes: inputBytes,
    tokenByteOffsets: offsets,
    notes: inputNotes(text),
  });
}

function baselineInfo(
  id: string,
  name: string,
  algorithm: string,
  vocabSize: number | null,
  pretokenization: string,
): TokenizerInfo {
  return {
    id,
    name,
    family: "baseline",
    models: [],
    vocabSize,
    algorithm,
    pretokenization,
    normalization: "none",
    source: "built in",
    specialTokens: [],
  };
}

/** The `bytes` lane's id of byte b is b + this (ByT5: 0–2 are pad, eos, unk). */
export const BYTES_LANE_ID_OFFSET = 3;

/** One token per UTF-8 byte, ids as in ByT5 (byte + 3; 0–2 are pad, eos, unk). */
export class BytesTokenizer implements Tokenizer {
  readonly info = baselineInfo("bytes", "UTF-8 bytes (ByT5-style)", "bytes", 259, "none");

  encode(text: string): Encoding {
    const inputBytes = utf8Encode(text);
    const count = inputBytes.length;
    const ids = new Uint32Array(count);
    const starts = new Uint32Array(count);
    const ends = new Uint32Array(count);
    const offsets = new Uint32Array(count + 1);
    for (let i = 0; i < count; i++) {
      ids[i] = inputBytes[i]! + BYTES_LANE_ID_OFFSET;
      starts[i] = i;
      ends[i] = i + 1;
      offsets[i] = i;
    }
    offsets[count] = count;
    return finishEncoding({
      tokenizerId: this.info.id,
      text,
      inputBytes,
      ids,
      starts,
      ends,
      flags: new Uint8Array(count),
      tokenBytes: inputBytes,
      tokenByteOffsets: offsets,
      notes: inputNotes(text),
    });
  }

  /** One per UTF-8 byte (a lone surrogate is U+FFFD, 3 bytes), without building the encoding. */
  countTokens(text: string): number {
    return utf8ByteLength(text);
  }

  decode(ids: readonly number[]): DecodedIds {
    const unknownIds = ids.filter((id) => id < 3 || id >= 259);
    const bytes = Uint8Array.from(ids.filter((id) => id >= 3 && id < 259).map((id) => id - 3));
    return { text: utf8Decode(bytes), unknownIds };
  }

  tokenText(id: number): string {
    return id >= 3 && id < 259 ? utf8Decode(Uint8Array.of(id - 3)) : (["<pad>", "</s>", "<unk>"][id] ?? "");
  }
}

/** One token per Unicode code point; the id is the code point (U+FFFD for a lone surrogate). */
export class CodePointTokenizer implements Tokenizer {
  readonly info = baselineInfo("code-points", "Unicode code points", "code points", 0x110000, "none");

  encode(text: string): Encoding {
    return fromSegments(this.info, text, toWellFormed(text), (segment) => segment.codePointAt(0)!);
  }

  /** One per code point (a lone surrogate is one, U+FFFD), without building the encoding. */
  countTokens(text: string): number {
    let count = text.length;
    for (let i = 0; i + 1 < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        count--;
        i++;
      }
    }
    return count;
  }

  decode(ids: readonly number[]): DecodedIds {
    const valid = (id: number) =>
      Number.isInteger(id) && id >= 0 && id <= 0x10ffff && (id < 0xd800 || id > 0xdfff);
    return {
      text: ids
        .filter(valid)
        .map((id) => String.fromCodePoint(id))
        .join(""),
      unknownIds: ids.filter((id) => !valid(id)),
    };
  }

  tokenText(id: number): string {
    return String.fromCodePoint(id);
  }
}

/** Remembers the text of hashed ids so that cards can show them. */
class SeenTexts {
  private readonly byId = new Map<number, string>();
  remember(segment: string): number {
    const id = fnv1a(utf8Encode(segment));
    if (this.byId.size < 1_000_000) this.byId.set(id, segment);
    return id;
  }
  text(id: number): string {
    return this.byId.get(id) ?? "";
  }
}

/** One token per extended grapheme cluster (`Intl.Segmenter`); id = FNV-1a of its UTF-8 bytes. */
export class GraphemeTokenizer implements Tokenizer {
  readonly info = baselineInfo(
    "graphemes",
    "Grapheme clusters",
    "grapheme clusters (Intl.Segmenter)",
    null,
    "none",
  );
  private readonly seen = new SeenTexts();

  encode(text: string): Encoding {
    const wellFormed = toWellFormed(text);
    const segments: string[] = [];
    let start = 0;
    forEachGraphemeEnd(wellFormed, (end) => {
      segments.push(wellFormed.slice(start, end));
      start = end;
    });
    return fromSegments(this.info, text, segments, (segment) => this.seen.remember(segment));
  }

  countTokens(text: string): number {
    return countGraphemes(toWellFormed(text));
  }

  tokenText(id: number): string {
    return this.seen.text(id);
  }
}

/** One token per `Intl.Segmenter` word segment (spaces and punctuation are segments too); id = FNV-1a. */
export class WordTokenizer implements Tokenizer {
  readonly info = baselineInfo(
    "words",
    "Words (Intl.Segmenter)",
    "word segments (Intl.Segmenter, dictionary-based for CJK/Thai)",
    null,
    "Intl.Segmenter word boundaries",
  );
  private readonly seen = new SeenTexts();

  encode(text: string): Encoding {
    const wellFormed = toWellFormed(text);
    const segments = Array.from(wordSegments(wellFormed), (s) => s.segment);
    return fromSegments(this.info, text, segments, (segment) => this.seen.remember(segment));
  }

  countTokens(text: string): number {
    return countWordSegments(toWellFormed(text));
  }

  tokenText(id: number): string {
    return this.seen.text(id);
  }
}
