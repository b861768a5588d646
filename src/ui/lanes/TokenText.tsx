import { useMemo } from "react";
import { tokenSegments } from "../../core/tokenizers/segments";
import type { Encoding } from "../../core/tokenizers/types";
import { tokenHue } from "./token-colors";

/** Tokens drawn beyond this count wait for the windowed comparison view. */
const MAX_DRAWN_TOKENS = 5000;

interface TokenTextProps {
  text: string;
  encoding: Encoding;
}

/** The text with every token as a coloured span; a character shared by several tokens is drawn once. */
export function TokenText({ text, encoding }: TokenTextProps) {
  const count = encoding.ids.length;
  const drawn = Math.min(count, MAX_DRAWN_TOKENS);
  const segments = useMemo(() => tokenSegments(encoding, 0, drawn), [encoding, drawn]);
  return (
    <div className="token-text" data-testid="token-text">
      {segments.map((segment) => {
        const id = encoding.ids[segment.firstToken]!;
        const shared = segment.lastToken > segment.firstToken;
        return (
          <span
            key={segment.firstToken}
            className={shared ? "token shared" : "token"}
            style={{ "--hue": tokenHue(id) } as React.CSSProperties}
            title={
              shared ? `tokens ${segment.firstToken}–${segment.lastToken} share this character` : `id ${id}`
            }
          >
            {text.slice(segment.utf16Start, segment.utf16End)}
          </span>
        );
      })}
      {drawn < count && (
        <p className="muted">
          Showing the first {drawn.toLocaleString()} of {count.toLocaleString()} tokens.
        </p>
      )}
    </div>
  );
}
