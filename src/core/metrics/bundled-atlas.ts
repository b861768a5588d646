/**
 * The parity atlas's columns for the built-in tokenizers, counted at build time by the same engine the
 * workers run (`scripts/build-atlas-counts.ts`) and shipped with the app: a first visit shows the built-in
 * columns at once instead of counting 527 declarations per tokenizer in the browser. Columns of other
 * tokenizers (dropped files, the Hub) are still counted in the page.
 */
export interface BundledAtlas {
  format: typeof BUNDLED_ATLAS_FORMAT;
  /** The corpus the counts are over (`UdhrCorpus.source` and `.version`). */
  corpusSource: string;
  corpusVersion: number;
  /** Tokenizer id → token count of every declaration, in corpus order. */
  columns: Record<string, number[]>;
}

export const BUNDLED_ATLAS_FORMAT = 1;

/**
 * One tokenizer's column from a bundled atlas file, or null when the file is not one, is for another corpus,
 * lacks the tokenizer or does not have one count per declaration (then the column is counted in the page).
 */
export function bundledColumn(
  file: unknown,
  tokenizer: string,
  corpus: { source: string; version: number; declarations: number },
): Uint32Array | null {
  if (typeof file !== "object" || file === null) return null;
  const atlas = file as Partial<BundledAtlas>;
  if (atlas.format !== BUNDLED_ATLAS_FORMAT) return null;
  if (atlas.corpusSource !== corpus.source || atlas.corpusVersion !== corpus.version) return null;
  const column = atlas.columns?.[tokenizer];
  if (!Array.isArray(column) || column.length !== corpus.declarations) return null;
  if (!column.every((count) => Number.isInteger(count) && count >= 0 && count <= 0xffffffff)) return null;
  return Uint32Array.from(column);
}
