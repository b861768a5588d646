import { create } from "zustand";
import type { View } from "../core/url-state/share-state";

/**
 * Views told to fail while rendering — set only through the test API, to prove that an error in one view shows
 * its message and a reload action while the other views keep working.
 */
export const useRenderDrill = create<{ failing: readonly View[] }>()(() => ({ failing: [] }));

/** Makes a view throw on its next render (or stop throwing). */
export function setViewFailing(view: View, failing: boolean): void {
  useRenderDrill.setState((s) => ({
    failing: failing ? [...new Set([...s.failing, view])] : s.failing.filter((v) => v !== view),
  }));
}
