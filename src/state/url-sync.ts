import { decodeShareState, encodeShareState, type ShareState } from "../core/url-state/share-state";
import { encodeLinkOffThread } from "../queries/share-link";
import { comparisonStore, shareStateOf } from "./comparison-store";

/** Small states are encoded in place; big ones in the link worker, so typing never waits on compression. */
const ENCODE_IN_PLACE_BELOW = 2_000;
/** Texts longer than this are not mirrored into the address bar (a reload then shows the default view). */
const ADDRESS_BAR_TEXT_LIMIT = 2_000_000;

/** The current state as a link fragment (`v1.…`, without `#`). */
export async function currentFragment(
  state: ShareState = shareStateOf(comparisonStore.getState()),
): Promise<string> {
  if (state.text.length < ENCODE_IN_PLACE_BELOW) return encodeShareState(state);
  return encodeLinkOffThread(state);
}

/** Opens the state a link carries; a bad link opens the default view with a message. */
export function readLinkOnLoad(): void {
  const hash = window.location.hash;
  if (hash.length <= 1) return;
  const result = decodeShareState(hash);
  const { actions } = comparisonStore.getState();
  if (result.ok) actions.applyShareState(result.state);
  else {
    actions.notify({ kind: "error", text: `${result.reason} The default view is shown instead.` });
    // The address bar no longer carries the broken link (reloading shows the default view, not the error).
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
  }
}

/** Writes the state back into the URL fragment (replaceState, debounced) whenever it changes. */
export function startUrlSync(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let written = 0;
  const keys = [
    "text",
    "lanes",
    "parseSpecials",
    "showWhitespace",
    "showDiff",
    "theme",
    "selection",
    "view",
    "atlas",
    "patching",
    "input",
    "chat",
  ] as const;
  const unsubscribe = comparisonStore.subscribe((state, previous) => {
    if (keys.every((key) => state[key] === previous[key])) return;
    const changed = shareStateOf(state);
    clearTimeout(timer);
    timer = setTimeout(
      () => {
        if (changed.text.length > ADDRESS_BAR_TEXT_LIMIT) return;
        const ticket = ++written;
        void currentFragment(changed).then((fragment) => {
          if (ticket === written) window.history.replaceState(null, "", `#${fragment}`);
        });
      },
      changed.text.length > 100_000 ? 1000 : 250,
    );
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
