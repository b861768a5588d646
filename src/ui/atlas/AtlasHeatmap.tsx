import { useEffect, useRef, useState } from "react";
import type { DeclarationInfo } from "../../core/corpus/udhr-corpus";
import type { AtlasRow } from "../../core/metrics/atlas";
import { drawHeatmap } from "../charts/heatmap";
import { downloadPng, downloadSvg } from "../charts/export-chart";
import { readableTextOn } from "../charts/readable-text";
import { ScrollBox } from "../ScrollBox";
import { formatCount } from "../format-count";

interface AtlasHeatmapProps {
  languages: readonly DeclarationInfo[];
  columns: readonly { tokenizer: string; name: string }[];
  rows: readonly AtlasRow[];
  /** What `languages` are sorted by: a new choice re-sorts at once, even while columns arrive. */
  orderedBy: string;
}

/** The legend's swatches: premium and its colour on the heatmap's scale. */
const LEGEND = [
  ["0.5×", "#2166ac"],
  ["1×", "#f7f7f7"],
  ["4×", "#d6604d"],
  ["16×", "#67001f"],
] as const;

/** Least time between two redraws while the atlas is still computing. */
const REDRAW_MS = 3000;

/** Whether `order` lists exactly the languages of `languages` (in any order). */
function sameMembers(order: readonly string[], languages: readonly DeclarationInfo[]): boolean {
  if (order.length !== languages.length) return false;
  const members = new Set(order);
  return languages.every((d) => members.has(d.lang));
}

interface Hover {
  lang: string | null;
  tokenizer: string | null;
}

/** The language × tokenizer premium heatmap (d3), with a hover read-out and SVG / PNG export. */
export function AtlasHeatmap({ languages, columns, rows, orderedBy }: AtlasHeatmapProps) {
  const ref = useRef<SVGSVGElement>(null);
  const [hover, setHover] = useState<Hover>({ lang: null, tokenizer: null });
  const byCell = new Map(rows.map((r) => [`${r.lang}\u0000${r.tokenizer}`, r]));
  const byLang = new Map(languages.map((d) => [d.lang, d]));
  // Redraw only when what is drawn changes (a column finished, the order or the selection changed).
  const signature = `${orderedBy}|${languages.map((d) => d.lang).join()}|${columns.map((c) => c.tokenizer).join()}|${rows.length}`;
  // While columns are still coming in, redraw at most every REDRAW_MS: a redraw re-sorts and re-lays out
  // thousands of cells (about a second with 17 columns), and the workers need the cores. Complete: at once.
  const complete = rows.length >= languages.length * columns.length;
  const lastDraw = useRef(0);
  // While columns arrive, the rows keep the order they were first drawn in (sorted by what was known then) and
  // are sorted again once the atlas is complete or the sort changes: cells fill in where they are instead of
  // jumping, and the SVG is not rebuilt (20,000 elements) on every redraw.
  const drawnOrder = useRef<{ orderedBy: string; langs: string[] } | null>(null);
  useEffect(() => {
    const draw = () => {
      if (!ref.current) return;
      lastDraw.current = performance.now();
      const frozen = drawnOrder.current;
      const order =
        !complete && frozen?.orderedBy === orderedBy && sameMembers(frozen.langs, languages)
          ? frozen.langs.map((lang) => byLang.get(lang)!)
          : languages;
      drawnOrder.current = { orderedBy, langs: order.map((d) => d.lang) };
      drawHeatmap(
        ref.current,
        order.map((d) => ({ key: d.lang, label: `${d.name} · ${d.script}` })),
        columns.map((c) => ({ key: c.tokenizer, label: c.name })),
        {
          cell: (lang, tokenizer) => byCell.get(`${lang}\u0000${tokenizer}`),
          onHover: (lang, tokenizer) =>
            setHover((h) => (h.lang === lang && h.tokenizer === tokenizer ? h : { lang, tokenizer })),
        },
      );
    };
    const wait = complete ? 0 : lastDraw.current + REDRAW_MS - performance.now();
    if (wait <= 0) {
      draw();
      return;
    }
    const timer = setTimeout(draw, wait);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the signature stands for languages, columns and rows
  }, [signature, complete]);
  const language = hover.lang ? byLang.get(hover.lang) : undefined;
  const cell =
    hover.lang && hover.tokenizer ? byCell.get(`${hover.lang}\u0000${hover.tokenizer}`) : undefined;
  const cellName = cell ? (columns.find((c) => c.tokenizer === cell.tokenizer)?.name ?? cell.tokenizer) : "";
  return (
    <figure className="atlas-heatmap">
      <figcaption className="exports">
        <span className="muted">Premium: tokens ÷ English&apos;s tokens for the same declaration.</span>
        <span className="legend" aria-hidden="true">
          {LEGEND.map(([label, background]) => (
            <span key={label} style={{ background, color: readableTextOn(background) }}>
              {label}
            </span>
          ))}
        </span>
        <button type="button" onClick={() => ref.current && downloadSvg(ref.current, "tokenprism-atlas.svg")}>
          SVG
        </button>
        <button
          type="button"
          onClick={() => ref.current && void downloadPng(ref.current, "tokenprism-atlas.png")}
        >
          PNG
        </button>
      </figcaption>
      <p className="heatmap-hover muted" aria-live="polite" data-testid="atlas-hover">
        {language
          ? `${language.name} (${language.lang}, ${language.iso6393}) · ${language.script} · ` +
            `${formatCount(language.bytes)} bytes, ${formatCount(language.chars)} characters` +
            (cell
              ? ` · ${cellName}: ${formatCount(cell.tokens)} tokens, ${cell.premium.toFixed(3)}× English`
              : "")
          : "Point at a cell for its numbers."}
      </p>
      <ScrollBox label="Premium heatmap" kind="heatmap">
        <svg
          ref={ref}
          role="img"
          aria-label="Premium per language and tokenizer"
          data-testid="atlas-heatmap"
        />
      </ScrollBox>
    </figure>
  );
}
