import { utf8Encode } from "../text/utf8";
import { MergeEncoder } from "./merge-encoder";
import { BpeTrainer, type BpeStart, type BpeTrainerOptions, type TrainingWord } from "./trainer";

const SPACE = 0x20;
const COLON = 0x3a;

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
