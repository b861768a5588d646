import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { textAnalysisOptions } from "../../queries/tokenizer-queries";
import { useHighlightedScript } from "../../state/highlight-store";

/**
 * The text with the runs of the highlighted script wrapped in `<mark>` (as React text nodes, never HTML),
 * up to `limit` UTF-16 units; null when nothing is highlighted or the text has not been profiled yet.
 */
export function useScriptMarks(text: string, limit: number): ReactNode[] | null {
  const script = useHighlightedScript();
  // Read the cached profile only: this text's analysis is requested by the comparison view.
  const analysis = useQuery({ ...textAnalysisOptions(text), enabled: false });
  const profile = analysis.data?.profile;
  if (script === null || !profile) return null;
  const index = profile.scripts.indexOf(script);
  if (index < 0) return null;
  const nodes: ReactNode[] = [];
  let at = 0;
  for (let r = 0; r < profile.runScripts.length && at < limit; r++) {
    if (profile.runScripts[r] !== index) continue;
    const start = Math.min(limit, profile.runUtf16Starts[r]!);
    const end = Math.min(limit, profile.runUtf16Ends[r]!);
    if (start > at) nodes.push(text.slice(at, start));
    nodes.push(
      <mark key={r} data-testid="script-mark">
        {text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  if (at < Math.min(limit, text.length)) nodes.push(text.slice(at, Math.min(limit, text.length)));
  return nodes;
}
