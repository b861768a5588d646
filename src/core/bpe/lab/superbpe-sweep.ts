import type { JobHooks } from "../../jobs/job-hooks";
import { countChunks, DEFAULT_BPE_PATTERN, SUPERBPE_STAGE2_PATTERN } from "../pretokenize";
import { trainStage1, trainStage2 } from "./train-job";
import { compression, superwords } from "./trained-summary";

/** A sweep's progress: models done (fractional) of all. */
export interface SweepProgress {
  done: number;
  total: number;
}

/** A SuperBPE sweep: one vocabulary size, several transition points. */
export interface SweepRequest {
  texts: string[];
  vocabSize: number;
  /** Transition points t (each between 256 and vocabSize); plain BPE (t = vocabSize) is always added. */
  transitions: number[];
  pattern?: string;
  minFrequency?: number;
  /** Text to measure bytes/token on (default: the training texts). */
  evalTexts?: string[];
}

/** Compression at one transition point. */
export interface SweepPoint {
  transition: number;
  /** True for the plain-BPE point (t = vocabulary size). */
  plain: boolean;
  bytesPerToken: number;
  tokens: number;
  superwordCount: number;
}

/**
 * Trains stage 1 once, snapshotting it at every t, then stage 2 from each snapshot to the full size, and
 * measures bytes per token of each model: the paper's table of efficiency against t.
 */
export async function sweepSuperBpe(
  request: SweepRequest,
  { checkpoint, onProgress }: JobHooks<SweepProgress>,
): Promise<SweepPoint[]> {
  const { texts, vocabSize } = request;
  const sizes = [
    ...new Set([...request.transitions.filter((t) => t >= 256 && t < vocabSize), vocabSize]),
  ].sort((a, b) => a - b);
  const evalTexts = request.evalTexts ?? texts;
  const pattern = request.pattern ?? DEFAULT_BPE_PATTERN;
  // Work units: stage 1 counts as one model, each stage 2 as one more.
  const total = sizes.length;
  const snapshots = await trainStage1(texts, pattern, sizes, request, {
    checkpoint,
    onProgress: (p) => onProgress?.({ done: p.vocabSize / vocabSize, total }),
  });
  const stage2Chunks = countChunks(texts, SUPERBPE_STAGE2_PATTERN);
  const points: SweepPoint[] = [];
  for (const [i, transition] of sizes.entries()) {
    const plain = transition === vocabSize;
    const model = plain
      ? { ...snapshots[i]!, pattern }
      : await trainStage2(
          texts,
          snapshots[i]!,
          vocabSize,
          { ...request, stage2Chunks },
          {
            checkpoint,
            onProgress: (p) => onProgress?.({ done: 1 + i + p.vocabSize / vocabSize, total }),
          },
        );
    const { bytes, tokens } = compression(model, evalTexts);
    points.push({
      transition,
      plain,
      bytesPerToken: tokens > 0 ? bytes / tokens : 0,
      tokens,
      superwordCount: plain ? 0 : superwords(model, Infinity).length,
    });
    await checkpoint();
  }
  return points;
}
