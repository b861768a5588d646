import { useState } from "react";
import { LINK_BUDGET_CHARS } from "../../core/url-state/share-state";
import { DEFAULT_HUB_ENDPOINT, hubRepoOfId } from "../../core/hub/hub-repo";
import { stateFileText, STATE_FILE_SUFFIX } from "../../core/url-state/state-file";
import { comparisonStore, shareStateOf, useComparisonActions } from "../../state/comparison-store";
import { currentHubEndpoint } from "../../state/hub-settings";
import { currentFragment } from "../../state/url-sync";
import { downloadText } from "../summary/download";

/** Links longer than this open slowly (the text is in the link): copying one says so. */
const LONG_LINK_CHARS = 8_000;

/** `?hub=<endpoint>` when Hub lanes are shown and come from a mirror, so the link opens them from there too. */
function hubSearch(): string {
  const endpoint = currentHubEndpoint();
  const hasHubLanes = comparisonStore.getState().lanes.some((lane) => hubRepoOfId(lane.tokenizer));
  return hasHubLanes && endpoint !== DEFAULT_HUB_ENDPOINT ? `?hub=${encodeURIComponent(endpoint)}` : "";
}

/** Saves the whole view (text, lanes, options, conversation) as a `.tokenprism.json` file. */
function downloadState(): void {
  downloadText(
    `view${STATE_FILE_SUFFIX}`,
    stateFileText(shareStateOf(comparisonStore.getState())),
    "application/json",
  );
}

/**
 * Copies a link to exactly this view (text, lanes, options, selection). A view too big for a link is not made
 * into one: the button says so and offers the view as a file instead (opened again by drop or "Open").
 */
export function CopyLinkButton() {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const [fallback, setFallback] = useState<string | null>(null);
  const [tooLong, setTooLong] = useState<number | null>(null);
  const { notify } = useComparisonActions();
  const copy = async () => {
    setTooLong(null);
    let url: string | null = null;
    try {
      url = `${window.location.origin}${window.location.pathname}${hubSearch()}#${await currentFragment()}`;
    } catch {
      // The text is over what a link may carry at all.
    }
    if (url === null || url.length > LINK_BUDGET_CHARS) {
      const length = url?.length ?? null;
      setTooLong(length ?? LINK_BUDGET_CHARS + 1);
      notify({
        kind: "info",
        text:
          `This view is too big for a link${length ? ` (${length.toLocaleString("en")} characters)` : ""}: links are kept under ` +
          `${LINK_BUDGET_CHARS.toLocaleString("en")} characters, because longer ones are cut by chat apps and mail and fail in some ` +
          `browsers. Download the view as a ${STATE_FILE_SUFFIX} file instead and open it with “Open text file…” or by dropping it.`,
      });
      return;
    }
    if (url.length > LONG_LINK_CHARS)
      notify({
        kind: "info",
        text: `The link is ${Math.round(url.length / 1000).toLocaleString("en")} K characters long because the text travels in it; some chat apps cut links that long (the view can also be downloaded as a file).`,
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
      {tooLong !== null && (
        <button type="button" data-testid="download-state" onClick={downloadState}>
          Download state
        </button>
      )}
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
