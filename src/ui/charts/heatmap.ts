import * as d3 from "d3";

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

/** A cell's value: the premium (colour and label) and the token count (tooltip and data attribute). */
export interface HeatmapCell {
  premium: number;
  tokens: number;
}

export interface HeatmapOptions {
  /** The cell of a row and column, or undefined while it is being computed. */
  cell(row: string, column: string): HeatmapCell | undefined;
  /** The tooltip of a row. */
  rowTitle(row: string): string;
}

const ROW = 15;
const COLUMN = 64;
const LABEL = 230;
const HEADER = 86;

/** Premium colours: 1 (parity) white, cheaper than English blue, dearer red, on a log scale to 16×. */
export const premiumColor = d3
  .scaleDivergingLog<string>()
  .domain([0.5, 1, 16])
  .interpolator((t) => d3.interpolateRdBu(1 - t))
  .clamp(true);

function textColor(background: string): string {
  const { l } = d3.lab(background);
  return l > 55 ? "#111" : "#fff";
}

/**
 * Draws the language × tokenizer heatmap into `svg` (replacing its content): one row per language, one
 * column per tokenizer, the premium printed in each cell. A pure function of its input; cells carry
 * `data-lang`, `data-tokenizer`, `data-tokens` and `data-premium` for tests and tools.
 */
export function drawHeatmap(
  svg: SVGSVGElement,
  rows: readonly HeatmapRow[],
  columns: readonly HeatmapColumn[],
  options: HeatmapOptions,
): void {
  const width = LABEL + columns.length * COLUMN + 8;
  const height = HEADER + rows.length * ROW + 4;
  const root = d3
    .select(svg)
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("width", width)
    .attr("height", height)
    .attr("xmlns", "http://www.w3.org/2000/svg")
    .attr("font-family", "system-ui, sans-serif")
    .attr("font-size", 10.5);
  root.selectAll("*").remove();

  root
    .append("g")
    .selectAll("text")
    .data(columns)
    .join("text")
    .attr("transform", (_, i) => `translate(${LABEL + i * COLUMN + COLUMN / 2},${HEADER - 6}) rotate(-35)`)
    .attr("fill", "currentColor")
    .text((c) => (c.label.length > 20 ? `${c.label.slice(0, 19)}…` : c.label));

  const rowGroups = root
    .append("g")
    .selectAll<SVGGElement, HeatmapRow>("g")
    .data(rows, (r) => r.key)
    .join("g")
    .attr("transform", (_, i) => `translate(0,${HEADER + i * ROW})`);
  rowGroups
    .append("text")
    .attr("x", LABEL - 6)
    .attr("y", ROW - 4)
    .attr("text-anchor", "end")
    .attr("fill", "currentColor")
    .text((r) => (r.label.length > 40 ? `${r.label.slice(0, 39)}…` : r.label))
    .append("title")
    .text((r) => options.rowTitle(r.key));

  const cells = rowGroups
    .selectAll("g")
    .data((r) => columns.map((c) => ({ row: r.key, column: c.key, value: options.cell(r.key, c.key) })))
    .join("g")
    .attr("transform", (_, i) => `translate(${LABEL + i * COLUMN},0)`)
    .attr("data-testid", "atlas-cell")
    .attr("data-lang", (d) => d.row)
    .attr("data-tokenizer", (d) => d.column)
    .attr("data-tokens", (d) => (d.value ? d.value.tokens : null))
    .attr("data-premium", (d) => (d.value ? d.value.premium : null));
  const fill = (d: { value: HeatmapCell | undefined }) =>
    d.value && Number.isFinite(d.value.premium) ? premiumColor(d.value.premium) : "#8884";
  cells
    .append("rect")
    .attr("width", COLUMN - 1)
    .attr("height", ROW - 1)
    .attr("fill", fill);
  cells
    .append("text")
    .attr("x", COLUMN / 2)
    .attr("y", ROW - 4)
    .attr("text-anchor", "middle")
    .attr("fill", (d) => textColor(fill(d)))
    .text((d) => (!d.value ? "…" : Number.isFinite(d.value.premium) ? d.value.premium.toFixed(2) : "—"));
  cells
    .append("title")
    .text((d) =>
      d.value
        ? `${d.row} · ${d.column}: ${d.value.tokens.toLocaleString()} tokens, ${d.value.premium.toFixed(3)}× English`
        : `${d.row} · ${d.column}: computing…`,
    );
}
