import { create } from "zustand";

/** Transient emphasis (not part of links): the script whose runs are marked in the text. */
interface HighlightState {
  script: string | null;
}

const useHighlightStore = create<HighlightState>()(() => ({ script: null }));

/** The script being pointed at in a per-script table or chart, or null. */
export function useHighlightedScript(): string | null {
  return useHighlightStore((s) => s.script);
}

/** Marks (or with null, unmarks) one script's runs in the text. */
export function highlightScript(script: string | null): void {
  if (useHighlightStore.getState().script !== script) useHighlightStore.setState({ script });
}
