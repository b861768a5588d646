import { decodeTokens, idsEqual, tokenIndexAt, type LemmaTokenizer } from "./lemma-tokenizer";
import { logSumExp } from "./log-space";

/**
 * A token-level language model, whatever runs it (onnxruntime in a worker, a Markov oracle, a test double).
 * Row layout: natural-log probabilities of the next token over ids 0 … vocabSize − 1, then end-of-sequence
 * at index `vocabSize`.
 */
export interface TokenLanguageModel {
  /** A short name for reports. */
  readonly name: string;
  /** Ordinary token ids; the end-of-sequence entry of each row sits at this index. */
  readonly vocabSize: number;
  /**
   * Next-token log-probabilities after each prefix (token ids without BOS: the model adds its own start).
   * Batch-friendly: the lemma asks for all the contexts of one query at once.
   */
  logProbs(prefixes: readonly Uint32Array[]): Promise<(Float32Array | Float64Array)[]>;
}

/**
 * How next-token probabilities are read. `"local"`: invalid continuations are masked and the rest
 * renormalized at every context, which makes the LM a proper distribution over canonical encodings (then
 * mass is conserved and next-byte probabilities telescope exactly, even for an LM that leaks mass onto
 * non-canonical tokens). `"raw"`: the LM's own probabilities, masked only after the boundary cover (the
 * official code's way; cheaper: one validity mask per query).
 */
export type NextTokenNormalization = "local" | "raw";

const CACHE_LIMIT = 4096;

/** The bytes a context re-encodes from: its stable boundary and the tokens after it. */
interface ContextTail {
  bytes: Uint8Array;
  ids: Uint32Array;
}

/**
 * A {@link TokenLanguageModel} seen through a tokenizer: cached rows per token prefix, validity masks and
 * the chosen {@link NextTokenNormalization}. One instance serves many queries on the same text.
 */
export class TokenContextModel {
  /** Contexts sent to the LM so far (each is one forward pass' worth of work). */
  evaluatedContexts = 0;
  /** Validity masks computed so far. */
  computedMasks = 0;
  private rows = new Map<string, Float64Array>();
  private masks = new Map<string, Uint8Array>();
  private nexts = new Map<string, Float64Array>();
  private tails = new Map<string, ContextTail>();

  /**
   * @param cacheLimit rows kept before the cache starts afresh (each row is 8 × (vocabulary + 1) bytes).
   * @throws Error when the LM's vocabulary size differs from the tokenizer's.
   */
  constructor(
    readonly lm: TokenLanguageModel,
    readonly tokenizer: LemmaTokenizer,
    readonly normalization: NextTokenNormalization = "local",
    private readonly cacheLimit = CACHE_LIMIT,
  ) {
    if (lm.vocabSize !== tokenizer.vocabSize)
      throw new Error(`The LM has ${lm.vocabSize} tokens, the tokenizer ${tokenizer.vocabSize}.`);
  }

  /** The end-of-sequence index of every row. */
  get eos(): number {
    return this.lm.vocabSize;
  }

  /** Forgets cached rows and masks (a new text, or memory to reclaim). */
  clear(): void {
    this.rows = new Map();
    this.masks = new Map();
    this.nexts = new Map();
    this.tails = new Map();
  }

  /** Fetches the rows of the contexts not cached yet, in one batched LM call. */
  async ensure(contexts: readonly Uint32Array[]): Promise<void> {
    const wanted = new Map<string, Uint32Array>();
    for (const ids of contexts) wanted.set(contextKey(ids), ids);
    let missing = new Map([...wanted].filter(([key]) => !this.rows.has(key)));
    if (missing.size === 0) return;
    if (this.rows.size + missing.size > this.cacheLimit) {
      // Start afresh, but keep every context of this batch: callers read them right after.
      this.clear();
      missing = wanted;
    }
    const prefixes = [...missing.values()];
    const rows = await this.lm.logProbs(prefixes);
    if (rows.length !== prefixes.length) throw new Error("The token LM returned the wrong number of rows.");
    [...missing.keys()].forEach((key, i) => {
      const row = rows[i]!;
      if (row.length !== this.eos + 1) throw new Error(`A token LM row holds ${row.length} entries.`);
      this.rows.set(key, Float64Array.from(row));
    });
    this.evaluatedContexts += prefixes.length;
  }

