import { MergeEncoder } from "../merge-encoder";
import type { BpeModel } from "../model";
import { NO_PRETOKENIZATION } from "../pretokenize";
import type { SpannedIds } from "../text-encoder";

/** Why a model cannot tokenize raw bytes. */
export class NotBinaryModelError extends Error {
  constructor(pattern: string) {
    super(
      `This tokenizer pre-tokenizes text (regex ${JSON.stringify(pattern.slice(0, 60))}${pattern.length > 60 ? "…" : ""}), ` +
        "which needs UTF-8; binary mode needs byte-level BPE without pre-tokenization (bpe train --binary).",
    );
    this.name = "NotBinaryModelError";
  }
}

/** True when the model tokenizes any byte string (no pre-tokenization, no UTF-8 assumption). */
export function isBinaryModel(model: Pick<BpeModel, "pattern">): boolean {
  return model.pattern === NO_PRETOKENIZATION;
}

/**
 * Tokenizes raw bytes (a whole file, valid UTF-8 or not) with a binary BPE model: its merge list applied by
 * rank over the whole input (O(n log n)). Spans are byte offsets of the input, contiguous and covering.
 * @throws NotBinaryModelError for a model with a pre-tokenization regex
 */
export function binaryEncoder(model: BpeModel): (bytes: Uint8Array) => SpannedIds {
  if (!isBinaryModel(model)) throw new NotBinaryModelError(model.pattern);
  const encoder = new MergeEncoder(model);
  const lengths = Uint32Array.from(model.tokens, (bytes) => bytes.length);
  return (bytes) => {
    const list: number[] = [];
    encoder.encodeChunk(bytes, list);
    const ids = Uint32Array.from(list);
    const starts = new Uint32Array(ids.length);
    const ends = new Uint32Array(ids.length);
    let position = 0;
    for (let i = 0; i < ids.length; i++) {
      starts[i] = position;
      position += lengths[ids[i]!]!;
      ends[i] = position;
    }
    return { ids, starts, ends };
  };
}

/**
 * One token per byte (the bytes lane), the baseline every binary tokenizer is measured against: id = byte
 * value + `idOffset` (3 gives the `bytes` lane's ByT5 ids).
 */
export function byteIdentityEncoding(bytes: Uint8Array, idOffset = 0): SpannedIds {
  const ids = new Uint32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) ids[i] = bytes[i]! + idOffset;
  const starts = new Uint32Array(bytes.length);
  const ends = new Uint32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    starts[i] = i;
    ends[i] = i + 1;
  }
  return { ids, starts, ends };
}
