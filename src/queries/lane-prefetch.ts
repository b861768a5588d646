import type { QueryClient } from "@tanstack/react-query";
import { PATCH_LANE_ID } from "../core/lm/patch-encoding";
import { comparisonStore } from "../state/comparison-store";
import { tokenizeDelay } from "../ui/use-debounced-value";
import { encodingOptions, textAnalysisOptions, tokenizerKeys } from "./tokenizer-queries";

/**
 * Sends every loaded lane's encoding of a new text to the workers as soon as it is typed, before React has
 * rendered the keystroke: rendering the keystroke and settling the text take ~30 ms on this machine, during
 * which the workers would otherwise wait. The lanes' queries use the same keys, so they find the results in
 * flight or done. Texts that are debounced (typing in more than 20,000 characters) wait for the pause as before.
 */
export function startLanePrefetch(queryClient: QueryClient): () => void {
  return comparisonStore.subscribe((state, previous) => {
    if (state.text === previous.text || state.input !== "text") return;
    if (tokenizeDelay(state.text, previous.text) > 0) return;
    void prefetchLanes(queryClient, state.text);
  });
}

/**
 * Starts (or joins) the encodings of `text` by every loaded lane and the text's analysis; resolves when all
 * have finished, failed or not (a query's own error shows in its lane).
 */
export function prefetchLanes(queryClient: QueryClient, text: string): Promise<void> {
  const { lanes, parseSpecials } = comparisonStore.getState();
  const pending: Promise<void>[] = [];
  for (const lane of lanes) {
    // A lane still loading its tokenizer asks when it is loaded (its query is enabled then).
    if (lane.tokenizer === PATCH_LANE_ID || !queryClient.getQueryData(tokenizerKeys.load(lane.tokenizer)))
      continue;
    pending.push(queryClient.prefetchQuery(encodingOptions(lane.tokenizer, text, parseSpecials)));
  }
  // Asked last: the worker that profiles the text also serves lanes, and takes requests in order.
  pending.push(queryClient.prefetchQuery(textAnalysisOptions(text)));
  return Promise.all(pending).then(() => undefined);
}
