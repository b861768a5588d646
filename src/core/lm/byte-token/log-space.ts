/** Log-space arithmetic (natural logs) for the byte-token lemma: sums of tiny probabilities without underflow. */

/** log(e^a + e^b), exact when either side is −∞. */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** log Σ e^v over `values` (−∞ for none or all −∞); subtracts the maximum before exponentiating. */
export function logSumExp(values: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i]!);
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.exp(values[i]! - max);
  return max + Math.log(sum);
}

/**
 * Normalizes log-weights into log-probabilities in place and returns the log of their total (the log-mass
 * before normalizing). All −∞ stays all −∞.
 */
export function normalizeLogWeights(values: Float64Array): number {
  const total = logSumExp(values);
  if (total === -Infinity) return total;
  for (let i = 0; i < values.length; i++) values[i] = values[i]! - total;
  return total;
}

/** Probabilities from log-probabilities (a new array). */
export function expAll(logProbs: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: logProbs.length }, (_, i) => Math.exp(logProbs[i]!));
}
