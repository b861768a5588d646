import * as d3 from "d3";
import { svgFrame } from "./svg-frame";

/** One bar of the next-byte chart. */
export interface ByteBar {
  label: string;
  prob: number;
}

/** Draws horizontal probability bars (most likely first), replacing the SVG's content. Pure in its input. */
export function drawByteBars(svg: SVGSVGElement, bars: readonly ByteBar[], width = 420): void {
  const row = 18;
  const left = 110;
  const height = bars.length * row + 24;
  const root = svgFrame(svg, width, height, "ui-monospace, monospace");
  const x = d3
    .scaleLinear()
    .domain([0, 1])
    .range([left, width - 50]);
  const g = root
    .selectAll("g")
    .data(bars)
    .join("g")
    .attr("transform", (_, i) => `translate(0,${i * row + 4})`)
    .attr("data-testid", "next-byte-bar");
  g.append("text")
    .attr("x", left - 6)
    .attr("y", row - 6)
    .attr("text-anchor", "end")
    .attr("fill", "currentColor")
    .text((b) => b.label);
  g.append("rect")
    .attr("x", left)
    .attr("height", row - 4)
    .attr("width", (b) => Math.max(1, x(b.prob) - left))
    .attr("fill", "var(--accent, #5140c9)");
  g.append("text")
    .attr("x", (b) => x(b.prob) + 4)
    .attr("y", row - 6)
    .attr("fill", "currentColor")
    .text((b) => `${(b.prob * 100).toFixed(1)} %`);
}
