import { deflateSync } from "fflate";
import {
  decodeShareState,
  fragmentFromCompressed,
  MAX_SHARED_TEXT,
  shareStateJson,
  type ShareState,
} from "../core/url-state/share-state";
import { comparisonStore, shareStateOf } from "./comparison-store";

/** Raw DEFLATE off the main thread's JavaScript where the browser can (CompressionStream), else fflate. */
async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  if (typeof CompressionStream === "undefined") return deflateSync(bytes);
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The current state as a link fragment (`v1.…`, without `#`). */
export async function currentFragment(
  state: ShareState = shareStateOf(comparisonStore.getState()),
): Promise<string> {
  return fragmentFromCompressed(await deflate(shareStateJson(state)));
}

/** Opens the state a link carries; a bad link opens the default view with a message. */
export function readLinkOnLoad(): void {
  const hash = window.location.hash;
  if (hash.length <= 1) return;
  const result = decodeShareState(hash);
  const { actions } = comparisonStore.getState();
  if (result.ok) actions.applyShareState(result.state);
  else actions.notify({ kind: "error", text: `${result.reason} The default view is shown instead.` });
}

/** Writes the state back into the URL fragment (replaceState, debounced) whenever it changes. */
export function startUrlSync(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let written = 0;
  const unsubscribe = comparisonStore.subscribe((state, previous) => {
    const keys = [
      "text",
      "lanes",
      "parseSpecials",
      "showWhitespace",
      "showDiff",
      "theme",
      "selection",
    ] as const;
    if (keys.every((key) => state[key] === previous[key])) return;
    const changed = shareStateOf(state);
    clearTimeout(timer);
    const delay = changed.text.length > 100_000 ? 1000 : 250;
    timer = setTimeout(() => {
      if (changed.text.length > MAX_SHARED_TEXT) return;
      const ticket = ++written;
      void currentFragment(changed).then((fragment) => {
        if (ticket === written) window.history.replaceState(null, "", `#${fragment}`);
      });
    }, delay);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
