import type { JobHooks } from "../jobs/job-hooks";
import type { Tokenizer } from "../tokenizers/types";

/** How often counting reports progress and awaits its checkpoint (ms). */
const CHECKPOINT_MS = 100;

/** Counting progress: texts done of all. */
export interface CountProgress {
  done: number;
  total: number;
}

/** A tokenizer's token count of one text (its fast counter when it has one). */
export function tokenCount(tokenizer: Tokenizer, text: string): number {
  return tokenizer.countTokens ? tokenizer.countTokens(text) : tokenizer.encode(text).ids.length;
}

/**
 * Token counts of every text under one tokenizer, in order (the parity atlas's column). Reports progress and
 * awaits the checkpoint about every {@link CHECKPOINT_MS}, so a worker can cancel it mid-way.
 */
export async function countCorpus(
  tokenizer: Tokenizer,
  texts: readonly string[],
  { checkpoint, onProgress }: JobHooks<CountProgress>,
): Promise<Uint32Array> {
  const counts = new Uint32Array(texts.length);
  let last = Date.now();
  for (let i = 0; i < texts.length; i++) {
    counts[i] = tokenCount(tokenizer, texts[i]!);
    if (Date.now() - last > CHECKPOINT_MS) {
      onProgress?.({ done: i + 1, total: texts.length });
      await checkpoint();
      last = Date.now();
    }
  }
  onProgress?.({ done: texts.length, total: texts.length });
  return counts;
}
