import { encodeShareState, type ShareState } from "../../src/core/url-state/share-state";

/** A link fragment (`#v1.…`) for a state: the given fields over an empty, light-theme comparison view. */
export function shareFragment(state: Partial<ShareState>): string {
  const full: ShareState = {
    text: "",
    lanes: [],
    parseSpecials: false,
    showWhitespace: false,
    showDiff: true,
    theme: "light",
    selection: null,
    view: "compare",
    ...state,
  };
  return `#${encodeShareState(full)}`;
}
