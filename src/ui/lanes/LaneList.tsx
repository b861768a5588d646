import { memo } from "react";
import type { LaneStats } from "../../core/metrics/lane-stats";
import { tokenAtByte } from "../../core/tokenizers/blocks";
import {
  useComparisonActions,
  useParseSpecials,
  useSelection,
  useSelectionOrigin,
  useShowDiff,
  useShowWhitespace,
} from "../../state/comparison-store";
import type { LaneDiff } from "../comparison/use-boundary-diff";
import type { LaneResult } from "../comparison/use-lane-results";
import { Lane } from "./Lane";

interface LaneListProps {
  results: readonly LaneResult[];
  /** The text every lane encodes; null in chat mode, where each lane renders its own. */
  text: string | null;
  stats: readonly (LaneStats | undefined)[];
  diff: LaneDiff | null;
}

/** A lane's encoding if it belongs to the text shown now (in chat mode: if the lane is up to date). */
export function currentEncoding(result: LaneResult, text: string | null) {
  if (text === null) return result.status === "ready" ? result.encoding : undefined;
  return result.encodedText === text ? result.encoding : undefined;
}

/**
 * The lanes, with the selection's byte range lit up in each and the diff marks. Skips a render of the page
 * that gives it the same results, text, diff and statistics (while lanes wait for each other, see
 * `useHeldResults`).
 */
export const LaneList = memo(LaneListItself, (a, b) => {
  const sameStats = a.stats.length === b.stats.length && a.stats.every((stats, i) => stats === b.stats[i]);
  return a.results === b.results && a.text === b.text && a.diff === b.diff && sameStats;
});

function LaneListItself({ results, text, stats, diff }: LaneListProps) {
  const selection = useSelection();
  const origin = useSelectionOrigin();
  const showDiff = useShowDiff();
  const showWhitespace = useShowWhitespace();
  const parseSpecials = useParseSpecials();
  const { select } = useComparisonActions();
  const source = selection ? results[selection.lane] : undefined;
  const sourceEncoding = source ? currentEncoding(source, text) : undefined;
  const validSelection =
    selection && sourceEncoding && selection.token < sourceEncoding.ids.length ? selection : null;
  const highlight =
    validSelection && sourceEncoding
      ? ([sourceEncoding.starts[validSelection.token]!, sourceEncoding.ends[validSelection.token]!] as const)
      : null;
  return (
    <div className="lanes">
      {results.map((result, index) => {
        const encoding = currentEncoding(result, text);
        // In chat mode each lane has its own text: a selection lights up its own lane only.
        const sharesText = text !== null || validSelection?.lane === index;
        let scrollTo = -1;
        if (validSelection && highlight && encoding && sharesText && origin !== "hover") {
          scrollTo =
            validSelection.lane === index ? validSelection.token : tokenAtByte(encoding, highlight[0]);
        }
        return (
          <Lane
            key={result.setting.key}
            result={result}
            index={index}
            laneCount={results.length}
            text={text ?? result.encodedText ?? ""}
            parseSpecials={parseSpecials}
            showWhitespace={showWhitespace}
            stats={stats[index]}
            diff={showDiff ? diff : null}
            highlight={encoding && sharesText ? highlight : null}
            selected={validSelection?.lane === index ? validSelection.token : -1}
            scrollTo={scrollTo}
            sharesText={text !== null}
            onSelect={(lane, token, how) => select({ lane, token }, how)}
          />
        );
      })}
    </div>
  );
}
