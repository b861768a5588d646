import type { AtlasRow } from "./atlas";

/** The q-quantile (0..1) of values by linear interpolation between order statistics (R-7, as d3 and numpy). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lower = Math.floor(position);
  const upper = Math.min(sorted.length - 1, lower + 1);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (position - lower);
}

/** How one tokenizer serves the languages written in one script. */
export interface ScriptSummaryCell {
  script: string;
  tokenizer: string;
  languages: number;
  medianPremium: number;
  minPremium: number;
  maxPremium: number;
}

function finitePremiums(rows: readonly AtlasRow[]): number[] {
  return rows.map((r) => r.premium).filter((p) => Number.isFinite(p));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Per script and tokenizer: how many languages, and their median, lowest and highest premium. */
export function scriptSummary(rows: readonly AtlasRow[]): ScriptSummaryCell[] {
  const cells: ScriptSummaryCell[] = [];
  for (const [key, group] of groupBy(rows, (r) => `${r.script}\u0000${r.tokenizer}`)) {
    const premiums = finitePremiums(group);
    if (premiums.length === 0) continue;
    const [script, tokenizer] = key.split("\u0000") as [string, string];
    cells.push({
      script,
      tokenizer,
      languages: group.length,
      medianPremium: quantile(premiums, 0.5),
      minPremium: Math.min(...premiums),
      maxPremium: Math.max(...premiums),
    });
  }
  return cells;
}

/** A tokenizer's equity figures over the languages included (see the README for the definitions). */
export interface EquityScore {
  tokenizer: string;
  languages: number;
  medianPremium: number;
  /** The equity score: 9 in 10 languages pay at most this many times English's tokens. 1 is parity. */
  p90Premium: number;
  /** The script whose languages have the lowest median premium, and that median. */
  bestScript: string;
  bestScriptPremium: number;
  /** The script whose languages have the highest median premium, and that median. */
  worstScript: string;
  worstScriptPremium: number;
  /** worstScriptPremium / bestScriptPremium: how much more the worst-served script pays. */
  scriptSpread: number;
}

/** Equity figures per tokenizer, in the order the tokenizers first appear in `rows`. */
export function equityScores(rows: readonly AtlasRow[]): EquityScore[] {
  const byScript = groupBy(scriptSummary(rows), (cell) => cell.tokenizer);
  const scores: EquityScore[] = [];
  for (const [tokenizer, group] of groupBy(rows, (r) => r.tokenizer)) {
    const premiums = finitePremiums(group);
    const scripts = [...(byScript.get(tokenizer) ?? [])].sort(
      (a, b) => a.medianPremium - b.medianPremium || a.script.localeCompare(b.script),
    );
    const best = scripts[0];
    const worst = scripts[scripts.length - 1];
    if (premiums.length === 0 || !best || !worst) continue;
    scores.push({
      tokenizer,
      languages: premiums.length,
      medianPremium: quantile(premiums, 0.5),
      p90Premium: quantile(premiums, 0.9),
      bestScript: best.script,
      bestScriptPremium: best.medianPremium,
      worstScript: worst.script,
      worstScriptPremium: worst.medianPremium,
      scriptSpread: worst.medianPremium / best.medianPremium,
    });
  }
  return scores;
}

/** How the atlas orders its languages. */
export type AtlasSort = "script" | "premium" | "name";

/**
 * Orders languages for display: by script (then name), by premium (highest mean premium over the included
 * tokenizers first), or by name. Ties fall back to the language id, so the order is total.
 */
export function sortLanguages(
  langs: readonly { lang: string; name: string; script: string }[],
  rows: readonly AtlasRow[],
  sort: AtlasSort,
): string[] {
  const mean = new Map<string, number>();
  for (const [lang, group] of groupBy(rows, (r) => r.lang)) {
    const premiums = finitePremiums(group);
    if (premiums.length > 0) mean.set(lang, premiums.reduce((a, b) => a + b, 0) / premiums.length);
  }
  const byName = (a: { name: string; lang: string }, b: { name: string; lang: string }) =>
    a.name.localeCompare(b.name) || a.lang.localeCompare(b.lang);
  const compare = {
    name: byName,
    script: (a: (typeof langs)[number], b: (typeof langs)[number]) =>
      a.script.localeCompare(b.script) || byName(a, b),
    premium: (a: (typeof langs)[number], b: (typeof langs)[number]) =>
      (mean.get(b.lang) ?? -Infinity) - (mean.get(a.lang) ?? -Infinity) || byName(a, b),
  }[sort];
  return [...langs].sort(compare).map((l) => l.lang);
}
