import { useQuery } from "@tanstack/react-query";
import type { SummaryRow } from "../../core/export/comparison-export";
import { textAnalysisOptions, tokenizerListOptions } from "../../queries/tokenizer-queries";
import { useLanes, useParseSpecials, useText } from "../../state/comparison-store";
import { BusyIndicator } from "../BusyIndicator";
import { TextPanel } from "../editor/TextPanel";
import { LaneAdder } from "../lanes/LaneAdder";
import { LaneList } from "../lanes/LaneList";
import { ProbesPanel } from "../probes/ProbesPanel";
import { ScriptPanel } from "../scripts/ScriptPanel";
import { SummaryTable } from "../summary/SummaryTable";
import { TokenCard } from "../token-card/TokenCard";
import { tokenizeDelay, useDebouncedValue } from "../use-debounced-value";
import { useBoundaryDiff } from "./use-boundary-diff";
import { useLaneResults } from "./use-lane-results";
import { useLaneStats } from "./use-lane-stats";

/** Text in, lanes out: the comparison screen. */
export function ComparisonView() {
  const typed = useText();
  const text = useDebouncedValue(typed, tokenizeDelay);
  const lanes = useLanes();
  const parseSpecials = useParseSpecials();
  const listing = useQuery(tokenizerListOptions());
  const analysis = useQuery(textAnalysisOptions(text));
  const results = useLaneResults(lanes, text, parseSpecials, listing.data);
  const diff = useBoundaryDiff(results, text);
  const stats = useLaneStats(results, analysis.data?.counts, text);
  const rows: SummaryRow[] = results.flatMap((r, i) => {
    const s = stats[i];
    return s ? [{ tokenizer: r.setting.tokenizer, name: r.info?.name ?? r.setting.tokenizer, stats: s }] : [];
  });
  return (
    <>
      <BusyIndicator pending={typed !== text} />
      <TextPanel />
      <LaneAdder />
      {lanes.length === 0 && (
        <p className="empty-state">No lanes. Add a tokenizer above to see how it cuts the text.</p>
      )}
      {typed.length === 0 && lanes.length > 0 && (
        <p className="empty-state">Type or paste text above, or pick a sample.</p>
      )}
      <LaneList results={results} text={text} stats={stats} diff={diff} />
      <ScriptPanel results={results} profile={analysis.data?.profile} text={text} />
      <ProbesPanel results={results} text={text} />
      <SummaryTable rows={rows} results={results} text={text} diff={diff} />
      <TokenCard results={results} text={text} />
    </>
  );
}
