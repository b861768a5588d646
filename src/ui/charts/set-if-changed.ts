import type * as d3 from "d3";

type Value = string | number;

/** The part of a d3 selection these helpers use (any element type: d3 types joined nodes loosely). */
interface Each<D> {
  each(visit: (this: unknown, datum: D, index: number) => void): unknown;
}

/**
 * Sets an attribute on each element of a selection only where its value changes. A chart redrawn on every
 * keystroke mostly gets the numbers it already shows: d3's `attr` writes them all again (a mutation each,
 * restyled and repainted), this writes only the ones that differ.
 */
export function attrIfChanged<D>(
  selection: Each<D>,
  name: string,
  value: Value | ((datum: D, index: number) => Value),
): void {
  selection.each(function (datum, index) {
    const element = this as Element;
    const next = String(typeof value === "function" ? value(datum, index) : value);
    if (element.getAttribute(name) !== next) element.setAttribute(name, next);
  });
}

/** Sets each element's text only where it changes (see {@link attrIfChanged}). */
export function textIfChanged<D>(selection: Each<D>, value: (datum: D, index: number) => string): void {
  selection.each(function (datum, index) {
    const element = this as Element;
    const next = value(datum, index);
    if (element.textContent !== next) element.textContent = next;
  });
}

/** What each layer was last drawn from (not an attribute: it would travel with an exported SVG). */
const drawnFrom = new WeakMap<Element, string>();

/**
 * Runs `draw` on a layer only when `signature` differs from the one it was last drawn from, so an axis whose
 * scale did not change is not rebuilt (d3's axis rewrites every tick's text).
 */
export function drawIfChanged<E extends Element>(
  layer: d3.Selection<E, unknown, null, undefined>,
  signature: string,
  draw: (layer: d3.Selection<E, unknown, null, undefined>) => void,
): void {
  const node = layer.node();
  if (node && drawnFrom.get(node) === signature) return;
  draw(layer);
  if (node) drawnFrom.set(node, signature);
}
