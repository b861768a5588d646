import { keptMerges, type InferenceMethod } from "../../bpe/merge-free";
import { seededPermutation } from "../../bpe/random";
import { utf8ByteLength, utf8Encode, utf8EncodeInto } from "../../text/utf8";
import {
  optionalBoolean,
  optionalNumber,
  optionalString,
  TokenizerFileError,
  UnsupportedComponentError,
  type JsonNode,
} from "./json-fields";
import { byteLevelAlphabet } from "../../bpe/byte-chars";
import { bpeTablesFromJson, byteLevelTexts, charsBeforeSets, type BpeTables } from "./bpe-tables";
import { tokensById, type TokenizerModel, type TokenSink } from "./model";
import { NO_RANK, RankTournament } from "../../collections/rank-tournament";
import { PieceCache } from "../../collections/piece-cache";
import { PairTable } from "./pair-table";
import { Uint32List } from "../../collections/uint32-list";

/** Words of at most this many symbols merge by rescanning (fast for short words); longer ones by rank tournament. */
const SCAN_LIMIT = 48;
const CACHE_LIMIT = 100_000;
/** Pieces longer than this are not cached. */
const CACHE_MAX_UNITS = 64;
/** The link of a symbol merged into the one before it (long-word merge). */
const MERGED_AWAY = -2;

/** A word's tokens: ids and the UTF-8 bytes of the piece each covers. */
interface Word {
  ids: ArrayLike<number>;
  lengths: ArrayLike<number>;
}

/** A short word's symbols, merged in place by rescanning. */
interface CachedWord extends Word {
  ids: number[];
  lengths: number[];
}

/** Where symbols are written: plain arrays for short words, typed lists for long ones (memory). */
interface SymbolSink {
  ids: { push(value: number): unknown };
  lengths: { push(value: number): unknown };
}

/**
 * Byte-pair encoding as the Rust library runs it: a word starts as one symbol per character (or per byte,
 * byte-level), unknown ones become byte-fallback tokens, an unknown token (fused or not) or nothing; then the
 * adjacent pair with the lowest merge rank is merged (leftmost first) until no pair has a merge.
 */
export class BpeModel implements TokenizerModel {
  readonly type = "BPE";
  readonly vocabSize: number;
  readonly unkId: number | null;
  readonly byteFallback: boolean;
  readonly continuingSubwordPrefix: string | null;
  readonly endOfWordSuffix: string | null;
  private readonly vocab: Map<string, number>;
  private readonly tokens: string[];
  /** (left id, right id) → merge rank. */
  private mergeRank: PairTable;
  /** merge rank → id of the merged token. */
  private readonly mergeResult: Uint32Array;
  private readonly fuseUnk: boolean;
  private readonly ignoreMerges: boolean;
  /** Byte-level: byte → id of its character, or -1. */
  private readonly byteIds = new Int32Array(256).fill(-1);
  /** Byte fallback: byte → id of `<0xXX>`, or -1. */
  private readonly fallbackIds = new Int32Array(256).fill(-1);
  private readonly cache = new PieceCache<Word>(CACHE_LIMIT);
  /** Where a short byte-level word is encoded (a cached word has at most CACHE_MAX_UNITS units). */
  private readonly scratch = new Uint8Array(3 * CACHE_MAX_UNITS);
  private readonly method: InferenceMethod;
  /**
   * Where a character-level word may be cut without changing the result: before `▁`, a line break or a space
   * that follows a character no vocabulary token has right before it (`cutBefore.get(c)` lists those that
   * some token has), so no merge can cross the cut. Whole texts that reach the model as one word (Llama 2,
   * Gemma 3) then run as many short, cacheable words.
   */
  private readonly cutBefore: Map<string, Set<string>> = new Map();
  /** Longest vocabulary token, in symbols (characters, or bytes for byte-level), for merge-free methods. */
  private longestToken = 0;

