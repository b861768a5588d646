import { useEffect, useRef } from "react";
import type { DeclarationInfo } from "../../core/corpus/udhr-corpus";
import type { AtlasRow } from "../../core/metrics/atlas";
import { drawHeatmap } from "../charts/heatmap";
import { downloadPng, downloadSvg } from "../charts/export-chart";

interface AtlasHeatmapProps {
  languages: readonly DeclarationInfo[];
  columns: readonly { tokenizer: string; name: string }[];
  rows: readonly AtlasRow[];
}

/** The language × tokenizer premium heatmap (d3), with SVG and PNG export. */
export function AtlasHeatmap({ languages, columns, rows }: AtlasHeatmapProps) {
  const ref = useRef<SVGSVGElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const byCell = new Map(rows.map((r) => [`${r.lang}\u0000${r.tokenizer}`, r]));
    const byLang = new Map(languages.map((d) => [d.lang, d]));
    drawHeatmap(
      ref.current,
      languages.map((d) => ({ key: d.lang, label: `${d.name} · ${d.script}` })),
      columns.map((c) => ({ key: c.tokenizer, label: c.name })),
      {
        cell: (lang, tokenizer) => byCell.get(`${lang}\u0000${tokenizer}`),
        rowTitle: (lang) => {
          const d = byLang.get(lang);
          return d
            ? `${d.name} (${d.lang}, ${d.iso6393}) · ${d.script} · ${d.bytes.toLocaleString()} bytes`
            : lang;
        },
      },
    );
  }, [languages, columns, rows]);
  return (
    <figure className="atlas-heatmap">
      <figcaption className="exports">
        <span className="muted">Premium: tokens ÷ English&apos;s tokens for the same declaration.</span>
        <span className="legend" aria-hidden="true">
          <span style={{ background: "#2166ac" }}>0.5×</span>
          <span style={{ background: "#f7f7f7", color: "#111" }}>1×</span>
          <span style={{ background: "#d6604d" }}>4×</span>
          <span style={{ background: "#67001f" }}>16×</span>
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
      <div className="heatmap-scroll">
        <svg
          ref={ref}
          role="img"
          aria-label="Premium per language and tokenizer"
          data-testid="atlas-heatmap"
        />
      </div>
    </figure>
  );
}
