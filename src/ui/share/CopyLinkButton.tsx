import { useState } from "react";
import { currentFragment } from "../../state/url-sync";

/** Copies a link to exactly this view (text, lanes, options, selection). */
export function CopyLinkButton() {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const [fallback, setFallback] = useState<string | null>(null);
  const copy = async () => {
    const url = `${window.location.origin}${window.location.pathname}#${await currentFragment()}`;
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
