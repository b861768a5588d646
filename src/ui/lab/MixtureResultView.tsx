import { useEffect, useRef } from "react";
import type { MixtureResult } from "../../../workers/bpe/api";
import { drawMixtureChart } from "../charts/mixture-chart";
import { formatBytes } from "./text-sources";
import { ScrollBox } from "../ScrollBox";
import { formatCount } from "../format-count";

/** Estimated proportions as a chart, with the slack and an honest note on what the estimate rests on. */
export function MixtureResultView({ result, truth }: { result: MixtureResult; truth?: number[] }) {
  const svg = useRef<SVGSVGElement>(null);
  useEffect(() => {
    if (svg.current)
      drawMixtureChart(
        svg.current,
        result.names.map((name, i) => ({ name, estimate: result.proportions[i]!, truth: truth?.[i] })),
        560,
      );
  }, [result, truth]);
  const smallest = Math.min(...result.sampleBytes);
  return (
    <figure className="lab-chart" data-testid="lab-mixture-result" data-converged={result.converged}>
      <ScrollBox label="Estimated byte proportions (chart)" kind="chart">
        <svg ref={svg} role="img" aria-label="Estimated byte proportions" />
      </ScrollBox>
      <figcaption className="muted">
        {formatCount(result.merges)} merges replayed; LP solved {result.rounds} time(s) with{" "}
        {formatCount(result.constraints)} constraints ({(result.solverMs / 1000).toFixed(1)} s in HiGHS).
        Residual slack: {(result.relativeSlack * 100).toFixed(1)}% of the chosen merges&apos; weighted counts
        {result.relativeSlack > 0.05
          ? " — the categories explain this merge list only roughly (missing categories or small samples)."
          : "."}
        {!result.converged &&
          ` Stopped at the time limit with ${formatCount(result.violated)} constraints still violated: the estimate is provisional.`}{" "}
        The samples are small ({formatBytes(smallest)} for the smallest category, against the paper&apos;s ~1
        GB per category), so late merges carry sampling noise; a category missing from the list pushes its
        share onto the most similar one.
        {truth && " Black ticks mark the true proportions."}
      </figcaption>
    </figure>
  );
}
