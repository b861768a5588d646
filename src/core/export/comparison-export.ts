import { escapeTokenBytes, flagNames } from "../tokenizers/describe-token";
import { toHex } from "../text/utf8";
import { tokenBytesAt, type Encoding } from "../tokenizers/types";
import type { LaneStats } from "../metrics/lane-stats";
import { toCsv } from "./csv";

/** One lane's row in the summary. */
export interface SummaryRow {
  tokenizer: string;
  name: string;
  stats: LaneStats;
}

const SUMMARY_HEADER = [
  "rank",
  "tokenizer",
  "name",
  "tokens",
  "chars_per_token",
  "bytes_per_token",
  "partial_char_tokens",
  "byte_fallback_tokens",
  "special_tokens",
  "normalized_tokens",
  "round_trip_exact",
];

/** Lanes ranked by token count (fewest first; ties keep lane order). */
export function rankLanes(rows: readonly SummaryRow[]): SummaryRow[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => a.row.stats.tokens - b.row.stats.tokens || a.index - b.index)
    .map((x) => x.row);
}

/** The summary table as CSV. */
export function summaryCsv(rows: readonly SummaryRow[]): string {
  return toCsv(
    SUMMARY_HEADER,
    rankLanes(rows).map((row, index) => [
      index + 1,
      row.tokenizer,
      row.name,
      row.stats.tokens,
      row.stats.charsPerToken.toFixed(4),
      row.stats.bytesPerToken.toFixed(4),
      row.stats.partialCharacterTokens,
      row.stats.byteFallbackTokens,
      row.stats.specialTokens,
      row.stats.normalizedTokens,
      row.stats.roundTripExact,
    ]),
  );
}

/** Every lane's tokens as one CSV table (one header): lane, index, id, byte span, UTF-16 span, hex, text, flags. */
export function tokensCsv(lanes: readonly { tokenizer: string; encoding: Encoding }[]): string {
  const rows = lanes.flatMap(({ tokenizer, encoding }) => laneTokenRows(tokenizer, encoding));
  return toCsv(
    [
      "tokenizer",
      "index",
      "id",
      "byte_start",
      "byte_end",
      "utf16_start",
      "utf16_end",
      "bytes_hex",
      "text",
      "flags",
    ],
    rows,
  );
}

function laneTokenRows(tokenizer: string, encoding: Encoding): (string | number)[][] {
  return Array.from(encoding.ids, (id, i) => {
    const own = tokenBytesAt(encoding, i);
    return [
      tokenizer,
      i,
      id,
      encoding.starts[i]!,
      encoding.ends[i]!,
      encoding.utf16Starts[i]!,
      encoding.utf16Ends[i]!,
      toHex(own),
      escapeTokenBytes(own),
      flagNames(encoding.flags[i]!).join("|"),
    ];
  });
}

/** The whole comparison as a JSON-ready object. */
export function comparisonJson(
  rows: readonly SummaryRow[],
  lanes: readonly { tokenizer: string; encoding: Encoding }[],
): unknown {
  return {
    summary: rankLanes(rows).map((row, index) => ({
      rank: index + 1,
      tokenizer: row.tokenizer,
      name: row.name,
      ...row.stats,
    })),
    lanes: lanes.map(({ tokenizer, encoding }) => ({
      tokenizer,
      tokens: Array.from(encoding.ids, (id, i) => ({
        id,
        bytes: [encoding.starts[i], encoding.ends[i]],
        utf16: [encoding.utf16Starts[i], encoding.utf16Ends[i]],
        hex: toHex(tokenBytesAt(encoding, i)),
        text: escapeTokenBytes(tokenBytesAt(encoding, i)),
        flags: flagNames(encoding.flags[i]!),
      })),
    })),
  };
}
