import { constraintKey, scanConstraints } from "./constraint-scan";
import type { LpSolver } from "./lp";
import { MixtureProgram, type SolvedMixture } from "./mixture-program";
import type { CategoryPairCounts } from "./pair-replay";

/** Counts are normalized to "per million adjacent pairs of the category", which keeps LP coefficients near 1. */
const PER_PAIRS = 1e6;

/** Options of {@link inferMixture}. */
export interface MixtureOptions {
  /** Strongest competitors per merge in the first program, under equal weights (default 3). */
  initialPerStep?: number;
  /** Most violated constraints added per merge step and round (default 10). */
  perStep?: number;
  /** Most violated constraints added per round, most violated first (default 10,000). */
  perRound?: number;
  /** Stop after this many solves even when constraints are still violated (default 50). */
  maxRounds?: number;
  /** A constraint counts as violated when broken by more than this, in per-million-pairs units (default 1e-7). */
  tolerance?: number;
  /**
   * Stop starting new rounds after this many milliseconds (default: no limit). Samples that explain a merge
   * list poorly (a real tokenizer against a few small categories) need many rounds; the estimate is then
   * reported with `converged: false`, and its slack is a lower bound.
   */
  timeLimitMs?: number;
  /** Called after each solve. */
  onRound?: (round: MixtureRound) => void;
  /** Polled between rounds; true stops with the current estimate (not converged). */
  shouldStop?: () => boolean;
}

/** What one round of lazy constraint generation did. */
export interface MixtureRound {
  round: number;
  /** Constraints in the program that was just solved. */
  constraints: number;
  /** Violated constraints found afterwards (0 = converged). */
  violated: number;
  objective: number;
  /** The byte proportions this round's solution gives. */
  proportions: number[];
}

/** The estimated mixture (ALGORITHMS §5.2), with what it rests on. */
export interface MixtureEstimate {
  /** Byte proportions per category, in input order, summing to 1. */
  proportions: number[];
  /** The LP's weights α in pair units (before the bytes/pairs conversion). */
  pairWeights: number[];
  /** Σ slack at the optimum, in per-million-pairs units (0 when the merge list is explained exactly). */
  totalSlack: number;
  /** {@link totalSlack} relative to the summed weighted counts of the chosen merges. */
  relativeSlack: number;
  /** Slack v(t) per merge step. */
  stepSlack: Float64Array;
  merges: number;
  rounds: number;
  constraints: number;
  /** False when {@link MixtureOptions.maxRounds}, the time limit or `shouldStop` ended the search early. */
  converged: boolean;
  /** Constraints the final weights still violated (0 when converged). */
  violated: number;
  /** Milliseconds spent inside the solver, all rounds together. */
  solverMs: number;
}

function checkCategories(categories: readonly CategoryPairCounts[]): void {
  const first = categories[0];
  if (!first) throw new Error("Mixture inference needs at least one category.");
  for (const category of categories) {
    if (category.pairs <= 0) throw new Error("A category sample has no adjacent byte pairs (is it empty?).");
    if (category.merges !== first.merges || category.mergeKeys.some((k, t) => k !== first.mergeKeys[t]))
      throw new Error("Every category must be replayed on the same merge list.");
  }
}

/**
 * Data-mixture inference (Hayase et al. 2024): finds category weights α ≥ 0, Σα = 1, under which each
 * merge of the list was the most frequent pair when it was learned, up to the smallest total slack.
 * Starts from each step's strongest competitors under equal weights, then adds the constraints the
 * current solution violates and re-solves until none is violated (lazy constraint generation).
 * @param categories each category's sample replayed on the same merge list ({@link replayMerges})
 * @param solver any {@link LpSolver}, for example HiGHS through `highsSolver`
 */
