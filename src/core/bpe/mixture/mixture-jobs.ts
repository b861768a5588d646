import type { JobHooks } from "../../jobs/job-hooks";
import { runInSlices } from "../../jobs/run-in-slices";
import { utf8ByteLength } from "../../text/utf8";
import { trainBpeJob } from "../lab/train-job";
import type { BpeModel } from "../model";
import { countChunks } from "../pretokenize";
import { mixCorpus, splitPool, type CategoryPool } from "./categories";
import { inferMixture, type MixtureEstimate } from "./infer-mixture";
import type { LpSolver } from "./lp";
import { MergeReplay, type CategoryPairCounts } from "./pair-replay";

/** One category of a mixture question: a name and its sample texts. */
export interface MixtureCategory {
  name: string;
  texts: string[];
}

/** Options of a mixture estimate. */
export interface MixtureRequestOptions {
  /** Replay only the first this many merges (default 3000). */
  merges?: number;
  /** Stop adding constraints after this long (default 30 s; the estimate is then marked not converged). */
  timeLimitMs?: number;
}

/** Where an estimate stands. */
export interface MixtureProgress {
  phase: "train" | "replay" | "solve";
  done: number;
  total: number;
  /** The latest round's byte proportions (solve phase). */
  proportions?: number[];
}

/** An estimate as the view shows it. */
export interface MixtureResult extends Omit<MixtureEstimate, "stepSlack"> {
  names: string[];
  /** UTF-8 bytes of each category's sample. */
  sampleBytes: number[];
  /** Slack v(t) per merge step (a plain array, for the chart). */
  stepSlack: number[];
}

/** Replays the merges on every category in slices, then runs lazy constraint generation. */
export async function estimateMixture(
  model: BpeModel,
  categories: readonly MixtureCategory[],
  solver: LpSolver,
  options: MixtureRequestOptions,
  { checkpoint, onProgress }: JobHooks<MixtureProgress>,
): Promise<MixtureResult> {
  if (categories.length === 0) throw new Error("Add at least one category.");
  const merges = Math.min(options.merges ?? 3000, model.merges.length);
  const counts: CategoryPairCounts[] = [];
  for (const [index, category] of categories.entries()) {
    if (category.texts.every((t) => t.length === 0))
      throw new Error(`Category "${category.name}" has no text.`);
    const replay = new MergeReplay(model, countChunks(category.texts, model.pattern), merges);
    await runInSlices(
      () => replay.step(64) < 64 || replay.done,
      checkpoint,
      () =>
        onProgress?.({
          phase: "replay",
          done: index * merges + replay.progress().done,
          total: categories.length * merges,
        }),
    );
    counts.push(replay.result());
  }
  const estimate = await inferMixture(counts, cancellable(solver, checkpoint), {
    timeLimitMs: options.timeLimitMs ?? 30_000,
    onRound: (round) =>
      onProgress?.({ phase: "solve", done: round.round, total: 0, proportions: round.proportions }),
  });
  return {
    ...estimate,
    names: categories.map((c) => c.name),
    sampleBytes: counts.map((c) => c.bytes),
    stepSlack: Array.from(estimate.stepSlack),
  };
}

/** A solver whose every solve first yields, so a cancel between LP rounds lands (as a CancelledError). */
function cancellable(solver: LpSolver, checkpoint: () => Promise<void>): LpSolver {
  return {
    open() {
      const session = solver.open();
      return {
        addColumns: (columns) => session.addColumns(columns),
        addRows: (rows) => session.addRows(rows),
        solve: async () => {
          await checkpoint();
          return session.solve();
        },
        dispose: () => session.dispose(),
      };
    },
  };
}

/** A controlled experiment: categories, the byte proportions to train on, and the vocabulary size. */
export interface ExperimentRequest {
  categories: { name: string; text: string }[];
  proportions: number[];
  vocabSize: number;
  /** Training bytes in all (default: as much as every category's training half allows, at most 1 MB). */
  totalBytes?: number;
}

/** The known proportions and how well the estimate recovered them. */
export interface ExperimentResult {
  truth: number[];
  estimate: MixtureResult;
  meanAbsoluteError: number;
  trainingBytes: number;
}

/**
 * Splits each category into disjoint training and estimation halves ({@link splitPool}), trains BPE on a
 * mixture of the training halves with the given byte proportions, then estimates the mixture from the
 * estimation halves alone.
 */
export async function controlledExperiment(
  request: ExperimentRequest,
  solver: LpSolver,
  hooks: JobHooks<MixtureProgress>,
): Promise<ExperimentResult> {
  const { categories, proportions } = request;
  if (categories.length !== proportions.length) throw new Error("One proportion per category is needed.");
  const pools: CategoryPool[] = categories.map((c) => splitPool(c.name, c.text));
  const sum = proportions.reduce((a, b) => a + b, 0);
  const fits = Math.min(...pools.map((p, i) => utf8ByteLength(p.train) / (proportions[i]! / sum)));
  const totalBytes = Math.floor(Math.min(request.totalBytes ?? 1_000_000, fits));
  const mix = mixCorpus(pools, proportions, totalBytes);
  const model = await trainBpeJob(
    { texts: mix.texts, vocabSize: request.vocabSize },
    {
      checkpoint: hooks.checkpoint,
      onProgress: (p) => hooks.onProgress?.({ phase: "train", done: p.vocabSize, total: p.targetVocabSize }),
    },
  );
  const estimate = await estimateMixture(
    model,
    pools.map((p) => ({ name: p.name, texts: [p.sample] })),
    solver,
    { merges: model.merges.length },
    hooks,
  );
  const error = estimate.proportions.reduce((s, p, i) => s + Math.abs(p - mix.proportions[i]!), 0);
  return {
    truth: mix.proportions,
    estimate,
    meanAbsoluteError: error / proportions.length,
    trainingBytes: mix.bytes.reduce((a, b) => a + b, 0),
  };
}