  /**
   * @param method how a word is cut once it is spelled in symbols: the merge list (the file's meaning), a
   *   permuted or thinned merge list, or no merge list at all (greedy longest prefix, fewest tokens).
   */
  constructor(node: JsonNode, method: InferenceMethod = { kind: "merges" }, precompiled?: BpeTables) {
    this.method = method;
    const prefix = optionalString(node, "continuing_subword_prefix");
    const suffix = optionalString(node, "end_of_word_suffix");
    this.continuingSubwordPrefix = prefix === "" ? null : prefix;
    this.endOfWordSuffix = suffix === "" ? null : suffix;
    const tables = precompiled ?? bpeTablesFromJson(node, this.continuingSubwordPrefix);
    this.vocab = tables.vocab;
    const { tokens, size } = tokensById(this.vocab);
    this.tokens = tokens;
    this.vocabSize = size;
    const dropout = optionalNumber(node, "dropout");
    if (dropout !== null && dropout > 0)
      throw new UnsupportedComponentError(`BPE dropout (${dropout}; it makes every encoding random)`);
    const unk = optionalString(node, "unk_token");
    this.unkId = unk === null ? null : (this.vocab.get(unk) ?? null);
    if (unk !== null && this.unkId === null)
      throw new TokenizerFileError(`${node.path}.unk_token ${JSON.stringify(unk)} is not in the vocabulary.`);
    this.fuseUnk = optionalBoolean(node, "fuse_unk", false);
    this.byteFallback = optionalBoolean(node, "byte_fallback", false);
    this.ignoreMerges = optionalBoolean(node, "ignore_merges", false);
    this.byteLevelByText = tables.byteLevelByText;
    for (let b = 0; b < 256; b++) {
      this.byteIds[b] = this.vocab.get(byteLevelAlphabet()[b]!) ?? -1;
      this.fallbackIds[b] = this.vocab.get(`<0x${b.toString(16).toUpperCase().padStart(2, "0")}>`) ?? -1;
    }
    const merges = tables.merges;
    const count = merges.length / 3;
    // Priority k goes to merge order[k]; the variant lanes permute or thin the list (src/core/bpe/merge-free.ts).
    const order =
      method.kind === "permuted-merges"
        ? seededPermutation(count, method.seed)
        : method.kind === "deleted-merges"
          ? keptMerges(count, method.share, method.seed)
          : null;
    const length = order ? order.length : count;
    this.mergeResult = new Uint32Array(length);
    this.mergeRank = new PairTable(length);
    for (let priority = 0; priority < length; priority++) {
      const rank = order ? order[priority]! : priority;
      this.mergeRank.setIfAbsent(merges[rank * 3]!, merges[rank * 3 + 1]!, priority);
      this.mergeResult[priority] = merges[rank * 3 + 2]!;
    }
    if (method.kind === "greedy" || method.kind === "least-tokens")
      for (const token of this.vocab.keys())
        this.longestToken = Math.max(this.longestToken, [...token].length);
    if (this.continuingSubwordPrefix === null && this.endOfWordSuffix === null)
      this.cutBefore = tables.cutBefore ?? charsBeforeSets(this.vocab);
  }

  idToToken(id: number): string | undefined {
    return this.tokens[id];
  }

  tokenToId(token: string): number | undefined {
    return this.vocab.get(token);
  }

  clearCache(): void {
    this.cache.clear();
  }

  /** {@link tokenize} of `text[start, end)`; a short piece seen before is found without slicing it. */
  tokenizeRange(text: string, start: number, end: number, byteLevel: boolean, sink: TokenSink): void {
    if (end - start > CACHE_MAX_UNITS) {
      this.tokenize(text.slice(start, end), byteLevel, sink);
      return;
    }
    let word = this.cache.get(text, start, end);
    if (!word) {
      const piece = text.slice(start, end);
      word = this.word(piece, byteLevel);
      this.cache.set(piece, word);
    }
    pushWord(word, sink);
  }

  tokenize(piece: string, byteLevel: boolean, sink: TokenSink): void {
    if (!byteLevel && piece.length > CACHE_MAX_UNITS && this.cutBefore.size > 0) {
      let start = 0;
      for (let i = 1; i < piece.length; i++) {
        const char = piece[i]!;
        const blocked = this.cutBefore.get(char);
        const previous = piece[i - 1]!;
        if (blocked && previous !== char && !blocked.has(previous)) {
          this.tokenizeWord(piece.slice(start, i), false, sink);
          start = i;
        }
      }
      this.tokenizeWord(piece.slice(start), false, sink);
      return;
    }
    this.tokenizeWord(piece, byteLevel, sink);
  }

  private tokenizeWord(piece: string, byteLevel: boolean, sink: TokenSink): void {
    if (piece.length > CACHE_MAX_UNITS) {
      pushWord(this.word(piece, byteLevel, true), sink);
      return;
    }
    let word = this.cache.get(piece, 0, piece.length);
    if (!word) {
      word = this.word(piece, byteLevel);
      this.cache.set(piece, word);
    }
    pushWord(word, sink);
  }

