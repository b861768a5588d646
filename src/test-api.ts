import type { QueryClient } from "@tanstack/react-query";
import type { LaneViewData } from "./core/compare/lane-view-data";
import { tokenizerKeys } from "./queries/tokenizer-queries";
import { comparisonStore } from "./state/comparison-store";
import { setViewFailing } from "./state/render-drill";
import type { View } from "./core/url-state/share-state";
import { tokenizerClient } from "../workers/tokenizer/client";

/** A small typed API on `window` for end-to-end tests and benchmarks (no secrets, nothing destructive). */
export interface TokenprismTestApi {
  /** Sets the text as if typed or pasted. */
  setText(text: string): void;
  /** Crashes the worker that owns a tokenizer, to exercise restart-and-retry. */
  crashWorkerOf(tokenizerId: string): void;
  /** Makes a view throw while rendering (or stop), to exercise its error boundary. */
  failView(view: View, failing: boolean): void;
  /** The ids and byte spans (starts, ends) a lane computed for the current text (null until it has them). */
  laneTokens(tokenizerId: string): { ids: number[]; starts: number[]; ends: number[] } | null;
}

declare global {
  interface Window {
    tokenprism?: TokenprismTestApi;
  }
}

/** Installs `window.tokenprism`. */
export function installTestApi(queryClient: QueryClient): void {
  window.tokenprism = {
    laneTokens: (id) => {
      const { text, parseSpecials } = comparisonStore.getState();
      const data = queryClient.getQueryData<{ view: LaneViewData }>(
        tokenizerKeys.encoding(id, parseSpecials, text),
      );
      if (!data) return null;
      const { ids, starts, ends } = data.view.encoding;
      return { ids: Array.from(ids), starts: Array.from(starts), ends: Array.from(ends) };
    },
    setText: (text) => comparisonStore.getState().actions.setText(text),
    crashWorkerOf: (id) => tokenizerClient().crashWorkerOf(id),
    failView: (view, failing) => setViewFailing(view, failing),
  };
}
