import * as d3 from "d3";
import { svgFrame } from "./svg-frame";

export interface EntropyLineOptions {
  width: number;
  height: number;
  /** Horizontal threshold line (nats), or null. */
  threshold: number | null;
  /** Byte positions where a patch starts (drawn as ticks under the curve). */
  starts: Uint8Array;
}

/**
 * Draws the next-byte entropy (nats) over byte positions, with the threshold and the patch starts,
 * replacing the SVG's content. Long inputs are drawn at most one point per pixel (max per bin), so the
 * path stays small.
 */
export function drawEntropyLine(
  svg: SVGSVGElement,
  entropy: Float32Array,
  options: EntropyLineOptions,
): void {
  const { width, height } = options;
  const margin = { top: 12, right: 12, bottom: 28, left: 40 };
  const root = svgFrame(svg, width, height);
  const n = entropy.length;
  const x = d3
    .scaleLinear()
    .domain([0, Math.max(1, n - 1)])
    .range([margin.left, width - margin.right]);
  const y = d3
    .scaleLinear()
    .domain([0, Math.max(Math.log(256) * 0.75, d3.max(entropy) ?? 1)])
    .nice()
    .range([height - margin.bottom, margin.top]);
  const bins = Math.min(n, width - margin.left - margin.right);
  const points: [number, number][] = [];
  for (let b = 0; b < bins; b++) {
    const from = Math.floor((b * n) / bins);
    const to = Math.max(from + 1, Math.floor(((b + 1) * n) / bins));
    let max = 0;
    for (let i = from; i < to; i++) max = Math.max(max, entropy[i]!);
    points.push([from, max]);
  }
  root
    .append("g")
    .attr("transform", `translate(0,${height - margin.bottom})`)
    .call(d3.axisBottom(x).ticks(6))
    .call((g) =>
      g
        .append("text")
        .attr("x", width - margin.right)
        .attr("y", 24)
        .attr("text-anchor", "end")
        .attr("fill", "currentColor")
        .text("byte"),
    );
  root
    .append("g")
    .attr("transform", `translate(${margin.left},0)`)
    .call(d3.axisLeft(y).ticks(4))
    .call((g) =>
      g
        .append("text")
        .attr("x", 4)
        .attr("y", margin.top - 2)
        .attr("text-anchor", "start")
        .attr("fill", "currentColor")
        .text("entropy (nats)"),
    );
  root.selectAll(".domain, .tick line").attr("stroke", "currentColor").attr("stroke-opacity", 0.4);
  root.selectAll(".tick text").attr("fill", "currentColor");
  const ticks: number[] = [];
  for (let i = 0; i < n && ticks.length < 4000; i++) if (options.starts[i]) ticks.push(i);
  // One path with a tick per patch start, not an element each (2 KB of text has hundreds of starts).
  const base = height - margin.bottom;
  root
    .append("path")
    .attr("class", "patch-starts")
    .attr("fill", "none")
    .attr("stroke", "var(--cut, #d03050)")
    .attr("d", ticks.map((i) => `M${x(i)},${base}V${base - 6}`).join(""));
  root
    .append("path")
    .datum(points)
    .attr("fill", "none")
    .attr("stroke", "var(--accent, #5140c9)")
    .attr("stroke-width", 1.2)
    .attr(
      "d",
      d3
        .line<[number, number]>()
        .x((p) => x(p[0]))
        .y((p) => y(p[1])),
    );
  if (options.threshold !== null)
    root
      .append("line")
      .attr("x1", margin.left)
      .attr("x2", width - margin.right)
      .attr("y1", y(options.threshold))
      .attr("y2", y(options.threshold))
      .attr("stroke", "var(--warn, #9a5b00)")
      .attr("stroke-dasharray", "4 3");
}