export async function inferMixture(
  categories: readonly CategoryPairCounts[],
  solver: LpSolver,
  options: MixtureOptions = {},
): Promise<MixtureEstimate> {
  checkCategories(categories);
  const n = categories.length;
  const steps = categories[0]!.merges;
  const scales = categories.map((c) => PER_PAIRS / c.pairs);
  const tolerance = options.tolerance ?? 1e-7;
  const maxRounds = options.maxRounds ?? 50;
  if (n === 1) return singleCategory(categories[0]!, scales[0]!);
  const constraints = scanConstraints(categories, {
    weights: new Array<number>(n).fill(1 / n),
    scales,
    perStep: options.initialPerStep ?? 3,
    mode: "top",
  });
  const known = new Set<string>();
  const program = new MixtureProgram(solver.open(), n);
  let solution: SolvedMixture | undefined;
  let solverMs = 0;
  let rounds = 0;
  let converged = false;
  let remaining = 0;
  const deadline = Date.now() + (options.timeLimitMs ?? Infinity);
  try {
    let pending = constraints;
    while (rounds < maxRounds) {
      for (const c of pending) known.add(constraintKey(c.step, c.pair));
      program.add(pending);
      const started = Date.now();
      solution = await program.solve();
      solverMs += Date.now() - started;
      rounds++;
      const violated = scanConstraints(categories, {
        weights: solution.alpha,
        scales,
        perStep: options.perStep ?? 10,
        mode: "violated",
        stepSlack: program.stepSlack(solution.x, steps),
        pairSlack: program.pairSlack(solution.x),
        tolerance,
        known,
      });
      options.onRound?.({
        round: rounds,
        constraints: known.size,
        violated: violated.length,
        objective: solution.objective,
        proportions: byteProportions(categories, solution.alpha),
      });
      remaining = violated.length;
      if (violated.length === 0) {
        converged = true;
        break;
      }
      if (options.shouldStop?.() || Date.now() > deadline) break;
      pending = violated.sort((a, b) => b.violation - a.violation).slice(0, options.perRound ?? 10_000);
    }
    return summarize(categories, scales, solution!, program.stepSlack(solution!.x, steps), {
      rounds,
      converged,
      violated: remaining,
      solverMs,
      constraints: known.size,
    });
  } finally {
    program.dispose();
  }
}

/**
 * Pair-unit weights → byte proportions: α_i counts category i by its adjacent pairs, so multiply by its
 * bytes per pair and renormalize (ALGORITHMS §5.2, output conversion).
 */
export function byteProportions(
  categories: readonly CategoryPairCounts[],
  alpha: readonly number[],
): number[] {
  const share = alpha.map((a, i) => (a * categories[i]!.bytes) / categories[i]!.pairs);
  const total = share.reduce((a, b) => a + b, 0) || 1;
  return share.map((b) => b / total);
}

/**
 * One category: Σα = 1 forces α = 1, so no program is solved. The slack reported is that of the feasible
 * point v_p = 0, v(t) = the largest violation at step t: an upper bound on the LP's optimum.
 */
function singleCategory(category: CategoryPairCounts, scale: number): MixtureEstimate {
  const stepSlack = new Float64Array(category.merges);
  const top = scanConstraints([category], { weights: [1], scales: [scale], perStep: 1, mode: "violated" });
  for (const c of top) stepSlack[c.step] = c.violation;
  return summarize(
    [category],
    [scale],
    { alpha: [1], objective: stepSlack.reduce((a, b) => a + b, 0) },
    stepSlack,
    {
      rounds: 0,
      converged: true,
      violated: 0,
      solverMs: 0,
      constraints: 0,
    },
  );
}

function summarize(
  categories: readonly CategoryPairCounts[],
  scales: readonly number[],
  solution: Pick<SolvedMixture, "alpha" | "objective">,
  stepSlack: Float64Array,
  run: Pick<MixtureEstimate, "rounds" | "converged" | "violated" | "solverMs" | "constraints">,
): MixtureEstimate {
  const steps = categories[0]!.merges;
  const alpha = solution.alpha;
  let chosen = 0;
  categories.forEach((category, i) => {
    for (let t = 0; t < steps; t++) {
      const count = category.chosen[t]!;
      if (!Number.isNaN(count)) chosen += alpha[i]! * scales[i]! * count;
    }
  });
  const totalSlack = Math.max(0, solution.objective);
  return {
    proportions: byteProportions(categories, alpha),
    pairWeights: alpha,
    totalSlack,
    relativeSlack: chosen > 0 ? totalSlack / chosen : 0,
    stepSlack,
    merges: steps,
    ...run,
  };
}
