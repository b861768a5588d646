import { utf8Encode } from "../text/utf8";
import type { BpeModel } from "./model";
import { countChunks, DEFAULT_BPE_PATTERN } from "./pretokenize";
import { BpeTrainer, type BpeTrainerOptions, type TrainingWord } from "./trainer";

/** Options of {@link trainBpe}. */
export interface TrainBpeOptions extends BpeTrainerOptions {
  /** Pre-tokenization regex in tokenizer.json syntax (default {@link DEFAULT_BPE_PATTERN}, GPT-4's). */
  pattern?: string;
}

/** A trained model, and whether training ran to its end (false when `shouldStop` cut it short). */
export interface TrainedBpe {
  model: BpeModel;
  completed: boolean;
}

/** Counted chunks as byte sequences: the starting point of byte-level training. */
export function byteWords(chunks: ReadonlyMap<string, number>): TrainingWord[] {
  const words: TrainingWord[] = [];
  for (const [chunk, count] of chunks) words.push({ symbols: utf8Encode(chunk), count });
  return words;
}

/**
 * Trains byte-level BPE on already counted chunks (see `countChunks`); `pattern` must be the regex
 * that produced them, since it is what the model pre-tokenizes with.
 */
export function trainBpeOnChunks(chunks: ReadonlyMap<string, number>, options: TrainBpeOptions): TrainedBpe {
  const trainer = new BpeTrainer(byteWords(chunks), options);
  const completed = trainer.run();
  const { tokens, merges } = trainer.result();
  return { model: { tokens, merges, pattern: options.pattern ?? DEFAULT_BPE_PATTERN }, completed };
}

/**
 * Trains a byte-level BPE tokenizer: pre-tokenize with the regex, count distinct chunks once, then merge
 * (see {@link BpeTrainer} for the tie-break) until the vocabulary has `vocabSize` tokens or no pair occurs
 * `minFrequency` times. Synchronous; progress and cancellation go through the options.
 */
export function trainBpe(texts: Iterable<string>, options: TrainBpeOptions): TrainedBpe {
  return trainBpeOnChunks(countChunks(texts, options.pattern ?? DEFAULT_BPE_PATTERN), options);
}
