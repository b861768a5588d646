import { useState } from "react";
import { MAX_SHARED_TEXT } from "../../core/url-state/share-state";
import { comparisonStore, useComparisonActions } from "../../state/comparison-store";
import { currentFragment } from "../../state/url-sync";
import { DEFAULT_HUB_ENDPOINT, hubRepoOfId } from "../../core/hub/hub-repo";
import { currentHubEndpoint } from "../../state/hub-settings";

/** Links longer than this open slowly (the text is in the link): copying one says so. */
const LONG_LINK_CHARS = 50_000;

/** `?hub=<endpoint>` when Hub lanes are shown and come from a mirror, so the link opens them from there too. */
function hubSearch(): string {
  const endpoint = currentHubEndpoint();
  const hasHubLanes = comparisonStore.getState().lanes.some((lane) => hubRepoOfId(lane.tokenizer));
  return hasHubLanes && endpoint !== DEFAULT_HUB_ENDPOINT ? `?hub=${encodeURIComponent(endpoint)}` : "";
}

/** Copies a link to exactly this view (text, lanes, options, selection). */
export function CopyLinkButton() {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const [fallback, setFallback] = useState<string | null>(null);
  const { notify } = useComparisonActions();
  const copy = async () => {
    const textLength = comparisonStore.getState().text.length;
    if (textLength > MAX_SHARED_TEXT) {
      notify({
        kind: "error",
        text: `This text is too long for a link (${textLength.toLocaleString()} characters; links carry up to ${MAX_SHARED_TEXT.toLocaleString()}). Shorten the text to share it by link.`,
      });
      return;
    }
    const url = `${window.location.origin}${window.location.pathname}${hubSearch()}#${await currentFragment()}`;
    if (url.length > LONG_LINK_CHARS)
      notify({
        kind: "info",
        text: `The link is ${Math.round(url.length / 1000).toLocaleString()} K characters long because the text travels in it; it may take seconds to open, and some apps cut long links.`,
      });
    window.history.replaceState(null, "", url);
    try {
      await navigator.clipboard.writeText(url);
      setState("copied");
      setFallback(null);
    } catch {
      setState("failed");
      setFallback(url);
    }
    setTimeout(() => setState("idle"), 2500);
  };
  return (
    <span className="copy-link">
      <button type="button" data-testid="copy-link" onClick={() => void copy()}>
        {state === "copied" ? "Link copied ✓" : "Copy link"}
      </button>
      {fallback && (
        <input
          className="link-fallback"
          readOnly
          value={fallback}
          aria-label="Link to this view (copy it by hand)"
          onFocus={(event) => event.target.select()}
        />
      )}
    </span>
  );
}
