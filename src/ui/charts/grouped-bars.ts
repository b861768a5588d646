import * as d3 from "d3";
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
  const margin = { top: 24, right: 12, bottom: 44, left: 56 };
  const groups = [...new Set(bars.map((b) => b.group))];
  const series = [...new Set(bars.map((b) => b.series))];
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

  layer(root, "x-axis")
    .attr("transform", `translate(0,${height - margin.bottom})`)
    .call(d3.axisBottom(x).tickSizeOuter(0))
    .attr("fill", "currentColor");
  layer(root, "y-axis").attr("transform", `translate(${margin.left},0)`).call(d3.axisLeft(y).ticks(5));
  // Its own layer: in the axis's, ticks that a later draw adds would land after it.
  layer(root, "y-label")
    .selectAll("text")
    .data([options.yLabel])
    .join("text")
    .attr("x", 4)
    .attr("y", margin.top - 10)
    .attr("font-size", 10)
    .attr("fill", "currentColor")
    .text((label) => label);
  root.selectAll(".domain, .tick line").attr("stroke", "currentColor").attr("stroke-opacity", 0.4);
  root.selectAll(".tick text").attr("fill", "currentColor");

  layer(root, "bars")
    .selectAll<SVGRectElement, GroupedBar>("rect")
    .data(bars, (b) => `${b.group}\u0000${b.series}`)
    .join((enter) => enter.append("rect").call((rect) => rect.append("title")))
    .order()
    .attr("x", (b) => (x(b.group) ?? 0) + (inner(b.series) ?? 0))
    .attr("y", (b) => y(b.value))
    .attr("width", inner.bandwidth())
    .attr("height", (b) => Math.max(0, y(0) - y(b.value)))
    .attr("fill", (b) => color(b.series))
    .attr("data-group", (b) => b.group)
    .attr("data-series", (b) => b.series)
    .on("pointerenter", (_, b) => options.onHoverGroup?.(b.group))
    .on("pointerleave", () => options.onHoverGroup?.(null))
    .select("title")
    .text((b) => `${b.series} · ${b.group}: ${options.format(b.value)}`);

  const legend = layer(root, "legend")
    .attr("transform", `translate(${margin.left},${height - 12})`)
    .selectAll<SVGGElement, string>("g")
    .data(series, (s) => s)
    .join((enter) =>
      enter.append("g").call((g) => {
        g.append("rect");
        g.append("text");
      }),
    )
    .order()
    .attr("transform", (_, i) => `translate(${i * 130},0)`);
  legend
    .select("rect")
    .attr("width", 10)
    .attr("height", 10)
    .attr("y", -9)
    .attr("fill", (s) => color(s));
  legend
    .select("text")
    .attr("x", 14)
    .attr("fill", "currentColor")
    .text((s) => (s.length > 18 ? `${s.slice(0, 17)}…` : s));
}
