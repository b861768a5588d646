import type { ScriptStats } from "../metrics/script-stats";
import { toCsv } from "./csv";

/** Per-script statistics of every lane as CSV, one row per lane and script. */
export function scriptStatsCsv(
  lanes: readonly { tokenizer: string; stats: readonly ScriptStats[] }[],
): string {
  const header = [
    "tokenizer",
    "script",
    "bytes",
    "characters",
    "words",
    "tokens",
    "bytes_per_token",
    "tokens_per_word",
    "split_word_share",
    "partial_token_share",
    "byte_fallback_tokens",
  ];
  const rows = lanes.flatMap((lane) =>
    lane.stats.map((s) => [
      lane.tokenizer,
      s.script,
      s.bytes,
      s.characters,
      s.words,
      s.tokens,
      Number(s.bytesPerToken.toFixed(4)),
      Number(s.tokensPerWord.toFixed(4)),
      Number(s.splitWordShare.toFixed(4)),
      Number(s.partialTokenShare.toFixed(4)),
      s.byteFallbackTokens,
    ]),
  );
  return toCsv(header, rows);
}
