import type { MixtureProgress } from "../../../workers/bpe/api";

/** Progress of a mixture job as a fraction and a label. */
export function mixtureProgressLabel(progress: MixtureProgress | null): [number | null, string] {
  if (!progress) return [null, "Starting…"];
  if (progress.phase === "train") return [progress.done / progress.total, "Training the tokenizer…"];
  if (progress.phase === "replay")
    return [progress.done / progress.total, "Replaying merges on each category…"];
  return [null, `Solving the LP, round ${progress.done}…`];
}
