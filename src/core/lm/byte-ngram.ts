/**
 * An interpolated Kneser–Ney byte n-gram model: the smoothed baseline the byte transformer must beat.
 *
 * Symbols are bytes 0–255; contexts at the start of a document (or of a scored window) are padded with a
 * start symbol (256), just as the transformer starts every window from BOS. Orders below the highest use
 * continuation counts (how many distinct symbols precede an n-gram); each order has one absolute discount
 * D = n1 / (n1 + 2·n2) from its counts of counts; order 0 is uniform over the 256 bytes.
 */

/** The padding symbol before the first byte of a document or window. */
export const NGRAM_START = 256;

const BASE = 257;

/** Counts of one order: n-gram counts (raw at the top order, continuation counts below) and context totals. */
interface OrderCounts {
  /** Key = context symbols and the byte, base 257. */
  grams: Map<number, number>;
  /** Key = context symbols, base 257 → total count and number of distinct following bytes. */
  contexts: Map<number, { total: number; distinct: number }>;
  discount: number;
}

/** A trained byte n-gram model (see {@link trainByteNgram}). */
export interface ByteNgram {
  readonly order: number;
  /** Index k − 1 holds the counts of order k (k bytes: k − 1 of context and the predicted one). */
  readonly orders: readonly OrderCounts[];
}

function discountOf(grams: Map<number, number>): number {
  let n1 = 0;
  let n2 = 0;
  for (const c of grams.values()) {
    if (c === 1) n1++;
    else if (c === 2) n2++;
  }
  return n1 + n2 === 0 ? 0.5 : Math.min(0.95, Math.max(0.05, n1 / (n1 + 2 * n2)));
}

function contextsOf(grams: Map<number, number>): Map<number, { total: number; distinct: number }> {
  const contexts = new Map<number, { total: number; distinct: number }>();
  for (const [key, count] of grams) {
    const ctx = Math.floor(key / BASE);
    const stats = contexts.get(ctx);
    if (stats) {
      stats.total += count;
      stats.distinct++;
    } else contexts.set(ctx, { total: count, distinct: 1 });
  }
  return contexts;
}

/**
 * Trains an interpolated Kneser–Ney model of the given order (1–5) on documents of bytes; each document
 * starts from the padded start context.
 */
export function trainByteNgram(documents: readonly Uint8Array[], order = 5): ByteNgram {
  // Keys of order + 1 symbols in base 257 must stay below 2^53: order 5 is the most.
  if (!Number.isInteger(order) || order < 1 || order > 5)
    throw new RangeError(`order must be 1–5, got ${order}`);
  const top = new Map<number, number>();
  const modulus = BASE ** order;
  for (const doc of documents) {
    let key = 0;
    for (let i = 0; i < order - 1; i++) key = key * BASE + NGRAM_START;
    for (const byte of doc) {
      key = (key * BASE + byte) % modulus;
      top.set(key, (top.get(key) ?? 0) + 1);
    }
  }
  const gramsByOrder: Map<number, number>[] = new Array<Map<number, number>>(order);
  gramsByOrder[order - 1] = top;
  for (let k = order - 1; k >= 1; k--) {
    // Continuation count of a k-gram: the distinct symbols seen before it in the (k+1)-grams.
    const lower = new Map<number, number>();
    const suffixModulus = BASE ** k;
    for (const key of gramsByOrder[k]!.keys()) {
      const suffix = key % suffixModulus;
      lower.set(suffix, (lower.get(suffix) ?? 0) + 1);
    }
    gramsByOrder[k - 1] = lower;
  }
  const orders = gramsByOrder.map((grams) => ({
    grams,
    contexts: contextsOf(grams),
    discount: discountOf(grams),
  }));
  return { order, orders };
}

/** The context key of order k (its last k − 1 symbols) from the full history key of order − 1 symbols. */
function contextKey(history: number, k: number): number {
  return k === 1 ? 0 : history % BASE ** (k - 1);
}

/** Key of the last `order − 1` symbols before position `t` of a window (padded with the start symbol). */
function historyKey(window: Uint8Array, t: number, order: number): number {
  let key = 0;
  for (let i = t - (order - 1); i < t; i++) key = key * BASE + (i < 0 ? NGRAM_START : window[i]!);
  return key;
}

/** P(byte | history) where `history` is the key of the last `order − 1` symbols. */
function probability(model: ByteNgram, history: number, byte: number): number {
  let p = 1 / 256;
  for (let k = 1; k <= model.order; k++) {
    const counts = model.orders[k - 1]!;
    const ctx = contextKey(history, k);
    const stats = counts.contexts.get(ctx);
    if (!stats) continue;
    const c = counts.grams.get(ctx * BASE + byte) ?? 0;
    const d = counts.discount;
    p = Math.max(c - d, 0) / stats.total + ((d * stats.distinct) / stats.total) * p;
  }
  return p;
}

/**
 * The next-byte distribution after `context` (its last `order − 1` bytes count; a shorter context is
 * padded with the start symbol, as at the start of a window). Sums to 1.
 */
export function ngramDistribution(model: ByteNgram, context: Uint8Array): Float64Array {
  const history = historyKey(context, context.length, model.order);
  const probs = new Float64Array(256);
  for (let b = 0; b < 256; b++) probs[b] = probability(model, history, b);
  return probs;
}

/** Bits (−log2 p) of every byte of a window scored from the start context. */
export function ngramWindowBits(model: ByteNgram, window: Uint8Array): Float64Array {
  const bits = new Float64Array(window.length);
  for (let t = 0; t < window.length; t++)
    bits[t] = -Math.log2(probability(model, historyKey(window, t, model.order), window[t]!));
  return bits;
}

/** Mean bits per byte over windows, each scored from the start context (0 when there are no bytes). */
export function ngramBitsPerByte(model: ByteNgram, windows: readonly Uint8Array[]): number {
  let sum = 0;
  let count = 0;
  for (const window of windows) {
    for (const b of ngramWindowBits(model, window)) sum += b;
    count += window.length;
  }
  return count === 0 ? 0 : sum / count;
}
