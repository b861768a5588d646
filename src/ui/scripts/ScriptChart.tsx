import { useEffect, useRef } from "react";
import { highlightScript } from "../../state/highlight-store";
import { drawGroupedBars, type GroupedBar } from "../charts/grouped-bars";
import { downloadPng, downloadSvg } from "../charts/export-chart";
import type { ScriptMetric } from "./script-metrics";
import { ScrollBox } from "../ScrollBox";

interface ScriptChartProps {
  bars: readonly GroupedBar[];
  metric: ScriptMetric;
}

/** The chosen metric per script (groups) and lane (bars), drawn with d3; hovering a bar marks the script. */
export function ScriptChart({ bars, metric }: ScriptChartProps) {
  const ref = useRef<SVGSVGElement>(null);
  const groups = new Set(bars.map((b) => b.group)).size;
  const width = Math.max(
    420,
    Math.min(1100, 120 + groups * 28 * Math.max(1, bars.length / Math.max(1, groups))),
  );
  // Redraw only when the numbers change: a redraw under the pointer would end the hover it reports.
  const signature = JSON.stringify([bars, metric.key, width]);
  useEffect(() => {
    if (!ref.current) return;
    drawGroupedBars(ref.current, bars, {
      width,
      height: 260,
      yLabel: metric.label,
      format: metric.format,
      onHoverGroup: highlightScript,
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the signature stands for bars, metric and width
  }, [signature]);
  return (
    <figure className="script-chart">
      <ScrollBox label="Per-script chart" kind="chart">
        <svg
          ref={ref}
          role="img"
          aria-label={`${metric.label} per script and tokenizer`}
          data-testid="script-chart"
        />
      </ScrollBox>
      <figcaption className="exports">
        <button
          type="button"
          onClick={() => ref.current && downloadSvg(ref.current, "tokenprism-scripts.svg")}
        >
          SVG
        </button>
        <button
          type="button"
          onClick={() => ref.current && void downloadPng(ref.current, "tokenprism-scripts.png")}
        >
          PNG
        </button>
      </figcaption>
    </figure>
  );
}
