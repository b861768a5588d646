import type { JobHooks } from "../../jobs/job-hooks";
import { runInSlices } from "../../jobs/run-in-slices";
import type { BpeModel } from "../model";
import { countChunks, DEFAULT_BPE_PATTERN, SUPERBPE_STAGE2_PATTERN } from "../pretokenize";
import { checkTransition, superBpeStage2Trainer } from "../superbpe";
import { byteWords } from "../train-bpe";
import { BpeTrainer, type BpeStart } from "../trainer";

/** What to train. */
export interface TrainRequest {
  texts: string[];
  vocabSize: number;
  /** Pre-tokenization regex (stage 1 for SuperBPE; default GPT-4's). */
  pattern?: string;
  /** SuperBPE transition point t (omit for plain BPE). */
  transition?: number;
  minFrequency?: number;
}

/** Training progress, against the final vocabulary size. */
export interface TrainProgress {
  stage: 1 | 2;
  vocabSize: number;
  targetVocabSize: number;
}

const MERGES_PER_STEP = 16;

/** Trains one trainer to its end in slices. */
async function drive(
  trainer: BpeTrainer,
  checkpoint: () => Promise<void>,
  report: (vocabSize: number) => void,
): Promise<void> {
  await runInSlices(
    () => trainer.step(MERGES_PER_STEP) < MERGES_PER_STEP || trainer.done,
    checkpoint,
    () => report(trainer.vocabSize),
  );
}

/** Stage 1 up to each size in `sizes` (ascending), snapshotting the trainer there: one run serves a whole sweep. */
export async function trainStage1(
  texts: readonly string[],
  pattern: string,
  sizes: readonly number[],
  options: { minFrequency?: number },
  { checkpoint, onProgress }: JobHooks<TrainProgress>,
): Promise<BpeStart[]> {
  const target = sizes[sizes.length - 1]!;
  const trainer = new BpeTrainer(byteWords(countChunks(texts, pattern)), { vocabSize: target, ...options });
  const snapshots: BpeStart[] = [];
  let next = 0;
  await runInSlices(
    () => {
      while (next < sizes.length && (trainer.vocabSize >= sizes[next]! || trainer.done)) {
        snapshots.push(trainer.result());
        next++;
      }
      if (next >= sizes.length) return true;
      trainer.step(Math.max(1, Math.min(MERGES_PER_STEP, sizes[next]! - trainer.vocabSize)));
      return false;
    },
    checkpoint,
    () => onProgress?.({ stage: 1, vocabSize: trainer.vocabSize, targetVocabSize: target }),
  );
  return snapshots;
}

/** SuperBPE stage 2 from a stage-1 snapshot, to `vocabSize`. */
export async function trainStage2(
  texts: readonly string[],
  stage1: BpeStart,
  vocabSize: number,
  options: { minFrequency?: number; stage2Chunks?: ReadonlyMap<string, number> },
  { checkpoint, onProgress }: JobHooks<TrainProgress>,
): Promise<BpeModel> {
  const chunks = options.stage2Chunks ?? countChunks(texts, SUPERBPE_STAGE2_PATTERN);
  const trainer = superBpeStage2Trainer(stage1, chunks, { vocabSize, minFrequency: options.minFrequency });
  await drive(trainer, checkpoint, (size) =>
    onProgress?.({ stage: 2, vocabSize: size, targetVocabSize: vocabSize }),
  );
  return { ...trainer.result(), pattern: SUPERBPE_STAGE2_PATTERN };
}

/** Plain BPE, or SuperBPE when `transition` is below `vocabSize`, in slices (the lab's Train button). */
export async function trainBpeJob(request: TrainRequest, hooks: JobHooks<TrainProgress>): Promise<BpeModel> {
  const pattern = request.pattern ?? DEFAULT_BPE_PATTERN;
  const { vocabSize, transition } = request;
  if (transition !== undefined) checkTransition(transition, vocabSize);
  const stage1Size = transition ?? vocabSize;
  const report = {
    checkpoint: hooks.checkpoint,
    onProgress: (p: TrainProgress) => hooks.onProgress?.({ ...p, targetVocabSize: vocabSize }),
  };
  const [stage1] = await trainStage1(request.texts, pattern, [stage1Size], request, report);
  if (stage1Size >= vocabSize) return { ...stage1!, pattern };
  return trainStage2(request.texts, stage1!, vocabSize, request, report);
}
