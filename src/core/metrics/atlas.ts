import type { DeclarationInfo } from "../corpus/udhr-corpus";

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

/**
 * Atlas rows for one tokenizer: `tokens[i]` is the token count of `declarations[i]`, `referenceTokens` that
 * of the reference (English) declaration under the same tokenizer.
 */
export function atlasRows(
  declarations: readonly DeclarationInfo[],
  tokenizer: string,
  tokens: ArrayLike<number>,
  referenceTokens: number,
): AtlasRow[] {
  return declarations.map((d, i) => ({
    lang: d.lang,
    name: d.name,
    script: d.script,
    tokenizer,
    bytes: d.bytes,
    chars: d.chars,
    tokens: tokens[i]!,
    premium: referenceTokens > 0 ? tokens[i]! / referenceTokens : NaN,
  }));
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