  /** The LM's own next-token log-probabilities after `ids` (call {@link ensure} first). */
  raw(ids: Uint32Array): Float64Array {
    const row = this.rows.get(contextKey(ids));
    if (!row) throw new Error(`No LM row for context [${ids.join(",")}]: call ensure() first.`);
    return row;
  }

  /**
   * Next-token log-probabilities after `ids` under the normalization: `local` masks invalid tokens (−∞) and
   * renormalizes; `raw` returns {@link raw}.
   */
  next(ids: Uint32Array): Float64Array {
    if (this.normalization === "raw") return this.raw(ids);
    const key = contextKey(ids);
    let row = this.nexts.get(key);
    if (!row) {
      const raw = this.raw(ids);
      const mask = this.mask(ids);
      row = new Float64Array(raw.length);
      for (let id = 0; id < this.eos; id++) row[id] = mask[id] ? raw[id]! : -Infinity;
      row[this.eos] = this.endAllowed(ids) ? raw[this.eos]! : -Infinity;
      const total = logSumExp(row);
      for (let i = 0; i < row.length; i++) row[i] = row[i]! - total;
      this.nexts.set(key, row);
    }
    return row;
  }

  /** 1 where `ids ++ [id]` is canonical, for every id (the context `ids` itself is assumed canonical). */
  mask(ids: Uint32Array): Uint8Array {
    const key = contextKey(ids);
    let mask = this.masks.get(key);
    if (!mask) {
      const tail = this.tail(ids, key);
      if (this.tokenizer.nextTokenMask) mask = this.tokenizer.nextTokenMask(tail.bytes, tail.ids);
      else {
        mask = new Uint8Array(this.eos);
        for (let id = 0; id < this.eos; id++) mask[id] = this.extends(tail, id) ? 1 : 0;
      }
      this.masks.set(key, mask);
      this.computedMasks++;
    }
    return mask;
  }

  /** Whether the text may end after `ids` (end-of-sequence is valid there: not inside a character). */
  endAllowed(ids: Uint32Array): boolean {
    const tail = this.tail(ids, contextKey(ids));
    return this.tokenizer.admitsEnd?.(tail.bytes) ?? true;
  }

  /** Whether `ids ++ [id]` is canonical (from the mask when there is one, else one re-encoding). */
  isValidNext(ids: Uint32Array, id: number): boolean {
    const key = contextKey(ids);
    const mask = this.masks.get(key);
    return mask ? mask[id] === 1 : this.extends(this.tail(ids, key), id);
  }

  private tail(ids: Uint32Array, key: string): ContextTail {
    let tail = this.tails.get(key);
    if (!tail) {
      const bytes = decodeTokens(this.tokenizer, ids);
      let boundary = this.tokenizer.stableBoundary(bytes);
      let index = tokenIndexAt(this.tokenizer, ids, boundary);
      if (index < 0) [boundary, index] = [0, 0];
      tail = { bytes: bytes.slice(boundary), ids: ids.slice(index) };
      this.tails.set(key, tail);
    }
    return tail;
  }

  private extends(tail: ContextTail, id: number): boolean {
    const token = this.tokenizer.tokenBytes(id);
    if (token.length === 0) return false;
    const bytes = new Uint8Array(tail.bytes.length + token.length);
    bytes.set(tail.bytes, 0);
    bytes.set(token, tail.bytes.length);
    if (!this.tokenizer.admitsPrefix(bytes)) return false;
    const encoded = this.tokenizer.encode(bytes);
    return (
      encoded.length === tail.ids.length + 1 &&
      encoded[tail.ids.length] === id &&
      idsEqual(encoded.subarray(0, tail.ids.length), tail.ids)
    );
  }
}

/** A map key for a token prefix. */
export function contextKey(ids: ArrayLike<number>): string {
  return Array.prototype.join.call(ids, ",");
}
