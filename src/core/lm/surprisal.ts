/**
 * Per-byte surprisal and next-byte distributions from any byte-level language model, for text of any
 * length: the text is scored in context-length windows, each from the model's start state (BOS).
 */

/**
 * A byte-level language model, whatever runs it (onnxruntime in a worker, a test double).
 * Input positions are BOS followed by up to `contextLength − 1` bytes.
 */
export interface ByteLanguageModel {
  /** A short name for reports (`byte-lm`). */
  readonly name: string;
  /** The most input positions the model takes, BOS included. */
  readonly contextLength: number;
  /**
   * Logits for a batch of contexts. For a context of n bytes (n ≤ contextLength − 1) the result holds
   * (n + 1) × 256 logits, row-major: row i is the distribution of byte i given BOS and bytes 0 … i − 1,
   * so row n is the next byte after the whole context.
   */
  logits(contexts: readonly Uint8Array[]): Promise<Float32Array[]>;
}

/** The part of `AbortSignal` that cancellation needs (core has no DOM types). */
export interface CancelSignal {
  readonly aborted: boolean;
}

/** Options of {@link computeSurprisal}. */
export interface SurprisalOptions {
  /**
   * Bytes scored per window after the first (1 … contextLength). The default, contextLength, gives
   * non-overlapping windows (the evaluation protocol); smaller strides give every scored byte more context.
   */
  stride?: number;
  /** Windows per model call (default 8). */
  batchSize?: number;
  /** Keep the full 256-way probability distribution of every position (256 floats per byte). */
  keepDistributions?: boolean;
  /** Called after every model call with the bytes scored so far. */
  onProgress?: (scoredBytes: number, totalBytes: number) => void;
  /** Checked before every model call; when aborted, the computation rejects with an `AbortError`. */
  signal?: CancelSignal;
}

/** Per-byte results of {@link computeSurprisal}. */
export interface SurprisalResult {
  /** −log2 p(byte i | its context), per byte. */
  bits: Float32Array;
  /** Entropy in nats of the predicted distribution at each byte position (before seeing the byte). */
  entropyNats: Float32Array;
  /** Mean of `bits` (0 for empty input). */
  bitsPerByte: number;
  /** With `keepDistributions`: probabilities, row-major, 256 per byte. */
  distributions?: Float32Array;
}

/** A scored chunk [start, end) and the window (context) whose rows score it. */
export interface SurprisalWindow {
  /** First byte of the model input after BOS. */
  windowStart: number;
  /** Scored byte range. */
  start: number;
  end: number;
}

/** log(2), to turn nats into bits. */
export const LN2 = Math.LN2;

/** Log-softmax of `length` logits starting at `offset`, written into `out` (natural log). */
export function logSoftmax(
  logits: ArrayLike<number>,
  offset = 0,
  length = logits.length - offset,
  out: Float64Array = new Float64Array(length),
): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < length; i++) max = Math.max(max, logits[offset + i]!);
  let sum = 0;
  for (let i = 0; i < length; i++) sum += Math.exp(logits[offset + i]! - max);
  const logZ = max + Math.log(sum);
  for (let i = 0; i < length; i++) out[i] = logits[offset + i]! - logZ;
  return out;
}

/** Softmax of `length` logits starting at `offset`. */
export function softmax(
  logits: ArrayLike<number>,
  offset = 0,
  length = logits.length - offset,
): Float64Array {
  const out = logSoftmax(logits, offset, length);
  for (let i = 0; i < length; i++) out[i] = Math.exp(out[i]!);
  return out;
}

/** Entropy in nats of a distribution given by its log-probabilities. */
export function entropyFromLogProbs(logProbs: ArrayLike<number>): number {
  let h = 0;
  for (let i = 0; i < logProbs.length; i++) {
    const lp = logProbs[i]!;
    if (lp > -Infinity) h -= Math.exp(lp) * lp;
  }
  return h;
}

/** Entropy in nats of a probability distribution. */
export function entropyNats(probs: ArrayLike<number>): number {
  let h = 0;
  for (let i = 0; i < probs.length; i++) {
    const p = probs[i]!;
    if (p > 0) h -= p * Math.log(p);
  }
  return h;
}

/** Entropy in bits of a probability distribution. */
export function entropyBits(probs: ArrayLike<number>): number {
  return entropyNats(probs) / LN2;
}

/**
 * How {@link computeSurprisal} cuts `length` bytes: the first window scores bytes [0, contextLength);
 * every later one scores the next `stride` bytes after `contextLength − stride` bytes of context (so with
 * the default stride the windows do not overlap and each restarts from BOS).
 */
export function surprisalWindows(
  length: number,
  contextLength: number,
  stride = contextLength,
): SurprisalWindow[] {
  if (!(contextLength >= 2)) throw new RangeError("contextLength must be at least 2");
  if (!(stride >= 1 && stride <= contextLength)) throw new RangeError("stride must be in 1 … contextLength");
  const windows: SurprisalWindow[] = [];
  for (let start = 0; start < length;) {
    const end = Math.min(length, start === 0 ? contextLength : start + stride);
    windows.push({ windowStart: Math.max(0, start - (contextLength - stride)), start, end });
    start = end;
  }
  return windows;
}

