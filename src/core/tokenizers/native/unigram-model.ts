import { utf8ByteLength, utf8Encode } from "../../text/utf8";
import { optionalBoolean, TokenizerFileError, type JsonNode } from "./json-fields";
import type { TokenizerModel, TokenSink } from "./model";

/** The Rust library's penalty below the lowest piece score for an unknown character. */
const UNK_PENALTY = 10;

/**
 * SentencePiece's Unigram model as the Rust library runs it: the segmentation with the highest total
 * score (Viterbi over character boundaries), an unknown character scored `min score − 10`, runs of unknown
 * characters fused into one unknown token, or spelled as `<0xXX>` byte tokens with byte fallback.
 */
export class UnigramModel implements TokenizerModel {
  readonly type = "Unigram";
  readonly vocabSize: number;
  readonly unkId: number | null;
  readonly byteFallback: boolean;
  readonly continuingSubwordPrefix = null;
  readonly endOfWordSuffix = null;
  private readonly pieces: string[] = [];
  private readonly scores: Float64Array;
  private readonly ids = new Map<string, number>();
  private readonly maxPieceUnits: number;
  private readonly unkScore: number;
  private readonly fallbackIds = new Int32Array(256).fill(-1);

  constructor(node: JsonNode) {
    const vocab = node.value.vocab;
    if (!Array.isArray(vocab))
      throw new TokenizerFileError(`${node.path}.vocab must be an array of [piece, score] pairs.`);
    this.scores = new Float64Array(vocab.length);
    let minScore = Infinity;
    let maxUnits = 1;
    vocab.forEach((entry, id) => {
      if (!Array.isArray(entry) || typeof entry[0] !== "string" || typeof entry[1] !== "number")
        throw new TokenizerFileError(
          `${node.path}.vocab[${id}] must be [piece, score] (it is ${JSON.stringify(entry)}).`,
        );
      const [piece, score] = entry as [string, number];
      this.pieces[id] = piece;
      this.scores[id] = score;
      if (!this.ids.has(piece)) this.ids.set(piece, id);
      minScore = Math.min(minScore, score);
      maxUnits = Math.max(maxUnits, piece.length);
    });
    this.vocabSize = vocab.length;
    this.maxPieceUnits = maxUnits;
    this.unkScore = minScore - UNK_PENALTY;
    const unk = node.value.unk_id;
    if (
      unk !== undefined &&
      unk !== null &&
      (typeof unk !== "number" || !Number.isInteger(unk) || unk < 0 || unk >= vocab.length)
    )
      throw new TokenizerFileError(
        `${node.path}.unk_id must be the index of a vocabulary entry (it is ${JSON.stringify(unk)}).`,
      );
    this.unkId = typeof unk === "number" ? unk : null;
    this.byteFallback = optionalBoolean(node, "byte_fallback", false);
    for (let b = 0; b < 256; b++)
      this.fallbackIds[b] = this.ids.get(`<0x${b.toString(16).toUpperCase().padStart(2, "0")}>`) ?? -1;
  }

  idToToken(id: number): string | undefined {
    return this.pieces[id];
  }

  tokenToId(token: string): number | undefined {
    return this.ids.get(token);
  }

  clearCache(): void {}

  tokenize(piece: string, _byteLevel: boolean, sink: TokenSink): void {
    const n = piece.length;
    if (n === 0) return;
    // Best path ending at each UTF-16 boundary: score, where its last token starts, and that token (-2: unknown).
    const best = new Float64Array(n + 1).fill(-Infinity);
    const from = new Int32Array(n + 1).fill(-1);
    const last = new Int32Array(n + 1).fill(-1);
    best[0] = 0;
    for (let start = 0; start < n;) {
      const code = piece.codePointAt(start)!;
      const charUnits = code > 0xffff ? 2 : 1;
      if (from[start]! < 0 && start > 0) {
        start += charUnits;
        continue;
      }
      const here = best[start]!;
      let single = false;
      const limit = Math.min(n, start + this.maxPieceUnits);
      for (let end = start + 1; end <= limit; end++) {
        if (end < n && (piece.charCodeAt(end) & 0xfc00) === 0xdc00) continue; // inside a surrogate pair
        const id = this.ids.get(piece.slice(start, end));
        if (id === undefined) continue;
        const score = here + this.scores[id]!;
        if (from[end]! < 0 || score > best[end]!) {
          best[end] = score;
          from[end] = start;
          last[end] = id;
        }
        if (end - start === charUnits) single = true;
      }
      if (!single) {
        if (this.unkId === null)
          throw new TokenizerFileError(
            "The Unigram model has no unk_id, and the text has a character it cannot spell.",
          );
        const end = start + charUnits;
        const score = here + this.unkScore;
        if (from[end]! < 0 || score > best[end]!) {
          best[end] = score;
          from[end] = start;
          last[end] = -2; // the unknown token
        }
      }
      start += charUnits;
    }
    // Walk back, fusing runs of unknown characters.
    const parts: { id: number; start: number; end: number }[] = [];
    for (let end = n; end > 0;) {
      const start = from[end]!;
      const id = last[end]!;
      const previous = parts[parts.length - 1];
      if (id === -2 && previous && previous.id === -2) previous.start = start;
      else parts.push({ id, start, end });
      end = start;
    }
    parts.reverse();
    for (const part of parts) {
      const length = utf8ByteLength(piece, part.start, part.end);
      if (part.id >= 0) {
        sink.ids.push(part.id);
        sink.lengths.push(length);
        continue;
      }
      const text = piece.slice(part.start, part.end);
      const known = this.ids.get(text);
      const fallback =
        this.byteFallback && known === undefined
          ? [...utf8Encode(text)].map((b) => this.fallbackIds[b]!)
          : null;
      if (fallback && fallback.every((id) => id >= 0)) {
        for (const id of fallback) {
          sink.ids.push(id);
          sink.lengths.push(1);
        }
      } else {
        sink.ids.push(known ?? this.unkId!);
        sink.lengths.push(length);
      }
    }
  }
}