  /**
   * The tokens of one word. A long word (a megabyte of letters can be one) keeps its symbols in typed lists
   * and merges them in place: a JavaScript array takes twice the memory, and millions of one-character
   * strings more.
   */
  private word(piece: string, byteLevel: boolean, long = false): Word {
    if (this.ignoreMerges) {
      const whole = byteLevel ? this.byteLevelTokenOfText(piece) : this.vocab.get(piece);
      if (whole !== undefined) return { ids: [whole], lengths: [utf8ByteLength(piece)] };
    }
    if (!long) {
      const symbols: CachedWord = { ids: [], lengths: [] };
      if (byteLevel) {
        // A short word's bytes go into a scratch buffer: a new array per word cost more than its merging.
        const length = utf8EncodeInto(piece, this.scratch);
        if (length >= 0) this.byteSymbols(this.scratch, length, symbols);
        else this.byteSymbols(utf8Encode(piece), -1, symbols);
      } else this.symbolsOf(piece, utf8ByteLength, symbols);
      return this.merge(symbols);
    }
    const bytes = byteLevel ? utf8Encode(piece) : null;
    if (bytes && bytes.length > SCAN_LIMIT && !this.mergeFree() && this.plainBytes(bytes, bytes.length)) {
      // One symbol per byte, each one byte long: no lengths to keep while merging (4 bytes a byte less).
      const ids = new Uint32Array(bytes.length);
      for (let i = 0; i < bytes.length; i++) ids[i] = this.byteIds[bytes[i]!]!;
      return this.mergeLongWord(ids, null);
    }
    const capacity = bytes ? bytes.length : piece.length;
    const ids = new Uint32List(capacity);
    const lengths = new Uint32List(capacity);
    if (bytes) this.byteSymbols(bytes, -1, { ids, lengths });
    else this.symbolsOf(piece, utf8ByteLength, { ids, lengths });
    return this.merge({ ids: ids.view(), lengths: lengths.view() });
  }

  /** Byte-level tokens whose bytes are valid UTF-8, by that text (built on first use, for `ignore_merges`). */
  private byteLevelByText: Map<string, number> | undefined;

  /** The byte-level token that spells `text`'s UTF-8 bytes, without spelling the text in the byte alphabet. */
  private byteLevelTokenOfText(text: string): number | undefined {
    this.byteLevelByText ??= byteLevelTexts(this.vocab);
    return this.byteLevelByText.get(text);
  }

  /** Initial symbols of a byte-level word (`bytes[0, length)`, all of it for -1): one per byte. */
  private byteSymbols(whole: Uint8Array, length: number, out: SymbolSink): void {
    const n = length < 0 ? whole.length : length;
    if (this.plainBytes(whole, n)) {
      for (let i = 0; i < n; i++) {
        out.ids.push(this.byteIds[whole[i]!]!);
        out.lengths.push(1);
      }
      return;
    }
    const alphabet = byteLevelAlphabet();
    this.symbolsOf(
      Array.from(whole.subarray(0, n), (byte) => alphabet[byte]!),
      () => 1,
      out,
    );
  }

  /** Whether each of the first `n` bytes is a symbol of its own (no prefix or suffix, every byte in the vocabulary). */
  private plainBytes(bytes: Uint8Array, n: number): boolean {
    if (this.continuingSubwordPrefix !== null || this.endOfWordSuffix !== null) return false;
    for (let i = 0; i < n; i++) if (this.byteIds[bytes[i]!]! < 0) return false;
    return true;
  }

  /** Whether words are cut without the merge list (greedy or fewest tokens). */
  private mergeFree(): boolean {
    return this.method.kind === "greedy" || this.method.kind === "least-tokens";
  }

