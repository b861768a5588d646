import { memo, useState } from "react";
import { PATCH_LANE_ID } from "../../core/lm/patch-encoding";
import type { LaneResult } from "../comparison/use-lane-results";
import { CountingProbe } from "./CountingProbe";
import { NumbersProbe } from "./NumbersProbe";

/**
 * Probes from the papers behind Tokenprism, for every lane: how numbers are chunked (and whether the chunks line up
 * with place value), and how letters hide inside tokens. Computed only once opened.
 */
export const ProbesPanel = memo(function ProbesPanel({
  results,
  text,
}: {
  results: readonly LaneResult[];
  text: string;
}) {
  const [open, setOpen] = useState(false);
  const tokenizers = [
    ...new Set(results.map((r) => r.setting.tokenizer).filter((id) => id !== PATCH_LANE_ID)),
  ];
  return (
    <details
      className="probes-panel"
      data-testid="probes"
      open={open}
      onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}
    >
      <summary>Probes: numbers and letter counting</summary>
      {open && tokenizers.length === 0 && <p className="empty-state">Add a lane to probe its tokenizer.</p>}
      {open && tokenizers.length > 0 && (
        <>
          <NumbersProbe tokenizers={tokenizers} text={text} />
          <CountingProbe tokenizers={tokenizers} />
        </>
      )}
    </details>
  );
});
