/**
 * Distances between two next-byte distributions given as natural-log probabilities over the same outcomes
 * (bytes 0–255 and end-of-text; a missing entry counts as probability 0).
 */

/** Total-variation distance ½ Σ |p − q|, in [0, 1]. */
export function totalVariation(p: ArrayLike<number>, q: ArrayLike<number>): number {
  const n = Math.max(p.length, q.length);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.abs(Math.exp(p[i] ?? -Infinity) - Math.exp(q[i] ?? -Infinity));
  return sum / 2;
}

/** Kullback–Leibler divergence KL(p ‖ q) in bits; Infinity where p has mass that q gives probability 0. */
export function klDivergenceBits(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    const lp = p[i]!;
    if (lp === -Infinity) continue;
    const lq = q[i] ?? -Infinity;
    if (lq === -Infinity) return Infinity;
    sum += Math.exp(lp) * (lp - lq);
  }
  return Math.max(0, sum / Math.LN2);
}

/** Shannon entropy in bits. */
export function entropyBits(p: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < p.length; i++) if (p[i]! > -Infinity) sum -= Math.exp(p[i]!) * p[i]!;
  return sum / Math.LN2;
}

/** The `k` most likely outcomes, most likely first (ties by index). */
export function topOutcomes(p: ArrayLike<number>, k: number): { index: number; logProb: number }[] {
  const all: { index: number; logProb: number }[] = [];
  for (let i = 0; i < p.length; i++) if (p[i]! > -Infinity) all.push({ index: i, logProb: p[i]! });
  return all.sort((a, b) => b.logProb - a.logProb || a.index - b.index).slice(0, k);
}
