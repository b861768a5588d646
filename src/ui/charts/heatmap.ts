import * as d3 from "d3";
import { svgFrame } from "./svg-frame";

/** One row of the heatmap (a language). */
export interface HeatmapRow {
  key: string;
  label: string;
}

/** One column of the heatmap (a tokenizer). */
export interface HeatmapColumn {
  key: string;
  label: string;
}

/** A cell's value: the premium (colour and label) and the token count (data attribute). */
export interface HeatmapCell {
  premium: number;
  tokens: number;
}

export interface HeatmapOptions {
  /** The cell of a row and column, or undefined while it is being computed. */
  cell(row: string, column: string): HeatmapCell | undefined;
  /** Called with the row and column under the pointer, or nulls when it leaves. */
  onHover?(row: string | null, column: string | null): void;
}

const ROW = 18;
const COLUMN = 64;
const LABEL = 230;
const HEADER = 112;

/** Premium colours: 1 (parity) white, cheaper than English blue, dearer red, on a log scale to 16×. */
export const premiumColor = d3
  .scaleDivergingLog<string>()
  .domain([0.5, 1, 16])
  .interpolator((t) => d3.interpolateRdBu(1 - t))
  .clamp(true);

const PENDING = "#8884";

function textColor(background: string): string {
  return background === PENDING || d3.lab(background).l > 55 ? "#111" : "#fff";
}

/**
 * The rows and columns each SVG was built for. Kept off the DOM: an attribute would travel into the exported
 * SVG, and the separators (U+0000, U+0001) are not allowed in XML.
 */
const builtLayouts = new WeakMap<SVGSVGElement, string>();

function layoutKey(rows: readonly HeatmapRow[], columns: readonly HeatmapColumn[]): string {
  return `${rows.map((r) => r.key).join("\u0001")}\u0000${columns.map((c) => c.key).join("\u0001")}`;
}

/** The value each cell of an SVG shows now (cells rebuilt by {@link build} are new elements, not in it). */
const drawnCells = new WeakMap<SVGSVGElement, WeakMap<Element, HeatmapCell | undefined>>();

function drawnValues(svg: SVGSVGElement): WeakMap<Element, HeatmapCell | undefined> {
  let values = drawnCells.get(svg);
  if (!values) drawnCells.set(svg, (values = new WeakMap()));
  return values;
}

function sameCell(a: HeatmapCell | undefined, b: HeatmapCell | undefined): boolean {
  return (
    a === b ||
    (a !== undefined && b !== undefined && Object.is(a.premium, b.premium) && a.tokens === b.tokens)
  );
}

function setOrRemove(element: Element, name: string, value: number | undefined): void {
  if (value === undefined) element.removeAttribute(name);
  else element.setAttribute(name, String(value));
}

/** Builds the frame: labels and one rect + text per cell (no per-cell groups or titles: 10k+ cells). */
function build(svg: SVGSVGElement, rows: readonly HeatmapRow[], columns: readonly HeatmapColumn[]): void {
  // Room on the right for the last column's slanted header.
  const width = LABEL + columns.length * COLUMN + 96;
  const height = HEADER + rows.length * ROW + 4;
  const root = svgFrame(svg, width, height, "system-ui, sans-serif", 12);
  // Fills its frame (up to 1.5× its own size) and never shrinks below it: numbers stay at 12 px or more, and a
  // wide heatmap scrolls inside its box instead.
  root
    .attr("width", null)
    .attr("height", null)
    .style("width", "100%")
    .style("min-width", `${width}px`)
    .style("max-width", `${Math.round(width * 1.5)}px`);
  root
    .append("g")
    .selectAll("text")
    .data(columns)
    .join("text")
    .attr("transform", (_, i) => `translate(${LABEL + i * COLUMN + COLUMN / 2},${HEADER - 6}) rotate(-35)`)
    .attr("fill", "currentColor")
    .text((c) => (c.label.length > 20 ? `${c.label.slice(0, 19)}…` : c.label));
  root
    .append("g")
    .selectAll("text")
    .data(rows)
    .join("text")
    .attr("x", LABEL - 6)
    .attr("y", (_, i) => HEADER + i * ROW + ROW - 5)
    .attr("text-anchor", "end")
    .attr("fill", "currentColor")
    .text((r) => (r.label.length > 31 ? `${r.label.slice(0, 30)}…` : r.label));
  const cells = rows.flatMap((r, i) => columns.map((c, j) => ({ row: r.key, column: c.key, i, j })));
  root
    .append("g")
    .attr("class", "cells")
    .selectAll("rect")
    .data(cells)
    .join("rect")
    .attr("x", (d) => LABEL + d.j * COLUMN)
    .attr("y", (d) => HEADER + d.i * ROW)
    .attr("width", COLUMN - 1)
    .attr("height", ROW - 1)
    .attr("data-testid", "atlas-cell")
    .attr("data-lang", (d) => d.row)
    .attr("data-tokenizer", (d) => d.column);
  root
    .append("g")
    .attr("class", "labels")
    .attr("pointer-events", "none")
    .attr("text-anchor", "middle")
    .selectAll("text")
    .data(cells)
    .join("text")
    .attr("x", (d) => LABEL + d.j * COLUMN + COLUMN / 2)
    .attr("y", (d) => HEADER + d.i * ROW + ROW - 5);
  builtLayouts.set(svg, layoutKey(rows, columns));
}

/**
 * Draws the language × tokenizer heatmap into `svg`: one row per language, one column per tokenizer, the
 * premium printed in each cell. The frame is rebuilt only when the rows or columns change; new values only
 * update the cells. Cells carry `data-lang`, `data-tokenizer`, `data-tokens` and `data-premium`.
 */
export function drawHeatmap(
  svg: SVGSVGElement,
  rows: readonly HeatmapRow[],
  columns: readonly HeatmapColumn[],
  options: HeatmapOptions,
): void {
  if (builtLayouts.get(svg) !== layoutKey(rows, columns)) build(svg, rows, columns);
  const root = d3.select(svg);
  type Datum = { row: string; column: string };
  // Only cells whose value changed are touched: a redraw while columns arrive updates one new column, not
  // every attribute and label of 10,000 cells (which re-laid out the whole SVG each time).
  const drawn = drawnValues(svg);
  const labels = root.selectAll<SVGTextElement, Datum>("g.labels text").nodes();
  root.selectAll<SVGRectElement, Datum>("g.cells rect").each(function (d, i) {
    const value = options.cell(d.row, d.column);
    if (drawn.has(this) && sameCell(drawn.get(this), value)) return;
    drawn.set(this, value);
    const fill = value && Number.isFinite(value.premium) ? premiumColor(value.premium) : PENDING;
    this.setAttribute("fill", fill);
    setOrRemove(this, "data-tokens", value?.tokens);
    setOrRemove(this, "data-premium", value?.premium);
    const label = labels[i]!;
    label.setAttribute("fill", textColor(fill));
    label.textContent = !value ? "…" : Number.isFinite(value.premium) ? value.premium.toFixed(2) : "—";
  });
  root
    .on("pointermove", (event: PointerEvent) => {
      const target = event.target as Element;
      const lang = target.getAttribute("data-lang");
      options.onHover?.(lang, lang ? target.getAttribute("data-tokenizer") : null);
    })
    .on("pointerleave", () => options.onHover?.(null, null));
}
