import { encodeShareState, type ShareState } from "../../src/core/url-state/share-state";

/** The link worker's API: serializing and compressing a megabyte of state is kept off the main thread. */
export const shareApi = {
  /** The URL fragment (without `#`) for a state. */
  encodeLink(state: ShareState): string {
    return encodeShareState(state);
  },

  /** Every worker API takes cancellations; encoding a link is one synchronous step, so there is nothing to stop. */
  cancel(): void {},
};

export type ShareApi = typeof shareApi;