  /**
   * The Rust library's `merge_word` before merging: vocabulary lookup, byte fallback, unknown tokens. `chars`
   * is the word's characters (a string is iterated by code point).
   */
  private symbolsOf(chars: Iterable<string>, width: (char: string) => number, out: SymbolSink): void {
    const { ids, lengths } = out;
    let unkLength = -1; // bytes of a pending (fusable) unknown token, -1 for none
    const flushUnk = (): void => {
      if (unkLength >= 0) {
        ids.push(this.unkId!);
        lengths.push(unkLength);
        unkLength = -1;
      }
    };
    const add = (char: string, first: boolean, last: boolean): void => {
      let symbol = char;
      if (!first && this.continuingSubwordPrefix !== null) symbol = this.continuingSubwordPrefix + symbol;
      if (last && this.endOfWordSuffix !== null) symbol += this.endOfWordSuffix;
      const bytes = width(char);
      const id = this.vocab.get(symbol);
      if (id !== undefined) {
        flushUnk();
        ids.push(id);
        lengths.push(bytes);
        return;
      }
      if (this.byteFallback) {
        const encoded = utf8Encode(symbol);
        let known = true;
        for (const byte of encoded) known &&= this.fallbackIds[byte]! >= 0;
        if (known) {
          // The Rust library gives each fallback token one byte (the last one what is left); its own bytes
          // are the symbol's bytes.
          const count = encoded.length;
          for (let k = 0; k < count; k++) {
            ids.push(this.fallbackIds[encoded[k]!]!);
            lengths.push(k < count - 1 ? (k < bytes ? 1 : 0) : Math.max(0, bytes - (count - 1)));
          }
          return;
        }
      }
      if (this.unkId === null) return; // dropped, as the Rust library does without an unknown token
      if (unkLength >= 0 && this.fuseUnk) unkLength += bytes;
      else {
        flushUnk();
        unkLength = bytes;
      }
    };
    // Each character is added once the next is known: the last one takes the end-of-word suffix.
    let pending: string | undefined;
    let first = true;
    for (const char of chars) {
      if (pending !== undefined) {
        add(pending, first, false);
        first = false;
      }
      pending = char;
    }
    if (pending !== undefined) add(pending, first, true);
    flushUnk();
  }

  private rank(left: number, right: number): number {
    return this.mergeRank.get(left, right);
  }

  private merge(word: Word): Word {
    if (this.mergeFree()) return this.segment(word);
    if (word.ids.length > SCAN_LIMIT)
      return this.mergeLongWord(
        word.ids instanceof Uint32Array ? word.ids : Uint32Array.from(word.ids),
        word.lengths instanceof Uint32Array ? word.lengths : Uint32Array.from(word.lengths),
      );
    return this.mergeByScan(
      Array.isArray(word.ids) && Array.isArray(word.lengths)
        ? (word as CachedWord)
        : { ids: Array.from(word.ids), lengths: Array.from(word.lengths) },
    );
  }

  /**
   * Merge-free inference over the word's symbols: greedy longest vocabulary token first, or the fewest
   * tokens (ties: the longest last token, then the same rule for the rest). Byte-fallback and unknown
   * symbols stay as they are.
   */
  private segment(symbols: Word): CachedWord {
    const word: CachedWord = { ids: Array.from(symbols.ids), lengths: Array.from(symbols.lengths) };
    const n = word.ids.length;
    const text = word.ids.map((id) => (this.isAtomic(id) ? null : this.tokens[id]!));
    const tokenAt = (i: number, j: number): number => {
      let spelled = "";
      for (let k = i; k < j; k++) {
        const part = text[k];
        if (part === null || part === undefined) return -1;
        spelled += part;
      }
      return this.vocab.get(spelled) ?? -1;
    };
    const out: CachedWord = { ids: [], lengths: [] };
    const span = (i: number, j: number): number => word.lengths.slice(i, j).reduce((a, b) => a + b, 0);
    if (this.method.kind === "greedy") {
      for (let i = 0; i < n;) {
        let end = i + 1;
        let id = word.ids[i]!;
        for (let j = Math.min(n, i + this.longestToken); j > i + 1; j--) {
          const found = tokenAt(i, j);
          if (found >= 0) {
            end = j;
            id = found;
            break;
          }
        }
        out.ids.push(id);
        out.lengths.push(span(i, end));
        i = end;
      }
      return out;
    }
    const cost = new Int32Array(n + 1).fill(0x7fffffff);
    const from = new Int32Array(n + 1);
    const token = new Int32Array(n + 1);
    cost[0] = 0;
    for (let i = 0; i < n; i++) {
      const next = cost[i]! + 1;
      if (next < cost[i + 1]!) {
        cost[i + 1] = next;
        from[i + 1] = i;
        token[i + 1] = word.ids[i]!;
      }
      for (let j = i + 2; j <= Math.min(n, i + this.longestToken); j++) {
        if (next >= cost[j]!) continue;
        const found = tokenAt(i, j);
        if (found >= 0) {
          cost[j] = next;
          from[j] = i;
          token[j] = found;
        }
      }
    }
    const cuts: number[] = [];
    for (let j = n; j > 0; j = from[j]!) cuts.push(j);
    let start = 0;
    for (let k = cuts.length - 1; k >= 0; k--) {
      out.ids.push(token[cuts[k]!]!);
      out.lengths.push(span(start, cuts[k]!));
      start = cuts[k]!;
    }
    return out;
  }

