import type { ScriptStats } from "../../core/metrics/script-stats";
import { formatCount } from "../format-count";

/** A per-script number the table and chart can show. */
export interface ScriptMetric {
  key: "bytesPerToken" | "tokensPerWord" | "splitWordShare" | "partialTokenShare" | "tokens";
  label: string;
  /** What it means, shown as a tooltip. */
  help: string;
  format(value: number): string;
}

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

/** The metrics in the order the picker lists them. */
export const SCRIPT_METRICS: readonly ScriptMetric[] = [
  {
    key: "bytesPerToken",
    label: "Bytes per token",
    help: "Compression: UTF-8 bytes of the script's text per token (higher is cheaper).",
    format: (v) => v.toFixed(2),
  },
  {
    key: "tokensPerWord",
    label: "Tokens per word",
    help: "Fertility: tokens overlapping each word, averaged (lower is better; 1 is ideal).",
    format: (v) => v.toFixed(2),
  },
  {
    key: "splitWordShare",
    label: "Words split",
    help: "Share of words cut into two or more tokens.",
    format: percent,
  },
  {
    key: "partialTokenShare",
    label: "Partial-character tokens",
    help: "Share of tokens that start or end inside a multi-byte character.",
    format: percent,
  },
  {
    key: "tokens",
    label: "Tokens",
    help: "Tokens counted in the script (a token spanning scripts counts where most of its bytes are).",
    format: (v) => formatCount(v),
  },
];

/** The value of a metric for one lane's script row. */
export function metricValue(stats: ScriptStats, metric: ScriptMetric): number {
  return stats[metric.key];
}
