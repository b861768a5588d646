import { downloadText } from "../summary/download";

/** The SVG as a standalone file: computed colours inlined where the page's CSS supplied them. */
export function svgMarkup(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  // A chart sized by CSS (the heatmap fills its frame) gets its own size back as a standalone file.
  const box = svg.viewBox.baseVal;
  if (!copy.getAttribute("width") && box && box.width > 0) {
    copy.setAttribute("width", String(box.width));
    copy.setAttribute("height", String(box.height));
    copy.style.removeProperty("min-width");
    copy.style.removeProperty("max-width");
    copy.style.removeProperty("width");
  }
  copy.setAttribute("color", getComputedStyle(svg).color);
  copy.style.background = getComputedStyle(document.body).backgroundColor;
  return new XMLSerializer().serializeToString(copy);
}

/** Downloads a chart as SVG. */
export function downloadSvg(svg: SVGSVGElement, fileName: string): void {
  downloadText(fileName, svgMarkup(svg), "image/svg+xml");
}

/** Downloads a chart as PNG at twice its size (drawn from the SVG on a canvas; no server involved). */
export async function downloadPng(svg: SVGSVGElement, fileName: string): Promise<void> {
  const markup = svgMarkup(svg);
  const width = Number(svg.getAttribute("width")) || svg.viewBox.baseVal?.width || svg.clientWidth;
  const height = Number(svg.getAttribute("height")) || svg.viewBox.baseVal?.height || svg.clientHeight;
  const url = URL.createObjectURL(new Blob([markup], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = width * 2;
    canvas.height = height * 2;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("This browser cannot draw on a canvas.");
    context.fillStyle = getComputedStyle(document.body).backgroundColor;
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (!blob) throw new Error("The PNG could not be made.");
    const pngUrl = URL.createObjectURL(blob);
    const anchor = document.createElement("a");
    anchor.href = pngUrl;
    anchor.download = fileName;
    anchor.click();
    setTimeout(() => URL.revokeObjectURL(pngUrl), 1000);
  } finally {
    URL.revokeObjectURL(url);
  }
}
