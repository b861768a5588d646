import * as d3 from "d3";
import { attrIfChanged } from "./set-if-changed";

/**
 * Empties an SVG (unless `keep`: a chart that updates its elements in place) and sizes it for a chart (viewBox,
 * width, height, namespace for standalone export, font), returning the d3 selection to draw into.
 */
export function svgFrame(
  svg: SVGSVGElement,
  width: number,
  height: number,
  font = "system-ui, sans-serif",
  fontSize = 11,
  keep = false,
) {
  const root = d3.select(svg);
  attrIfChanged(root, "viewBox", `0 0 ${width} ${height}`);
  attrIfChanged(root, "width", width);
  attrIfChanged(root, "height", height);
  attrIfChanged(root, "xmlns", "http://www.w3.org/2000/svg");
  attrIfChanged(root, "font-family", font);
  attrIfChanged(root, "font-size", fontSize);
  if (!keep) root.selectAll("*").remove();
  return root;
}
