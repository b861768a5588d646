import type { QueryClient } from "@tanstack/react-query";
import { comparisonStore } from "../state/comparison-store";
import { lmLoadOptions } from "./lm-queries";

/**
 * When the page opens on the Byte LM view (a shared link), starts loading the model at once, before React has
 * rendered anything, so that the worker downloads and compiles while this thread builds the page. The view's
 * query uses the same key and joins it. (On this 2-core machine, where the load is CPU-bound, the gain is within
 * the noise: see the LM load figures in the README.)
 */
export function preloadByteLmIfShown(queryClient: QueryClient): void {
  if (comparisonStore.getState().view !== "lm") return;
  void queryClient.prefetchQuery(lmLoadOptions("auto"));
}
