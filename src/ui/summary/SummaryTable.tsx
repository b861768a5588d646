import { memo } from "react";
import {
  comparisonJson,
  rankLanes,
  summaryCsv,
  tokensCsv,
  type SummaryRow,
} from "../../core/export/comparison-export";
import type { LaneDiff } from "../comparison/use-boundary-diff";
import type { LaneResult } from "../comparison/use-lane-results";
import { downloadText } from "./download";
import { ScrollBox } from "../ScrollBox";
import { formatCount } from "../format-count";

interface SummaryTableProps {
  rows: readonly SummaryRow[];
  results: readonly LaneResult[];
  text: string;
  diff: LaneDiff | null;
}

/** Lanes ranked by token count, the boundary agreement, and exports. */
export const SummaryTable = memo(function SummaryTable({ rows, results, text, diff }: SummaryTableProps) {
  if (rows.length === 0) return null;
  const ranked = rankLanes(rows);
  const fewest = ranked[0]!.stats.tokens;
  const ready = results.filter((r) => r.status === "ready" && r.encodedText === text && r.encoding);
  const lanes = ready.map((r) => ({ tokenizer: r.setting.tokenizer, encoding: r.encoding! }));
  return (
    <section className="summary" aria-label="Summary">
      <div className="summary-head">
        <h2>Summary</h2>
        {diff && (
          <span data-testid="diff-summary">
            Boundaries: <strong>{formatCount(diff.diff.shared)}</strong> shared by all lanes,{" "}
            <strong>{formatCount(diff.diff.unshared)}</strong> not shared
          </span>
        )}
        <span className="exports">
          <button
            type="button"
            onClick={() => downloadText("tokenprism-summary.csv", summaryCsv(rows), "text/csv")}
          >
            Summary CSV
          </button>
          <button
            type="button"
            onClick={() => downloadText("tokenprism-tokens.csv", tokensCsv(lanes), "text/csv")}
          >
            Tokens CSV
          </button>
          <button
            type="button"
            onClick={() =>
              downloadText(
                "tokenprism.json",
                JSON.stringify(comparisonJson(rows, lanes), null, 1),
                "application/json",
              )
            }
          >
            JSON
          </button>
        </span>
      </div>
      <ScrollBox label="Summary table">
        <table>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Tokenizer</th>
              <th scope="col">Tokens</th>
              <th scope="col">× fewest</th>
              <th scope="col">Chars/token</th>
              <th scope="col">Bytes/token</th>
              <th scope="col">Partial-char</th>
              <th scope="col">Round trip</th>
            </tr>
          </thead>
          <tbody>
            {ranked.map((row, index) => (
              <tr key={`${row.tokenizer}-${index}`} data-testid="summary-row" data-tokenizer={row.tokenizer}>
                <td>{index + 1}</td>
                <td>{row.name}</td>
                <td className="num">{formatCount(row.stats.tokens)}</td>
                <td className="num">{fewest > 0 ? (row.stats.tokens / fewest).toFixed(2) : "—"}</td>
                <td className="num">{row.stats.charsPerToken.toFixed(2)}</td>
                <td className="num">{row.stats.bytesPerToken.toFixed(2)}</td>
                <td className="num">{formatCount(row.stats.partialCharacterTokens)}</td>
                <td>{row.stats.roundTripExact ? "exact" : `${row.stats.normalizedTokens} normalized`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
});