  /** Byte-fallback and unknown tokens take part in no merge-free token. */
  private isAtomic(id: number): boolean {
    return id === this.unkId || (this.byteFallback && /^<0x[0-9A-F]{2}>$/.test(this.tokens[id] ?? ""));
  }

  private mergeByScan(word: CachedWord): CachedWord {
    const { ids, lengths } = word;
    if (ids.length < 2) return word;
    const ranks: number[] = [];
    for (let i = 0; i + 1 < ids.length; i++) ranks.push(this.rank(ids[i]!, ids[i + 1]!));
    for (;;) {
      let best = -1;
      let at = -1;
      for (let i = 0; i < ranks.length; i++) {
        const r = ranks[i]!;
        if (r >= 0 && (best < 0 || r < best)) {
          best = r;
          at = i;
        }
      }
      if (at < 0) break;
      ids[at] = this.mergeResult[best]!;
      lengths[at]! += lengths[at + 1]!;
      ids.splice(at + 1, 1);
      lengths.splice(at + 1, 1);
      ranks.splice(at, 1);
      if (at < ranks.length) ranks[at] = this.rank(ids[at]!, ids[at + 1]!);
      if (at > 0) ranks[at - 1] = this.rank(ids[at - 1]!, ids[at]!);
    }
    return word;
  }

  /**
   * The same merges for long words in O(n log n): each symbol's pair rank in a {@link RankTournament} (the
   * lowest, leftmost pair merges next, as with the Rust library's heap, whose stale entries it skips), and
   * a forward link per symbol, {@link MERGED_AWAY} once the symbol is merged into the one before it (which
   * is found by stepping back over those, never more than the longest token). `ids` and `lengths` (the
   * symbols' own, this call's to change; null when every symbol is one byte) are merged in place. 16 bytes a
   * symbol in all, 12 without lengths: a 5 MB word is 5 million symbols.
   */
  private mergeLongWord(ids: Uint32Array, lengths: Uint32Array | null): Word {
    const n = ids.length;
    const next = new Int32Array(n);
    for (let i = 0; i < n; i++) next[i] = i + 1 < n ? i + 1 : -1;
    const pairs = new RankTournament(n);
    const rankOrNone = (left: number, right: number): number => {
      const r = this.rank(ids[left]!, ids[right]!);
      return r < 0 ? NO_RANK : r;
    };
    for (let i = 0; i + 1 < n; i++) pairs.setQuietly(i, rankOrNone(i, i + 1));
    pairs.build();
    for (let at = pairs.peek(); at >= 0; at = pairs.peek()) {
      const right = next[at]!;
      ids[at] = this.mergeResult[pairs.rank(at)]!;
      if (lengths) lengths[at]! += lengths[right]!;
      const after = next[right]!;
      next[right] = MERGED_AWAY;
      pairs.set(right, NO_RANK);
      next[at] = after;
      pairs.set(at, after >= 0 ? rankOrNone(at, after) : NO_RANK);
      let before = at - 1;
      while (before >= 0 && next[before] === MERGED_AWAY) before--;
      if (before >= 0) pairs.set(before, rankOrNone(before, at));
    }
    // The surviving symbols, moved to the front in order (a survivor never lies before its new place); one-byte
    // symbols' lengths are where the next survivor starts, written over the links already read.
    const out = lengths ?? new Uint32Array(next.buffer, 0, n);
    let count = 0;
    for (let i = 0; i >= 0;) {
      const following = next[i]!;
      ids[count] = ids[i]!;
      out[count++] = lengths ? lengths[i]! : (following < 0 ? n : following) - i;
      i = following;
    }
    return { ids: ids.subarray(0, count), lengths: out.subarray(0, count) };
  }
}

function pushWord(word: Word, sink: TokenSink): void {
  sink.ids.append(word.ids);
  sink.lengths.append(word.lengths);
}
