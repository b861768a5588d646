import { memo, useState } from "react";
import { scriptStatsCsv } from "../../core/export/script-stats-export";
import type { ScriptProfile } from "../../core/metrics/script-stats";
import { highlightScript, useHighlightedScript } from "../../state/highlight-store";
import type { LaneResult } from "../comparison/use-lane-results";
import { downloadText } from "../summary/download";
import { ScriptChart } from "./ScriptChart";
import { metricValue, SCRIPT_METRICS } from "./script-metrics";
import { useScriptStats } from "./use-script-stats";
import { ScrollBox } from "../ScrollBox";
import { formatCount } from "../format-count";

interface ScriptPanelProps {
  results: readonly LaneResult[];
  profile: ScriptProfile | undefined;
  text: string;
}

/** Texts longer than this (UTF-16 units) get per-script statistics only when asked: each lane costs a pass. */
const COMPUTE_ON_DEMAND_ABOVE = 200_000;

/** Per-script over-segmentation of the text in the box: a table and a chart for every lane. */
export const ScriptPanel = memo(function ScriptPanel(props: ScriptPanelProps) {
  const [opened, setOpened] = useState(false);
  if (props.text.length > COMPUTE_ON_DEMAND_ABOVE && !opened && props.profile?.scripts.length) {
    return (
      <section className="script-panel" aria-label="By script">
        <button type="button" onClick={() => setOpened(true)} data-testid="script-panel-open">
          Show per-script statistics
        </button>{" "}
        <span className="muted">
          (computed on request for long texts: one pass over every lane&apos;s tokens)
        </span>
      </section>
    );
  }
  return <ScriptPanelBody {...props} />;
});

function ScriptPanelBody({ results, profile, text }: ScriptPanelProps) {
  const [metricKey, setMetricKey] = useState<(typeof SCRIPT_METRICS)[number]["key"]>("bytesPerToken");
  const metric = SCRIPT_METRICS.find((m) => m.key === metricKey) ?? SCRIPT_METRICS[0]!;
  const lanes = useScriptStats(results, profile, text);
  const highlighted = useHighlightedScript();
  const bars = lanes.flatMap((lane) =>
    lane.stats.map((s) => ({ group: s.script, series: lane.name, value: metricValue(s, metric) })),
  );
  if (!profile || profile.scripts.length === 0 || lanes.length === 0) return null;
  const scripts = profile.scripts.map((script, i) => ({
    script,
    bytes: profile.bytes[i]!,
    characters: profile.characters[i]!,
    words: profile.words[i]!,
  }));
  return (
    <section className="script-panel" aria-label="By script" data-testid="script-panel">
      <div className="summary-head">
        <h2>By script</h2>
        <label>
          Show{" "}
          <select value={metric.key} onChange={(e) => setMetricKey(e.target.value as typeof metricKey)}>
            {SCRIPT_METRICS.map((m) => (
              <option key={m.key} value={m.key} title={m.help}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">{metric.help} Point at a script to mark it in the text.</span>
        <span className="exports">
          <button
            type="button"
            onClick={() => downloadText("tokenprism-scripts.csv", scriptStatsCsv(lanes), "text/csv")}
          >
            CSV
          </button>
        </span>
      </div>
      <ScrollBox label="Per-script table">
        <table>
          <thead>
            <tr>
              <th scope="col">Script</th>
              <th scope="col">Bytes</th>
              <th scope="col">Chars</th>
              <th scope="col">Words</th>
              {lanes.map((lane, i) => (
                <th scope="col" key={`${lane.tokenizer}-${i}`}>
                  {lane.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {scripts.map((row, s) => (
              <tr
                key={row.script}
                data-testid="script-row"
                data-script={row.script}
                className={highlighted === row.script ? "highlighted" : undefined}
                onPointerEnter={() => highlightScript(row.script)}
                onPointerLeave={() => highlightScript(null)}
                onFocus={() => highlightScript(row.script)}
                onBlur={() => highlightScript(null)}
                tabIndex={0}
              >
                <th scope="row">{row.script}</th>
                <td className="num">{formatCount(row.bytes)}</td>
                <td className="num">{formatCount(row.characters)}</td>
                <td className="num">{formatCount(row.words)}</td>
                {lanes.map((lane, i) => {
                  const stats = lane.stats[s];
                  return (
                    <td className="num" key={`${lane.tokenizer}-${i}`} data-tokenizer={lane.tokenizer}>
                      {stats ? metric.format(metricValue(stats, metric)) : "—"}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <ScriptChart bars={bars} metric={metric} />
    </section>
  );
}
