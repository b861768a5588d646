import { isContinuationByte, utf8ByteLength, utf8DecodeStrict } from "../../text/utf8";
import { utf8IncompleteTail } from "./utf8-prefix";

/**
 * Byte end offsets of the pre-tokenization chunks of `text`, cut as `splitIsolated` cuts them (matches and
 * the gaps between them), without building the chunk strings.
 */
export function chunkEndsOfString(text: string, regex: RegExp): number[] {
  const ends: number[] = [];
  let previous = 0;
  let bytes = 0;
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    const index = match.index;
    const length = match[0].length;
    if (previous < index) ends.push((bytes += utf8ByteLength(text, previous, index)));
    if (length > 0) ends.push((bytes += utf8ByteLength(text, index, index + length)));
    else regex.lastIndex = index + (isHighSurrogate(text.charCodeAt(index)) ? 2 : 1);
    previous = index + length;
  }
  if (previous < text.length) ends.push(bytes + utf8ByteLength(text, previous, text.length));
  return ends;
}

/** What {@link BpeNextTokenMasks} needs from a BPE tokenizer. */
export interface BpeMaskParts {
  tokens: readonly Uint8Array[];
  regex: RegExp;
  /** Chunk-internal BPE (no pre-tokenization) of one chunk. */
  encodeChunk(bytes: Uint8Array): number[];
  /** Whether `tailIds ++ [id]` is canonical, by re-encoding everything (the slow, general path). */
  slowCheck(tailBytes: Uint8Array, tailIds: Uint32Array, id: number): boolean;
}

/**
 * Validity masks for merge-list BPE without re-encoding every candidate. Appending a token either starts a
 * new chunk (then it is valid iff it encodes to itself) or extends the last chunk (then, because BPE
 * canonicality inside a chunk is decided by adjacent pairs, iff [last id, id] encodes to itself); anything
 * else, and contexts ending inside a character, take the slow path. Single-token and pair results are cached.
 */
export class BpeNextTokenMasks {
  private readonly strings: (string | null)[];
  private readonly incomplete: Uint8Array;
  private readonly single: Int8Array;
  private readonly pairs = new Map<number, Int8Array>();

  constructor(private readonly parts: BpeMaskParts) {
    const n = parts.tokens.length;
    this.incomplete = new Uint8Array(n);
    this.single = new Int8Array(n).fill(-1);
    this.strings = parts.tokens.map((bytes, id) => {
      const tail = utf8IncompleteTail(bytes);
      if (bytes.length === 0 || tail < 0 || isContinuationByte(bytes[0]!)) return null;
      this.incomplete[id] = tail;
      return utf8DecodeStrict(bytes.subarray(0, bytes.length - tail));
    });
  }

  /** 1 for every id that may follow `tailIds` (the encoding of `tailBytes`, which start at a stable boundary). */
  mask(tailBytes: Uint8Array, tailIds: Uint32Array): Uint8Array {
    const { tokens, regex } = this.parts;
    const out = new Uint8Array(tokens.length);
    const ending = utf8IncompleteTail(tailBytes);
    if (ending !== 0) {
      if (ending > 0)
        tokens.forEach((bytes, id) => {
          if (bytes.length > 0 && isContinuationByte(bytes[0]!))
            out[id] = this.parts.slowCheck(tailBytes, tailIds, id) ? 1 : 0;
        });
      return out;
    }
    const text = utf8DecodeStrict(tailBytes) ?? "";
    const own = chunkEndsOfString(text, regex);
    const m = own.length;
    const lastId = tailIds[tailIds.length - 1] ?? -1;
    for (let id = 0; id < tokens.length; id++) {
      const string = this.strings[id];
      if (string === null || string === undefined) continue;
      const total = tailBytes.length + tokens[id]!.length;
      const ends = chunkEndsOfString(text + string, regex);
      if (this.incomplete[id]! > 0) {
        if (ends.length === 0) ends.push(total);
        else ends[ends.length - 1] = total;
      }
      let valid: boolean;
      if (ends.length === m + 1 && ends[m] === total && samePrefix(ends, own, m)) valid = this.alone(id);
      else if (m > 0 && ends.length === m && ends[m - 1] === total && samePrefix(ends, own, m - 1))
        valid = this.pair(lastId, id);
      else valid = this.parts.slowCheck(tailBytes, tailIds, id);
      out[id] = valid ? 1 : 0;
    }
    return out;
  }

  private alone(id: number): boolean {
    if (this.single[id]! < 0) {
      const ids = this.parts.encodeChunk(this.parts.tokens[id]!);
      this.single[id] = ids.length === 1 && ids[0] === id ? 1 : 0;
    }
    return this.single[id] === 1;
  }

  private pair(left: number, id: number): boolean {
    let row = this.pairs.get(left);
    if (!row) {
      row = new Int8Array(this.parts.tokens.length).fill(-1);
      this.pairs.set(left, row);
    }
    if (row[id]! < 0) {
      const a = this.parts.tokens[left]!;
      const b = this.parts.tokens[id]!;
      const bytes = new Uint8Array(a.length + b.length);
      bytes.set(a, 0);
      bytes.set(b, a.length);
      const ids = this.parts.encodeChunk(bytes);
      row[id] = ids.length === 2 && ids[0] === left && ids[1] === id ? 1 : 0;
    }
    return row[id] === 1;
  }
}

function samePrefix(a: readonly number[], b: readonly number[], length: number): boolean {
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}
