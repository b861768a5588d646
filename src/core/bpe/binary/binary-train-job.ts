import type { JobHooks } from "../../jobs/job-hooks";
import { runInSlices } from "../../jobs/run-in-slices";
import type { BpeModel } from "../model";
import { NO_PRETOKENIZATION } from "../pretokenize";
import { BinaryBpeTrainer } from "./binary-trainer";

/** What to train on: raw byte sequences (whole files). */
export interface BinaryTrainRequest {
  sequences: readonly Uint8Array[];
  vocabSize: number;
  minFrequency?: number;
}

/** Training progress. */
export interface BinaryTrainProgress {
  vocabSize: number;
  targetVocabSize: number;
}

const MERGES_PER_STEP = 8;

/**
 * Binary BPE (no pre-tokenization, no UTF-8 assumption) to `vocabSize`, in slices: the lab's and the CLI's
 * `bpe train --binary`.
 */
export async function trainBinaryBpeJob(
  request: BinaryTrainRequest,
  { checkpoint, onProgress }: JobHooks<BinaryTrainProgress>,
): Promise<BpeModel> {
  if (request.vocabSize < 256) throw new Error("The vocabulary needs at least the 256 byte tokens.");
  if (request.sequences.every((s) => s.length === 0)) throw new Error("There are no bytes to train on.");
  const trainer = new BinaryBpeTrainer(request.sequences, {
    vocabSize: request.vocabSize,
    minFrequency: request.minFrequency,
  });
  await runInSlices(
    () => trainer.step(MERGES_PER_STEP) < MERGES_PER_STEP || trainer.done,
    checkpoint,
    () => onProgress?.({ vocabSize: trainer.vocabSize, targetVocabSize: request.vocabSize }),
  );
  return { ...trainer.result(), pattern: NO_PRETOKENIZATION };
}
