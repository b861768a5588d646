import { utf8Encode } from "../text/utf8";
import { MergeEncoder } from "./merge-encoder";
import { countChunks, DEFAULT_BPE_PATTERN, SUPERBPE_STAGE2_PATTERN } from "./pretokenize";
import type { TrainedBpe } from "./train-bpe";
import { byteWords } from "./train-bpe";
import {
  BpeTrainer,
  type BpeStart,
  type BpeTrainerOptions,
  type BpeTrainingProgress,
  type TrainingWord,
} from "./trainer";

const SPACE = 0x20;
const COLON = 0x3a;

/** Where a SuperBPE run stands: {@link BpeTrainingProgress} against the final size, and which stage runs. */
export interface SuperBpeProgress extends BpeTrainingProgress {
  stage: 1 | 2;
}

/** Options of {@link trainSuperBpe}. */
export interface SuperBpeOptions extends Omit<BpeTrainerOptions, "acceptToken" | "onProgress"> {
  /** The transition point t: the vocabulary size at which stage 1 ends (t = vocabSize gives plain BPE). */
  transition: number;
  /** Stage-1 regex (default GPT-4's cl100k). */
  pattern?: string;
  /** Stage-2 regex, also the model's pre-tokenizer at inference (default {@link SUPERBPE_STAGE2_PATTERN}). */
  stage2Pattern?: string;
  /** Longest superword in words (default 4). */
  maxWords?: number;
  onProgress?: (progress: SuperBpeProgress) => void;
}

/** Throws unless SuperBPE's transition point lies between 256 (the byte alphabet) and the vocabulary size. */
export function checkTransition(transition: number, vocabSize: number): void {
  if (!Number.isInteger(transition) || transition < 256 || transition > vocabSize)
    throw new Error("The transition point must lie between 256 and the vocabulary size.");
}

/** Words in a token: runs of non-space bytes (spaces are what separates words in byte-level BPE). */
export function wordCount(bytes: Uint8Array): number {
  let words = 0;
  for (let i = 0; i < bytes.length; i++)
    if (bytes[i] !== SPACE && (i === 0 || bytes[i - 1] === SPACE)) words++;
  return words;
}

/**
 * SuperBPE's stage-2 filter (ALGORITHMS §3.1 rule 3): reject a token containing a colon followed by a space,
 * or spanning more than `maxWords` words.
 */
export function superBpeAccepts(bytes: Uint8Array, maxWords = 4): boolean {
  for (let i = 0; i + 1 < bytes.length; i++) if (bytes[i] === COLON && bytes[i + 1] === SPACE) return false;
  return wordCount(bytes) <= maxWords;
}

/**
 * The stage-2 trainer of SuperBPE, for callers that run the stages themselves (a worker stepping in slices):
 * replays the stage-1 merges on the stage-2 chunks (rank order, as inference does) and continues from the
 * stage-1 vocabulary under {@link superBpeAccepts}.
 * @param stage1 the stage-1 result (`BpeTrainer.result()` at the transition point)
 * @param stage2Chunks the corpus counted with the stage-2 regex
 */
export function superBpeStage2Trainer(
  stage1: BpeStart,
  stage2Chunks: ReadonlyMap<string, number>,
  options: BpeTrainerOptions & { maxWords?: number },
): BpeTrainer {
  const encoder = new MergeEncoder(stage1);
  const words: TrainingWord[] = [];
  for (const [chunk, count] of stage2Chunks) {
    const symbols: number[] = [];
    encoder.encodeChunk(utf8Encode(chunk), symbols);
    words.push({ symbols, count });
  }
  const maxWords = options.maxWords ?? 4;
  return new BpeTrainer(
    words,
    { ...options, acceptToken: (bytes) => superBpeAccepts(bytes, maxWords) },
    stage1,
  );
}

/**
 * SuperBPE (Liu et al. 2025): stage 1 is plain BPE with `pattern` up to vocabulary size `transition`;
 * stage 2 re-chunks the corpus with the weak `stage2Pattern`, replays the stage-1 merges on the new chunks
 * and keeps merging — now across single spaces — up to `vocabSize`, under {@link superBpeAccepts}. The
 * model pre-tokenizes with the stage-2 regex. `texts` is read twice.
 */
export function trainSuperBpe(texts: readonly string[], options: SuperBpeOptions): TrainedBpe {
  const pattern = options.pattern ?? DEFAULT_BPE_PATTERN;
  const stage2Pattern = options.stage2Pattern ?? SUPERBPE_STAGE2_PATTERN;
  checkTransition(options.transition, options.vocabSize);
  const report = (stage: 1 | 2) => (progress: BpeTrainingProgress) =>
    options.onProgress?.({ ...progress, targetVocabSize: options.vocabSize, stage });
  const stage1 = new BpeTrainer(byteWords(countChunks(texts, pattern)), {
    ...options,
    vocabSize: options.transition,
    onProgress: report(1),
  });
  const completed1 = stage1.run();
  if (!completed1 || options.transition >= options.vocabSize)
    return { model: { ...stage1.result(), pattern }, completed: completed1 };
  const stage2 = superBpeStage2Trainer(stage1.result(), countChunks(texts, stage2Pattern), {
    ...options,
    onProgress: report(2),
  });
  const completed = stage2.run();
  return { model: { ...stage2.result(), pattern: stage2Pattern }, completed };
}
