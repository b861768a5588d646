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
}

declare global {
  interface Window {
    tokenprism?: TokenprismTestApi;
  }
}

/** Installs `window.tokenprism`. */
export function installTestApi(): void {
  window.tokenprism = {
    setText: (text) => comparisonStore.getState().actions.setText(text),
    crashWorkerOf: (id) => tokenizerClient().crashWorkerOf(id),
    failView: (view, failing) => setViewFailing(view, failing),
  };
}
