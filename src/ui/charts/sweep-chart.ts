import * as d3 from "d3";
import { svgFrame } from "./svg-frame";

/** One SuperBPE model of a sweep. */
export interface SweepChartPoint {
  transition: number;
  bytesPerToken: number;
}

/**
 * Bytes per token against the transition point t (line and dots), with plain BPE of the same size as a
 * dashed reference line. A pure function of its input.
 */
export function drawSweepChart(
  svg: SVGSVGElement,
  points: readonly SweepChartPoint[],
  plainBytesPerToken: number,
  size: { width: number; height: number },
): void {
  const { width, height } = size;
  const margin = { top: 20, right: 16, bottom: 36, left: 52 };
  const root = svgFrame(svg, width, height);
  const values = [...points.map((p) => p.bytesPerToken), plainBytesPerToken];
  const x = d3
    .scaleLinear()
    .domain(d3.extent(points, (p) => p.transition) as [number, number])
    .nice()
    .range([margin.left, width - margin.right]);
  const y = d3
    .scaleLinear()
    .domain([Math.min(...values) * 0.95, Math.max(...values) * 1.05])
    .nice()
    .range([height - margin.bottom, margin.top]);
  const axis = (g: d3.Selection<SVGGElement, unknown, null, undefined>) =>
    g.selectAll(".domain, .tick line").attr("stroke", "currentColor").attr("stroke-opacity", 0.4);
  root
    .append("g")
    .attr("transform", `translate(0,${height - margin.bottom})`)
    .call(d3.axisBottom(x).ticks(6))
    .call(axis)
    .append("text")
    .attr("x", width - margin.right)
    .attr("y", 30)
    .attr("fill", "currentColor")
    .attr("text-anchor", "end")
    .text("transition point t");
  root
    .append("g")
    .attr("transform", `translate(${margin.left},0)`)
    .call(d3.axisLeft(y).ticks(5))
    .call(axis)
    .append("text")
    .attr("x", -margin.left + 4)
    .attr("y", margin.top - 8)
    .attr("fill", "currentColor")
    .attr("text-anchor", "start")
    .text("bytes / token");
  root.selectAll(".tick text").attr("fill", "currentColor");
  root
    .append("line")
    .attr("x1", margin.left)
    .attr("x2", width - margin.right)
    .attr("y1", y(plainBytesPerToken))
    .attr("y2", y(plainBytesPerToken))
    .attr("stroke", "currentColor")
    .attr("stroke-dasharray", "4 3");
  root
    .append("text")
    .attr("x", width - margin.right)
    .attr("y", y(plainBytesPerToken) - 4)
    .attr("text-anchor", "end")
    .attr("fill", "currentColor")
    .text(`plain BPE ${plainBytesPerToken.toFixed(2)}`);
  const line = d3
    .line<SweepChartPoint>()
    .x((p) => x(p.transition))
    .y((p) => y(p.bytesPerToken));
  root
    .append("path")
    .datum(points)
    .attr("d", line)
    .attr("fill", "none")
    .attr("stroke", d3.schemeTableau10[0]!);
  root
    .append("g")
    .selectAll("circle")
    .data(points)
    .join("circle")
    .attr("cx", (p) => x(p.transition))
    .attr("cy", (p) => y(p.bytesPerToken))
    .attr("r", 3.5)
    .attr("fill", d3.schemeTableau10[0]!)
    .append("title")
    .text((p) => `t = ${p.transition}: ${p.bytesPerToken.toFixed(3)} bytes/token`);
}
