/**
 * Entropy patching as in the Byte Latent Transformer (Pagnoni et al., 2024; ALGORITHMS.md §6.1): a small
 * byte LM's next-byte entropy decides where a new patch starts.
 *
 * Convention: `entropies[t]` is the entropy (nats) of the model's distribution for byte t, computed from
 * bytes before t only. Byte t starts a new patch when
 * - global rule: H[t] > θ_g;
 * - approximate monotonic rule: H[t] − H[t−1] > θ_r (a rise, not a level);
 * - combined rule: both.
 * The first `forcedStarts` positions always start a patch (BLT forces BOS and the first byte; these arrays
 * hold no BOS, so the default is 1). A maximum patch length then splits longer patches left to right.
 * Every decision at t looks only at t and t − 1, so the patches of a prefix are a prefix of the patches.
 */

/** Which rule marks patch starts. */
export type PatchingRule = "global" | "monotonic" | "combined";

/** Parameters of the patch-start rules. */
export interface PatchingOptions {
  rule: PatchingRule;
  /** θ_g in nats, for the global and combined rules (BLT's released default is 1.3354). */
  globalThreshold?: number;
  /** θ_r in nats, for the monotonic and combined rules. */
  relativeThreshold?: number;
  /** Patches longer than this are split into pieces of this length (the last one shorter). */
  maxPatchLength?: number;
  /** How many leading positions always start a patch (default 1). */
  forcedStarts?: number;
}

/** BLT's released global threshold, in nats. */
export const BLT_GLOBAL_THRESHOLD = 1.3354;

/** Whether position t starts a patch by the rule alone (before forced starts and the length cap). */
function ruleStarts(entropies: ArrayLike<number>, t: number, options: PatchingOptions): boolean {
  const h = entropies[t]!;
  const global = h > (options.globalThreshold ?? BLT_GLOBAL_THRESHOLD);
  if (options.rule === "global") return global;
  const rise = t > 0 && h - entropies[t - 1]! > (options.relativeThreshold ?? 0);
  return options.rule === "monotonic" ? rise : global && rise;
}

/** A 0/1 flag per position: 1 where a patch starts. */
export function patchStarts(entropies: ArrayLike<number>, options: PatchingOptions): Uint8Array {
  const n = entropies.length;
  const forced = Math.max(1, options.forcedStarts ?? 1);
  const max = options.maxPatchLength ?? Infinity;
  if (!(max >= 1)) throw new RangeError("maxPatchLength must be at least 1");
  const starts = new Uint8Array(n);
  let lastStart = 0;
  for (let t = 0; t < n; t++) {
    if (t < forced || ruleStarts(entropies, t, options) || t - lastStart >= max) {
      starts[t] = 1;
      lastStart = t;
    }
  }
  return starts;
}

/** Patch lengths from start flags (they sum to the number of positions). */
export function patchLengthsFromStarts(starts: ArrayLike<number>): number[] {
  const lengths: number[] = [];
  for (let t = 0; t < starts.length; t++) {
    if (starts[t] || lengths.length === 0) lengths.push(1);
    else lengths[lengths.length - 1]!++;
  }
  return lengths;
}

/** Patch lengths of an entropy array under the options. */
export function entropyPatches(entropies: ArrayLike<number>, options: PatchingOptions): number[] {
  return patchLengthsFromStarts(patchStarts(entropies, options));
}

/** The result of {@link findThresholdForMeanPatchSize}. */
export interface ThresholdSearch {
  /** The threshold found (θ_g for the global and combined rules, θ_r for the monotonic rule). */
  threshold: number;
  /** Mean bytes per patch at that threshold. */
  meanPatchSize: number;
  patches: number[];
}

/** The statistic that the searched threshold is compared with, at every position where it applies. */
function statistic(entropies: ArrayLike<number>, rule: PatchingRule): number[] {
  const values: number[] = [];
  for (let t = 0; t < entropies.length; t++) {
    if (rule !== "monotonic") values.push(entropies[t]!);
    else if (t > 0) values.push(entropies[t]! - entropies[t - 1]!);
  }
  return values;
}

/**
 * Finds the threshold whose mean patch size is nearest to `target` bytes. The number of patches only
 * changes when the threshold crosses one of the observed values, so the candidates are those values
 * (plus one below them all); the patch count falls as the threshold rises, so a binary search finds the
 * two neighbouring candidates around the target and the nearer one wins (ties: the larger patches).
 * For the combined rule the global threshold is searched and `relativeThreshold` is kept.
 */
export function findThresholdForMeanPatchSize(
  entropies: ArrayLike<number>,
  target: number,
  options: Omit<PatchingOptions, "globalThreshold"> & { globalThreshold?: number },
): ThresholdSearch {
  if (!(target >= 1)) throw new RangeError("target must be at least 1 byte per patch");
  const n = entropies.length;
  const values = [...new Set(statistic(entropies, options.rule))].sort((a, b) => a - b);
  const candidates = [values.length > 0 ? values[0]! - 1 : 0, ...values];
  const at = (i: number): ThresholdSearch => {
    const threshold = candidates[i]!;
    const patches = entropyPatches(
      entropies,
      options.rule === "monotonic"
        ? { ...options, relativeThreshold: threshold }
        : { ...options, globalThreshold: threshold },
    );
    return { threshold, patches, meanPatchSize: n === 0 ? 0 : n / patches.length };
  };
  // Mean size rises with the threshold: find the first candidate whose mean reaches the target.
  let lo = 0;
  let hi = candidates.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(mid).meanPatchSize >= target) hi = mid;
    else lo = mid + 1;
  }
  const above = at(lo);
  if (lo === 0) return above;
  const below = at(lo - 1);
  return Math.abs(below.meanPatchSize - target) < Math.abs(above.meanPatchSize - target) ? below : above;
}

/**
 * BLT's fixed-count mode: `round(n / meanPatchSize)` patches (at least 1), starting at position 0 and at
 * the highest-entropy other positions (ties: the earlier position). Unlike the threshold rules it looks
 * at the whole array, so it is not prefix-stable.
 */
export function topKPatchStarts(entropies: ArrayLike<number>, meanPatchSize: number): Uint8Array {
  if (!(meanPatchSize >= 1)) throw new RangeError("meanPatchSize must be at least 1");
  const n = entropies.length;
  const starts = new Uint8Array(n);
  if (n === 0) return starts;
  const k = Math.min(n, Math.max(1, Math.round(n / meanPatchSize)));
  starts[0] = 1;
  const order = Array.from({ length: n - 1 }, (_, i) => i + 1).sort(
    (a, b) => entropies[b]! - entropies[a]! || a - b,
  );
  for (const t of order.slice(0, k - 1)) starts[t] = 1;
  return starts;
}
