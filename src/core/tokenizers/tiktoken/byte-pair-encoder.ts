import { utf8ByteLength, utf8Encode, utf8EncodeInto } from "../../text/utf8";
import { NO_RANK, RankTournament } from "../../collections/rank-tournament";
import { ByteStringTable } from "./byte-string-table";
import { PieceCache } from "../../collections/piece-cache";
import type { Uint32List } from "../../collections/uint32-list";

/** rank → token bytes, as a string where the bytes are valid UTF-8 (gpt-tokenizer's and our `.tiktoken` format). */
export type RankTable = readonly (string | readonly number[])[];

/** Pieces longer than this merge by rank tournament (O(n log n)) instead of rescanning (O(n²)). */
const SCAN_LIMIT = 96;
/** Piece encodings kept (a megabyte of multilingual text has ~60k distinct pieces). */
const CACHE_LIMIT = 200_000;
/** Pieces longer than this (UTF-16 units) are not cached. */
const CACHE_MAX_UNITS = 1024;

/**
 * tiktoken's byte-pair merge over a rank table: repeatedly merge the adjacent pair whose concatenation has
 * the lowest rank (leftmost on ties) until no pair is in the vocabulary.
 *
 * Ranks are looked up by raw bytes (one char per byte), never by decoding to text: decoding drops a
 * leading U+FEFF, which is exactly how gpt-tokenizer 4.0.0 loses the BOM token (o200k id 5574).
 */
export class BytePairEncoder {
  private readonly byBytes: ByteStringTable;
  private readonly cache = new PieceCache(CACHE_LIMIT);
  /** Where a piece short enough to merge by scanning is encoded (no allocation per piece). */
  private readonly scratch = new Uint8Array(SCAN_LIMIT);

  constructor(ranks: RankTable) {
    // Whole pieces are looked up by their bytes too: a Map from 200,000 token strings to ranks doubled the
    // objects every full garbage collection of a worker marks (o200k: +7 MB of heap).
    this.byBytes = packRanks(ranks);
  }

  /** How many bytes the token of `rank` has (0 for a rank the table does not have). */
  byteLength(rank: number): number {
    return this.byBytes.byteLength(rank);
  }

  /** Forgets cached piece encodings (benchmarks measure a cold cache this way). */
  clearCache(): void {
    this.cache.clear();
  }

  /** Appends the ids of the piece `text[start, end)`; a piece seen before is found without slicing it. */
  encodeRange(text: string, start: number, end: number, out: Uint32List): void {
    if (end - start > CACHE_MAX_UNITS) {
      // A long piece (a megabyte of spaces can be one) is merged straight into the output, not kept.
      const piece = start === 0 && end === text.length ? text : text.slice(start, end);
      this.encodeLongPiece(utf8Encode(piece), out);
      return;
    }
    let ids = this.cache.get(text, start, end);
    if (!ids) {
      const piece = start === 0 && end === text.length ? text : text.slice(start, end);
      const length = utf8EncodeInto(piece, this.scratch);
      if (length >= 0) {
        // As tiktoken: a piece that is a token is that token, whatever the merges would make of it.
        const whole = this.byBytes.get(this.scratch, 0, length);
        ids = whole >= 0 ? [whole] : this.mergeByScan(this.scratch, length);
      } else {
        const merged: number[] = [];
        this.encodeLongPiece(utf8Encode(piece), merged);
        ids = merged;
      }
      this.cache.set(piece, ids);
    }
    if (ids.length === 1) out.push(ids[0]!);
    else for (const id of ids) out.push(id);
  }

  /** A piece too long for the scratch buffer: its token when it is one, else merged by rank tournament. */
  private encodeLongPiece(bytes: Uint8Array, out: { push(id: number): unknown }): void {
    const whole = this.byBytes.get(bytes, 0, bytes.length);
    if (whole >= 0) out.push(whole);
    else this.mergeLongPiece(bytes, out);
  }

  private rankOf(bytes: Uint8Array, start: number, end: number): number {
    const rank = this.byBytes.get(bytes, start, end);
    return rank < 0 ? Infinity : rank;
  }