function abortError(): Error {
  const error = new Error("The surprisal computation was aborted.");
  error.name = "AbortError";
  return error;
}

/** Per-byte bits and entropies of `bytes` under the model (see {@link SurprisalOptions}). */
export async function computeSurprisal(
  model: ByteLanguageModel,
  bytes: Uint8Array,
  options: SurprisalOptions = {},
): Promise<SurprisalResult> {
  const n = bytes.length;
  const windows = surprisalWindows(n, model.contextLength, options.stride ?? model.contextLength);
  const batchSize = Math.max(1, options.batchSize ?? 8);
  const bits = new Float32Array(n);
  const entropy = new Float32Array(n);
  const distributions = options.keepDistributions ? new Float32Array(n * 256) : undefined;
  const logProbs = new Float64Array(256);
  let total = 0;
  for (let b = 0; b < windows.length; b += batchSize) {
    if (options.signal?.aborted) throw abortError();
    const batch = windows.slice(b, b + batchSize);
    // The context ends one byte before the window's last scored byte: its last row predicts that byte.
    const contexts = batch.map((w) => bytes.subarray(w.windowStart, w.end - 1));
    const results = await model.logits(contexts);
    batch.forEach((w, k) => {
      const logits = results[k];
      if (!logits || logits.length < (w.end - w.windowStart) * 256)
        throw new Error(
          `model returned ${logits?.length ?? 0} logits for ${w.end - w.windowStart} positions`,
        );
      for (let i = w.start; i < w.end; i++) {
        logSoftmax(logits, (i - w.windowStart) * 256, 256, logProbs);
        bits[i] = -logProbs[bytes[i]!]! / LN2;
        total += bits[i]!;
        entropy[i] = entropyFromLogProbs(logProbs);
        if (distributions) for (let v = 0; v < 256; v++) distributions[i * 256 + v] = Math.exp(logProbs[v]!);
      }
    });
    options.onProgress?.(batch[batch.length - 1]!.end, n);
  }
  return { bits, entropyNats: entropy, bitsPerByte: n === 0 ? 0 : total / n, distributions };
}

/**
 * Bits (−log2 p) of every byte of each window, each window scored on its own from BOS (windows of at
 * most `contextLength` bytes). Windows of equal length share a model call, `batchSize` at a time.
 */
export async function scoreWindows(
  model: ByteLanguageModel,
  windows: readonly Uint8Array[],
  batchSize = 16,
): Promise<Float32Array[]> {
  const order = windows.map((_, i) => i).sort((a, b) => windows[a]!.length - windows[b]!.length || a - b);
  const out: Float32Array[] = new Array<Float32Array>(windows.length);
  const logProbs = new Float64Array(256);
  for (let b = 0; b < order.length; b += batchSize) {
    const batch = order.slice(b, b + batchSize);
    const contexts = batch.map((i) => {
      const w = windows[i]!;
      if (w.length > model.contextLength) throw new RangeError("window longer than the context length");
      return w.subarray(0, Math.max(0, w.length - 1));
    });
    const results = await model.logits(contexts);
    batch.forEach((i, k) => {
      const w = windows[i]!;
      const bits = new Float32Array(w.length);
      for (let t = 0; t < w.length; t++) {
        logSoftmax(results[k]!, t * 256, 256, logProbs);
        bits[t] = -logProbs[w[t]!]! / LN2;
      }
      out[i] = bits;
    });
  }
  return out;
}

/** The next-byte distribution after some text. */
export interface NextByteDistribution {
  /** Probability of each byte value 0–255. */
  probs: Float64Array;
  entropyNats: number;
  entropyBits: number;
}

/** The distribution of the byte after `bytes` (its last `contextLength − 1` bytes are the context). */
export async function nextByteDistribution(
  model: ByteLanguageModel,
  bytes: Uint8Array,
): Promise<NextByteDistribution> {
  const context = bytes.subarray(Math.max(0, bytes.length - (model.contextLength - 1)));
  const [logits] = await model.logits([context]);
  if (!logits || logits.length < (context.length + 1) * 256) throw new Error("model returned too few logits");
  const probs = softmax(logits, context.length * 256, 256);
  const h = entropyNats(probs);
  return { probs, entropyNats: h, entropyBits: h / LN2 };
}

/** The k most likely next bytes, most likely first (ties by byte value). */
export function topBytes(probs: ArrayLike<number>, k: number): { byte: number; prob: number }[] {
  return Array.from({ length: probs.length }, (_, byte) => ({ byte, prob: probs[byte]! }))
    .sort((a, b) => b.prob - a.prob || a.byte - b.byte)
    .slice(0, k);
}
