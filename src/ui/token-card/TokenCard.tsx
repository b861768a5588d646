import { memo } from "react";
import { currentEncoding } from "../lanes/LaneList";
import { escapeTokenBytes, flagNames } from "../../core/tokenizers/describe-token";
import { tokenBytesAt } from "../../core/tokenizers/types";
import { toHex } from "../../core/text/utf8";
import { useComparisonActions, useSelection } from "../../state/comparison-store";
import type { LaneResult } from "../comparison/use-lane-results";
import { MergeExplanation } from "./MergeExplanation";
import { formatCount } from "../format-count";

/** Whether the main pointer can hover (false on touch screens, where a tap selects). */
function canHover(): boolean {
  return globalThis.matchMedia?.("(hover: hover)").matches ?? true;
}

/** Details of the selected token: id, escaped text, bytes, byte and character range, flags. */
export const TokenCard = memo(function TokenCard({
  results,
  text,
}: {
  results: readonly LaneResult[];
  text: string | null;
}) {
  const selection = useSelection();
  const { select } = useComparisonActions();
  const result = selection ? results[selection.lane] : undefined;
  const encoding = result ? currentEncoding(result, text) : undefined;
  if (!selection || !result || !encoding || selection.token >= encoding.ids.length) {
    return (
      <aside className="token-card empty" aria-live="polite">
        {canHover()
          ? "Hover a token, or focus a lane and use the arrow keys, to see its details here."
          : "Tap a token to see its details here."}
      </aside>
    );
  }
  const i = selection.token;
  const own = tokenBytesAt(encoding, i);
  const flags = flagNames(encoding.flags[i]!);
  return (
    <aside className="token-card" aria-live="polite" data-testid="token-card">
      <header>
        <span>
          <strong>{result.info?.name ?? result.setting.tokenizer}</strong> · token {formatCount(i + 1)} of{" "}
          {formatCount(encoding.ids.length)}
        </span>
        <button type="button" className="link" onClick={() => select(null)} aria-label="Clear selection">
          ✕
        </button>
      </header>
      <dl>
        <dt>id</dt>
        <dd data-testid="card-id">{encoding.ids[i]}</dd>
        <dt>text</dt>
        <dd>
          <code className="token-literal">{escapeTokenBytes(own)}</code>
        </dd>
        <dt>bytes</dt>
        <dd>
          <code>{toHex(own) || "(none)"}</code>
        </dd>
        <dt>byte range</dt>
        <dd>
          [{encoding.starts[i]}, {encoding.ends[i]})
        </dd>
        <dt>char range</dt>
        <dd>
          [{encoding.utf16Starts[i]}, {encoding.utf16Ends[i]}) (UTF-16)
        </dd>
        <dt>flags</dt>
        <dd>{flags.length > 0 ? flags.join(", ") : "none"}</dd>
      </dl>
      <MergeExplanation
        laneId={result.setting.tokenizer}
        tokenId={encoding.ids[i]!}
        text={text ?? result.encodedText ?? ""}
        byteStart={encoding.starts[i]!}
      />
    </aside>
  );
});