  private idsOf(bytes: Uint8Array, starts: readonly number[]): number[] {
    const ids: number[] = [];
    for (let i = 0; i < starts.length - 1; i++) {
      const rank = this.rankOf(bytes, starts[i]!, starts[i + 1]!);
      if (rank === Infinity)
        throw new Error("byte sequence missing from the vocabulary (a rank table without all 256 bytes?)");
      ids.push(rank);
    }
    return ids;
  }

  /** Merges `bytes[0, length)` by rescanning the pairs' ranks after each merge. */
  private mergeByScan(bytes: Uint8Array, length: number): number[] {
    const starts: number[] = [];
    for (let i = 0; i <= length; i++) starts.push(i);
    const ranks: number[] = [];
    for (let i = 0; i < starts.length - 2; i++) ranks.push(this.rankOf(bytes, starts[i]!, starts[i + 2]!));
    for (;;) {
      let best = Infinity;
      let at = -1;
      for (let i = 0; i < ranks.length; i++) {
        if (ranks[i]! < best) {
          best = ranks[i]!;
          at = i;
        }
      }
      if (at < 0) break;
      starts.splice(at + 1, 1);
      ranks.splice(at, 1);
      if (at < ranks.length)
        ranks[at] = at + 2 < starts.length ? this.rankOf(bytes, starts[at]!, starts[at + 2]!) : Infinity;
      if (at > 0) ranks[at - 1] = this.rankOf(bytes, starts[at - 1]!, starts[at + 1]!);
    }
    return this.idsOf(bytes, starts);
  }

  /**
   * Same result as {@link mergeByScan} for long pieces: each part's pair rank in a {@link RankTournament}
   * (lowest, then leftmost) and a forward link per byte, -1 once the byte is inside an earlier part (the
   * part before one is found by stepping back over those). 8 bytes a byte of a piece that may be megabytes.
   */
  private mergeLongPiece(bytes: Uint8Array, out: { push(id: number): unknown }): void {
    const n = bytes.length;
    const next = new Int32Array(n + 1);
    for (let i = 0; i <= n; i++) next[i] = i + 1;
    const pairs = new RankTournament(n);
    const pairRank = (left: number): number => {
      const mid = next[left]!;
      if (mid >= n) return NO_RANK;
      const rank = this.rankOf(bytes, left, next[mid]!);
      return rank === Infinity ? NO_RANK : rank;
    };
    for (let i = 0; i < n - 1; i++) pairs.setQuietly(i, pairRank(i));
    pairs.build();
    for (let left = pairs.peek(); left >= 0; left = pairs.peek()) {
      const mid = next[left]!;
      next[left] = next[mid]!;
      next[mid] = -1;
      pairs.set(mid, NO_RANK);
      pairs.set(left, pairRank(left));
      let before = left - 1;
      while (before >= 0 && next[before] === -1) before--;
      if (before >= 0) pairs.set(before, pairRank(before));
    }
    for (let i = 0; i < n; i = next[i]!) {
      const rank = this.rankOf(bytes, i, next[i]!);
      if (rank === Infinity)
        throw new Error("byte sequence missing from the vocabulary (a rank table without all 256 bytes?)");
      out.push(rank);
    }
  }
}

/** The rank table's bytes packed into one array (no array per rank: o200k has 200,000 of them). */
function packRanks(ranks: RankTable): ByteStringTable {
  let total = 0;
  for (let rank = 0; rank < ranks.length; rank++) {
    const value = ranks[rank];
    total += value === undefined ? 0 : typeof value === "string" ? utf8ByteLength(value) : value.length;
  }
  const data = new Uint8Array(total);
  const offsets = new Uint32Array(ranks.length + 1);
  let at = 0;
  for (let rank = 0; rank < ranks.length; rank++) {
    offsets[rank] = at;
    const value = ranks[rank];
    if (typeof value === "string") at = utf8EncodeInto(value, data, at);
    else if (value !== undefined) {
      data.set(value, at);
      at += value.length;
    }
  }
  offsets[ranks.length] = at;
  return new ByteStringTable(data, offsets);
}
