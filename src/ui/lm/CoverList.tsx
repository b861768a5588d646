import type { CoverView } from "../../../workers/lm/token-api";
import { tokenText } from "./token-text";

interface CoverListProps {
  covers: readonly CoverView[];
  total: number;
}

/** The cover encodings of the prompt, most probable first: the tail of each, and its share. */
export function CoverList({ covers, total }: CoverListProps) {
  return (
    <div className="cover-list">
      <h4>
        Cover encodings ({covers.length < total ? `top ${covers.length} of ${total}` : total}): token
        sequences whose bytes start with the prompt
      </h4>
      {/* It scrolls on its own: focusable, so the keyboard can scroll it. */}
      <ol data-testid="cover-list" tabIndex={0} aria-label="Cover encodings">
        {covers.map((cover, i) => (
          <li key={i} data-testid="cover">
            <span className="cover-share">{(cover.share * 100).toFixed(1)} %</span>{" "}
            <span className="token-chips">
              {cover.tokens.length > 6 && <span className="muted">…</span>}
              {cover.tokens.slice(-6).map((t, j) => (
                <code key={j}>{tokenText(t)}</code>
              ))}
            </span>{" "}
            {cover.boundary && (
              <span className="muted">(ends at the caret: the prompt&apos;s own encoding)</span>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
