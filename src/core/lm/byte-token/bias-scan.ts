import { totalVariation } from "./divergence";
import { exactNextByte, naiveNextByte } from "./next-byte";
import type { TokenContextModel } from "./token-lm";

/** How far the naive next-byte distribution is from the exact one after one prefix of the text. */
export interface BiasPoint {
  /** Prefix length in bytes (the prompt is `bytes[0, position)`). */
  position: number;
  /** Total-variation distance between naive and exact. */
  tv: number;
  /** Exact probability of the byte that actually follows (or of end-of-text at the end). */
  exactNext: number;
  /** Naive probability of that same byte. */
  naiveNext: number;
}

/** Options of {@link scanBias}. */
export interface BiasScanOptions {
  onProgress?: (done: number, total: number) => void;
  /**
   * Awaited before each position: a worker yields to its message queue here, so a cancel can arrive, and
   * rejects to stop the scan.
   */
  pause?: () => Promise<void>;
}

/** Prefix lengths that end on a UTF-8 character boundary, from 1 up to `limit` bytes. */
export function characterBoundaries(bytes: Uint8Array, limit = bytes.length): number[] {
  const out: number[] = [];
  for (let n = 1; n <= Math.min(limit, bytes.length); n++)
    if (n === bytes.length || (bytes[n]! & 0xc0) !== 0x80) out.push(n);
  return out;
}

/**
 * The "where is the bias" scan: after each given prefix, the naive and the exact next-byte distributions
 * and their distance, with what each gave the byte that really comes next. One exact query per position.
 * @throws what `pause` rejects with.
 */
export async function scanBias(
  model: TokenContextModel,
  bytes: Uint8Array,
  positions: readonly number[],
  options: BiasScanOptions = {},
): Promise<BiasPoint[]> {
  const points: BiasPoint[] = [];
  for (const [i, position] of positions.entries()) {
    await options.pause?.();
    const prompt = bytes.subarray(0, position);
    const [exact, naive] = [await exactNextByte(model, prompt), await naiveNextByte(model, prompt)];
    const next = position < bytes.length ? bytes[position]! : 256;
    points.push({
      position,
      tv: totalVariation(exact.logProbs, naive.logProbs),
      exactNext: Math.exp(exact.logProbs[next]!),
      naiveNext: Math.exp(naive.logProbs[next]!),
    });
    options.onProgress?.(i + 1, positions.length);
  }
  return points;
}
