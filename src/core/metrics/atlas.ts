import type { Declaration } from "../corpus/udhr-corpus";
import { graphemes } from "../text/graphemes";
import { utf8Encode } from "../text/utf8";

/** One language × tokenizer cell of the parity atlas. */
export interface AtlasRow {
  lang: string;
  name: string;
  script: string;
  tokenizer: string;
  bytes: number;
  /** Grapheme clusters. */
  chars: number;
  tokens: number;
  /** tokens(lang) / tokens(reference language), same tokenizer, same declaration. */
  premium: number;
}

/** The header of the atlas CSV (and the order of {@link atlasCsvRow}'s fields). */
export const ATLAS_CSV_HEADER = [
  "lang",
  "name",
  "script",
  "tokenizer",
  "bytes",
  "chars",
  "tokens",
  "premium",
] as const;

function graphemeCount(text: string): number {
  let count = 0;
  for (const segment of graphemes(text)) if (segment.segment.length > 0) count++;
  return count;
}

/**
 * Atlas rows for one tokenizer over declarations; `referenceTokens` is the token count of the reference
 * (English) declaration under the same tokenizer.
 */
export function atlasRows(
  declarations: readonly Declaration[],
  tokenizer: string,
  countTokens: (text: string) => number,
  referenceTokens: number,
): AtlasRow[] {
  return declarations.map((d) => {
    const tokens = countTokens(d.text);
    return {
      lang: d.lang,
      name: d.name,
      script: d.script,
      tokenizer,
      bytes: utf8Encode(d.text).length,
      chars: graphemeCount(d.text),
      tokens,
      premium: referenceTokens > 0 ? tokens / referenceTokens : NaN,
    };
  });
}

/** One row's CSV fields, premium rounded to four decimals. */
export function atlasCsvRow(row: AtlasRow): (string | number)[] {
  return [
    row.lang,
    row.name,
    row.script,
    row.tokenizer,
    row.bytes,
    row.chars,
    row.tokens,
    Number(row.premium.toFixed(4)),
  ];
}
