import * as d3 from "d3";
import { attrIfChanged, drawIfChanged, textIfChanged } from "./set-if-changed";
import { svgFrame } from "./svg-frame";

/** One bar: a value of one series (tokenizer) in one group (script). */
export interface GroupedBar {
  group: string;
  series: string;
  value: number;
}

export interface GroupedBarsOptions {
  width: number;
  height: number;
  yLabel: string;
  format(value: number): string;
  /** Called with a group when the pointer enters one of its bars, null when it leaves. */
  onHoverGroup?(group: string | null): void;
}

/** Series colours shared by charts and their legends. */
export const SERIES_COLORS = d3.schemeTableau10;

/** The chart's `<g class=…>` layer, made on the first draw and reused by later ones (drawn in this order). */
function layer(
  root: d3.Selection<SVGSVGElement, unknown, null, undefined>,
  name: string,
): d3.Selection<SVGGElement, unknown, null, undefined> {
  const existing = root.select<SVGGElement>(`:scope > g.${name}`);
  return existing.empty() ? root.append("g").attr("class", name) : existing;
}

/** A legend entry's width (swatch and a name cut to 18 characters) and a legend row's height. */
const LEGEND_ITEM_WIDTH = 130;
const LEGEND_ROW_HEIGHT = 16;

/**
 * Draws a grouped bar chart into `svg`: groups on x, one bar per series. A pure function of its input, so the
 * same data gives the same SVG (and the SVG can be exported as is). A later draw updates the elements in place
 * (bars keyed by group and series, axis ticks by value) and gives the same SVG as a fresh draw: after a
 * keystroke only the bars' numbers change, instead of every element being removed, rebuilt and laid out again.
 */
export function drawGroupedBars(
  svg: SVGSVGElement,
  bars: readonly GroupedBar[],
  options: GroupedBarsOptions,
): void {
  const { width, height } = options;
  const groups = [...new Set(bars.map((b) => b.group))];
  const series = [...new Set(bars.map((b) => b.series))];
  // The legend wraps into as many rows as the width needs (one row cut off every series past the fourth of a
  // one-script chart); the plot gives up the height of the extra rows.
  const legendPerRow = Math.max(1, Math.floor((width - 56 - 12) / LEGEND_ITEM_WIDTH));
  const legendRows = Math.max(1, Math.ceil(series.length / legendPerRow));
  const margin = { top: 24, right: 12, bottom: 44 + (legendRows - 1) * LEGEND_ROW_HEIGHT, left: 56 };
  const root = svgFrame(svg, width, height, undefined, undefined, true);
  const x = d3
    .scaleBand<string>()
    .domain(groups)
    .range([margin.left, width - margin.right])
    .paddingInner(0.2);
  const inner = d3.scaleBand<string>().domain(series).range([0, x.bandwidth()]).padding(0.08);
  const max = d3.max(bars, (b) => b.value) ?? 1;
  const y = d3
    .scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .nice()
    .range([height - margin.bottom, margin.top]);
  const color = d3.scaleOrdinal<string, string>().domain(series).range(SERIES_COLORS);

  // The axes are rebuilt only when their scales change (a keystroke changes bars, rarely an axis).
  drawIfChanged(layer(root, "x-axis"), JSON.stringify([groups, x.range(), margin.bottom]), (axis) =>
    axis
      .attr("transform", `translate(0,${height - margin.bottom})`)
      .call(d3.axisBottom(x).tickSizeOuter(0))
      .attr("fill", "currentColor"),
  );
  drawIfChanged(layer(root, "y-axis"), JSON.stringify([y.domain(), y.range()]), (axis) =>
    axis.attr("transform", `translate(${margin.left},0)`).call(d3.axisLeft(y).ticks(5)),
  );
  // Its own layer: in the axis's, ticks that a later draw adds would land after it.
  const yLabel = layer(root, "y-label").selectAll("text").data([options.yLabel]).join("text");
  attrIfChanged(yLabel, "x", 4);
  attrIfChanged(yLabel, "y", margin.top - 10);
  attrIfChanged(yLabel, "font-size", 10);
  attrIfChanged(yLabel, "fill", "currentColor");
  textIfChanged(yLabel, (label) => label);
  const lines = root.selectAll<SVGElement, unknown>(".domain, .tick line");
  attrIfChanged(lines, "stroke", "currentColor");
  attrIfChanged(lines, "stroke-opacity", 0.4);
  attrIfChanged(root.selectAll<SVGElement, unknown>(".tick text"), "fill", "currentColor");

  const rects = layer(root, "bars")
    .selectAll<SVGRectElement, GroupedBar>("rect")
    .data(bars, (b) => `${b.group}\u0000${b.series}`)
    .join((enter) => enter.append("rect").call((rect) => rect.append("title")))
    .order()
    .on("pointerenter", (_, b) => options.onHoverGroup?.(b.group))
    .on("pointerleave", () => options.onHoverGroup?.(null));
  attrIfChanged(rects, "x", (b) => (x(b.group) ?? 0) + (inner(b.series) ?? 0));
  attrIfChanged(rects, "y", (b) => y(b.value));
  attrIfChanged(rects, "width", inner.bandwidth());
  attrIfChanged(rects, "height", (b) => Math.max(0, y(0) - y(b.value)));
  attrIfChanged(rects, "fill", (b) => color(b.series));
  attrIfChanged(rects, "data-group", (b) => b.group);
  attrIfChanged(rects, "data-series", (b) => b.series);
  textIfChanged(rects.select("title"), (b) => `${b.series} · ${b.group}: ${options.format(b.value)}`);

  const legendLayer = layer(root, "legend");
  attrIfChanged(
    legendLayer,
    "transform",
    `translate(${margin.left},${height - 12 - (legendRows - 1) * LEGEND_ROW_HEIGHT})`,
  );
  const legend = legendLayer
    .selectAll<SVGGElement, string>("g")
    .data(series, (s) => s)
    .join((enter) =>
      enter.append("g").call((g) => {
        g.append("rect");
        g.append("text");
      }),
    )
    .order();
  attrIfChanged(
    legend,
    "transform",
    (_, i) =>
      `translate(${(i % legendPerRow) * LEGEND_ITEM_WIDTH},${Math.floor(i / legendPerRow) * LEGEND_ROW_HEIGHT})`,
  );
  const swatches = legend.select("rect");
  attrIfChanged(swatches, "width", 10);
  attrIfChanged(swatches, "height", 10);
  attrIfChanged(swatches, "y", -9);
  attrIfChanged(swatches, "fill", (s) => color(s));
  const names = legend.select("text");
  attrIfChanged(names, "x", 14);
  attrIfChanged(names, "fill", "currentColor");
  textIfChanged(names, (s) => (s.length > 18 ? `${s.slice(0, 17)}…` : s));
}
