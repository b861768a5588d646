import { PairHeap } from "../pair-heap";
import type { CategoryPairCounts } from "./pair-replay";

/**
 * One LP constraint of ALGORITHMS §5.2: at merge step `step`, the chosen merge's pair must have beaten
 * pair `pair` under the mixture weights, up to the slacks. `coefficients[i]` is category i's
 * `c_{i,m(t)} − c_{i,p}` in normalized units.
 */
export interface MixtureConstraint {
  step: number;
  pair: number;
  coefficients: Float64Array;
  /** By how much the current weights and slacks violate it (0 when it was picked as an initial competitor). */
  violation: number;
}

/** How {@link scanConstraints} picks constraints at each merge step. */
export interface ScanOptions {
  /** Weights per category (pair units; only their ratios matter here). */
  weights: ArrayLike<number>;
  /** Per-category normalization: multiply raw counts by `scales[i]`. */
  scales: ArrayLike<number>;
  /** Most constraints taken at one step. */
  perStep: number;
  /**
   * "violated": only pairs whose constraint the weights and slacks break by more than `tolerance`;
   * "top": the `perStep` strongest competitors whatever they score (the initial constraint set).
   */
  mode: "violated" | "top";
  /** Current slack per step (violated mode; missing = 0). */
  stepSlack?: ArrayLike<number>;
  /** Current slack per pair key (violated mode; missing = 0). */
  pairSlack?: ReadonlyMap<number, number>;
  tolerance?: number;
  /** Constraints already in the program, keyed `${step}:${pair}`: never returned again. */
  known?: ReadonlySet<string>;
}

/** The key {@link ScanOptions.known} uses for a (step, pair) constraint. */
export function constraintKey(step: number, pair: number): string {
  return `${step}:${pair}`;
}

/**
 * Replays every category's pair counts along the merge list together, keeping the weighted score
 * `Σ_i w_i s_i c_{i,p}` of every pair in a lazy max-heap, and at each step returns the competitors of the
 * chosen merge that {@link ScanOptions.mode} asks for, with their constraint coefficients. One pass costs
 * O(total count changes · log pairs); pairs merged earlier are never competitors.
 */
export function scanConstraints(
  categories: readonly CategoryPairCounts[],
  options: ScanOptions,
): MixtureConstraint[] {
  const n = categories.length;
  const steps = categories[0]?.merges ?? 0;
  const live = categories.map(initialCounts);
  const weight = Array.from({ length: n }, (_, i) => options.weights[i]! * options.scales[i]!);
  const scores = new Map<number, number>();
  live.forEach((counts, i) => {
    if (weight[i]! > 0) for (const [key, count] of counts) bump(scores, key, weight[i]! * count);
  });
  const heap = new PairHeap();
  heap.build([...scores.values()], [...scores.keys()]);
  const retired = new Set<number>();
  const found: MixtureConstraint[] = [];
  const tolerance = options.tolerance ?? 1e-9;
  for (let t = 0; t < steps; t++) {
    const merge = categories[0]!.mergeKeys[t]!;
    if (!Number.isNaN(categories[0]!.chosen[t]!)) {
      const chosenScore = scores.get(merge) ?? 0;
      const bar = options.mode === "top" ? -Infinity : chosenScore + (options.stepSlack?.[t] ?? 0);
      const setAside: number[] = [];
      let taken = 0;
      while (heap.size > 0 && taken < options.perStep && heap.peekCount()! > bar + tolerance) {
        const recorded = heap.peekCount()!;
        const key = heap.peekKey()!;
        heap.pop();
        const score = scores.get(key) ?? 0;
        if (score !== recorded) {
          if (score > 0 && score < recorded) heap.push(score, key);
          continue;
        }
        setAside.push(key);
        if (key === merge || retired.has(key) || options.known?.has(constraintKey(t, key))) continue;
        const violation = score - bar - (options.pairSlack?.get(key) ?? 0);
        if (options.mode === "violated" && violation <= tolerance) continue;
        const coefficients = Float64Array.from(
          live,
          (counts, i) => options.scales[i]! * ((counts.get(merge) ?? 0) - (counts.get(key) ?? 0)),
        );
        found.push({ step: t, pair: key, coefficients, violation: options.mode === "top" ? 0 : violation });
        taken++;
      }
      for (const key of setAside) heap.push(scores.get(key) ?? 0, key);
    }
    retired.add(merge);
    applyStep(categories, t, live, weight, scores, heap);
  }
  return found;
}

function initialCounts(category: CategoryPairCounts): Map<number, number> {
  const counts = new Map<number, number>();
  category.initialKeys.forEach((key, k) => counts.set(key, category.initialCounts[k]!));
  return counts;
}

/** Applies step t's count changes to every category's counts and to the weighted scores. */
function applyStep(
  categories: readonly CategoryPairCounts[],
  t: number,
  live: Map<number, number>[],
  weight: readonly number[],
  scores: Map<number, number>,
  heap: PairHeap,
): void {
  const before = new Map<number, number>();
  categories.forEach((category, i) => {
    const counts = live[i]!;
    for (let k = category.deltaStarts[t]!; k < category.deltaStarts[t + 1]!; k++) {
      const key = category.deltaKeys[k]!;
      const delta = category.deltaValues[k]!;
      const next = (counts.get(key) ?? 0) + delta;
      if (next > 0) counts.set(key, next);
      else counts.delete(key);
      if (weight[i]! > 0) {
        if (!before.has(key)) before.set(key, scores.get(key) ?? 0);
        bump(scores, key, weight[i]! * delta);
      }
    }
  });
  for (const [key, old] of before) {
    const score = scores.get(key)!;
    if (score <= 1e-12 * Math.abs(old)) scores.delete(key);
    else if (score > old) heap.push(score, key);
  }
}

function bump(map: Map<number, number>, key: number, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}
