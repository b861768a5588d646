import * as d3 from "d3";
import { svgFrame } from "./svg-frame";

/** One category's estimate, and the truth where it is known. */
export interface MixtureBar {
  name: string;
  estimate: number;
  truth?: number;
}

/**
 * Horizontal bars of estimated byte proportions; a known true proportion is a black tick on its bar.
 * A pure function of its input.
 */
export function drawMixtureChart(svg: SVGSVGElement, bars: readonly MixtureBar[], width: number): void {
  const rowHeight = 24;
  const margin = { top: 8, right: 60, bottom: 28, left: 150 };
  const height = margin.top + margin.bottom + rowHeight * bars.length;
  const root = svgFrame(svg, width, height);
  const x = d3
    .scaleLinear()
    .domain([0, Math.max(0.05, ...bars.map((b) => Math.max(b.estimate, b.truth ?? 0)))])
    .nice()
    .range([margin.left, width - margin.right]);
  const y = d3
    .scaleBand<string>()
    .domain(bars.map((b) => b.name))
    .range([margin.top, height - margin.bottom])
    .padding(0.2);
  root
    .append("g")
    .attr("transform", `translate(0,${height - margin.bottom})`)
    .call(d3.axisBottom(x).ticks(5, "%"))
    .call((g) =>
      g.selectAll(".domain, .tick line").attr("stroke", "currentColor").attr("stroke-opacity", 0.4),
    );
  root
    .append("g")
    .attr("transform", `translate(${margin.left},0)`)
    .call(d3.axisLeft(y).tickSize(0))
    .call((g) => g.select(".domain").remove());
  root.selectAll(".tick text").attr("fill", "currentColor");
  const row = root.append("g").selectAll("g").data(bars).join("g");
  row
    .append("rect")
    .attr("x", x(0))
    .attr("y", (b) => y(b.name)!)
    .attr("width", (b) => x(b.estimate) - x(0))
    .attr("height", y.bandwidth())
    .attr("fill", d3.schemeTableau10[0]!);
  row
    .append("text")
    .attr("x", (b) => x(b.estimate) + 4)
    .attr("y", (b) => y(b.name)! + y.bandwidth() / 2)
    .attr("dominant-baseline", "middle")
    .attr("fill", "currentColor")
    .text((b) => `${(b.estimate * 100).toFixed(1)}%`);
  row
    .filter((b) => b.truth !== undefined)
    .append("line")
    .attr("x1", (b) => x(b.truth!))
    .attr("x2", (b) => x(b.truth!))
    .attr("y1", (b) => y(b.name)! - 2)
    .attr("y2", (b) => y(b.name)! + y.bandwidth() + 2)
    .attr("stroke", "currentColor")
    .attr("stroke-width", 2)
    .append("title")
    .text((b) => `true ${(b.truth! * 100).toFixed(1)}%`);
}
