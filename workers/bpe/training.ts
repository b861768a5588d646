import { byteWords } from "../../src/core/bpe/train-bpe";
import { countChunks, DEFAULT_BPE_PATTERN, SUPERBPE_STAGE2_PATTERN } from "../../src/core/bpe/pretokenize";
import { superBpeStage2Trainer, wordCount } from "../../src/core/bpe/superbpe";
import { BpeTextEncoder } from "../../src/core/bpe/text-encoder";
import { BpeTrainer, type BpeStart } from "../../src/core/bpe/trainer";
import { mergeResults, type BpeModel } from "../../src/core/bpe/model";
import { utf8Decode } from "../../src/core/text/utf8";
import { runSliced } from "./sliced";

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

/** A learned token that spans a space inside it: what SuperBPE adds. */
export interface SuperwordToken {
  id: number;
  rank: number;
  text: string;
}

const MERGES_PER_STEP = 16;

/** Trains one trainer to its end in slices. */
async function drive(
  trainer: BpeTrainer,
  checkpoint: () => Promise<void>,
  report: (vocabSize: number) => void,
): Promise<void> {
  await runSliced(
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
  checkpoint: () => Promise<void>,
  onProgress?: (progress: TrainProgress) => void,
): Promise<BpeStart[]> {
  const target = sizes[sizes.length - 1]!;
  const trainer = new BpeTrainer(byteWords(countChunks(texts, pattern)), { vocabSize: target, ...options });
  const snapshots: BpeStart[] = [];
  let next = 0;
  await runSliced(
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
  checkpoint: () => Promise<void>,
  onProgress?: (progress: TrainProgress) => void,
): Promise<BpeModel> {
  const chunks = options.stage2Chunks ?? countChunks(texts, SUPERBPE_STAGE2_PATTERN);
  const trainer = superBpeStage2Trainer(stage1, chunks, { vocabSize, minFrequency: options.minFrequency });
  await drive(trainer, checkpoint, (size) =>
    onProgress?.({ stage: 2, vocabSize: size, targetVocabSize: vocabSize }),
  );
  return { ...trainer.result(), pattern: SUPERBPE_STAGE2_PATTERN };
}

/** Plain BPE, or SuperBPE when `transition` is below `vocabSize`, in slices. */
export async function trainModel(
  request: TrainRequest,
  checkpoint: () => Promise<void>,
  onProgress?: (progress: TrainProgress) => void,
): Promise<BpeModel> {
  const pattern = request.pattern ?? DEFAULT_BPE_PATTERN;
  const { vocabSize, transition } = request;
  if (transition !== undefined && (transition < 256 || transition > vocabSize))
    throw new Error("The transition point must lie between 256 and the vocabulary size.");
  const stage1Size = transition ?? vocabSize;
  const report = (p: TrainProgress) => onProgress?.({ ...p, targetVocabSize: vocabSize });
  const [stage1] = await trainStage1(request.texts, pattern, [stage1Size], request, checkpoint, report);
  if (stage1Size >= vocabSize) return { ...stage1!, pattern };
  return trainStage2(request.texts, stage1!, vocabSize, request, checkpoint, report);
}

/** Bytes per token of a model on texts (merge-list encoding). */
export function compression(model: BpeModel, texts: readonly string[]): { bytes: number; tokens: number } {
  const encoder = new BpeTextEncoder(model);
  let bytes = 0;
  let tokens = 0;
  for (const text of texts) {
    tokens += encoder.encode(text).length;
    bytes += new TextEncoder().encode(text).length;
  }
  return { bytes, tokens };
}

/** Tokens spanning more than one word (a space after their first byte), in merge order, at most `limit`. */
export function superwords(model: BpeModel, limit = 200): SuperwordToken[] {
  const found: SuperwordToken[] = [];
  const seen = new Set<number>();
  mergeResults(model).forEach((id, rank) => {
    const bytes = model.tokens[id];
    if (found.length >= limit || !bytes || seen.has(id) || wordCount(bytes) < 2) return;
    seen.add(id);
    found.push({ id, rank, text: utf8Decode(bytes) });
  });
  return found;
}
