import { REFERENCE_LANG } from "../corpus/udhr-corpus";
import { ATLAS_CSV_HEADER, atlasCsvRow, type AtlasRow } from "../metrics/atlas";
import { equityScores, scriptSummary } from "../metrics/atlas-summary";
import { toCsv } from "./csv";

/** The atlas as CSV: the same header and fields as `npm run -s cli -- atlas`. */
export function atlasCsv(rows: readonly AtlasRow[]): string {
  return toCsv([...ATLAS_CSV_HEADER], rows.map(atlasCsvRow));
}

/** The atlas as JSON: the corpus it rests on, every cell, the per-script summary and the equity scores. */
export function atlasJson(corpus: { source: string; version: number }, rows: readonly AtlasRow[]) {
  return {
    corpus: { ...corpus, reference: REFERENCE_LANG },
    rows,
    scriptSummary: scriptSummary(rows),
    equity: equityScores(rows),
  };
}
