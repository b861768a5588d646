import * as d3 from "d3";

/** Relative luminance (WCAG 2) of an sRGB colour. */
function luminance(color: string): number {
  const { r, g, b } = d3.rgb(color);
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** Near-black or white, whichever contrasts more with the background (for labels on coloured swatches). */
export function readableTextOn(background: string): string {
  const l = luminance(background);
  const contrastDark = (l + 0.05) / (luminance("#111") + 0.05);
  const contrastLight = 1.05 / (l + 0.05);
  return contrastDark >= contrastLight ? "#111" : "#fff";
}
