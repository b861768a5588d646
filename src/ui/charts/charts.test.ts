// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { drawByteBars } from "./byte-bars";
import { drawEntropyLine } from "./entropy-line";
import { drawGroupedBars } from "./grouped-bars";
import { drawHeatmap } from "./heatmap";
import { drawMixtureChart } from "./mixture-chart";
import { drawSweepChart } from "./sweep-chart";

/** A fresh, detached SVG element, as a component's ref would hold. */
const svg = () => document.createElementNS("http://www.w3.org/2000/svg", "svg");

/** Characters that XML 1.0 forbids (its Char production): an exported SVG holding one does not open. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Draws twice into fresh elements: the charts are pure functions of their input. */
function drawn(draw: (element: SVGSVGElement) => void): SVGSVGElement {
  const first = svg();
  const second = svg();
  draw(first);
  draw(second);
  expect(first.outerHTML).toBe(second.outerHTML);
  expect(first.outerHTML).not.toMatch(NOT_XML);
  return first;
}

/** Two lanes' bars over two scripts. */
const TWO_SCRIPTS = [
  { group: "Latin", series: "o200k", value: 1 },
  { group: "Latin", series: "llama-3", value: 1.1 },
  { group: "Devanagari", series: "o200k", value: 2.4 },
  { group: "Devanagari", series: "llama-3", value: 4.9 },
];

const texts = (element: Element, selector = "text") =>
  [...element.querySelectorAll(selector)].map((t) => t.textContent);

describe("charts", () => {
  it("heatmap: a cell per language × tokenizer with its data, well-formed for export, updated in place", () => {
    const rows = [
      { key: "en", label: "English" },
      { key: "hi", label: "Hindi" },
    ];
    const columns = [
      { key: "o200k", label: "o200k" },
      { key: "bytes", label: "bytes" },
    ];
    const cells: Record<string, { premium: number; tokens: number }> = {
      "en|o200k": { premium: 1, tokens: 100 },
      "hi|o200k": { premium: 2.5, tokens: 250 },
      "en|bytes": { premium: 1, tokens: 400 },
    };
    const element = drawn((e) => drawHeatmap(e, rows, columns, { cell: (r, c) => cells[`${r}|${c}`] }));
    const rects = [...element.querySelectorAll("[data-lang][data-tokenizer]")];
    expect(rects).toHaveLength(4);
    const hi = element.querySelector('[data-lang="hi"][data-tokenizer="o200k"]')!;
    expect(hi.getAttribute("data-tokens")).toBe("250");
    expect(element.outerHTML).toMatchSnapshot();
    // New values update the same cells (no rebuild) and the missing one appears.
    cells["hi|bytes"] = { premium: 3.2, tokens: 1280 };
    drawHeatmap(element, rows, columns, { cell: (r, c) => cells[`${r}|${c}`] });
    expect(
      element.querySelector('[data-lang="hi"][data-tokenizer="bytes"]')!.getAttribute("data-tokens"),
    ).toBe("1280");
    expect(element.querySelector('[data-lang="hi"][data-tokenizer="o200k"]')).toBe(hi);
  });

  it("grouped bars: one bar per (group, series), labelled groups", () => {
    const bars = TWO_SCRIPTS;
    const element = drawn((e) =>
      drawGroupedBars(e, bars, {
        width: 480,
        height: 220,
        yLabel: "tokens / 100 bytes",
        format: (v) => v.toFixed(1),
      }),
    );
    expect(element.querySelectorAll("rect[data-series]")).toHaveLength(4);
    expect(texts(element, "rect[data-series] title")).toEqual([
      "o200k · Latin: 1.0",
      "llama-3 · Latin: 1.1",
      "o200k · Devanagari: 2.4",
      "llama-3 · Devanagari: 4.9",
    ]);
    expect(texts(element)).toEqual(expect.arrayContaining(["Latin", "Devanagari", "o200k", "llama-3"]));
    expect(element.outerHTML).toMatchSnapshot();
  });

  it("grouped bars: the legend wraps into rows inside the chart, below the x axis", () => {
    const series = ["o200k_base", "cl100k_base", "Llama 3", "Gemma 3", "UTF-8 bytes (ByT5-style)", "Qwen 3"];
    const bars = series.map((name, i) => ({ group: "Latin", series: name, value: 1 + i }));
    const width = 420;
    const height = 260;
    const element = drawn((e) =>
      drawGroupedBars(e, bars, { width, height, yLabel: "bytes / token", format: (v) => v.toFixed(1) }),
    );
    const translate = (g: Element | null) =>
      (g?.getAttribute("transform") ?? "")
        .match(/translate\(([-\d.]+),\s*([-\d.]+)\)/)!
        .slice(1)
        .map(Number);
    const [legendX, legendY] = translate(element.querySelector("g.legend"));
    const [, axisY] = translate(element.querySelector("g.x-axis"));
    const entries = [...element.querySelectorAll("g.legend > g")].map((g) => translate(g));
    expect(entries).toHaveLength(series.length);
    // Every entry (130 px wide) lies inside the chart, no two at the same place, all below the x axis' labels.
    for (const [x, y] of entries) {
      expect(legendX! + x! + 130).toBeLessThanOrEqual(width);
      expect(legendY! + y!).toBeLessThanOrEqual(height);
      expect(legendY! + y! - 10).toBeGreaterThan(axisY! + 16);
    }
    expect(new Set(entries.map((e) => e.join(","))).size).toBe(series.length);
    // Lanes arrive one by one: a chart drawn with two series, then with all six, equals a fresh draw of six
    // (the x axis moves up with the legend's rows).
    const updated = svg();
    const options = { width, height, yLabel: "bytes / token", format: (v: number) => v.toFixed(1) };
    drawGroupedBars(updated, bars.slice(0, 2), options);
    drawGroupedBars(updated, bars, options);
    expect(updated.outerHTML).toBe(element.outerHTML);
  });

  it("grouped bars: a later draw updates the same elements and equals a fresh draw of the new data", () => {
    const options = (yLabel: string) => ({
      width: 480,
      height: 220,
      yLabel,
      format: (v: number) => v.toFixed(2),
    });
    const before = TWO_SCRIPTS;
    // New values (a new y scale), a group gone, a group and a series added, the order changed.
    const after = [
      { group: "Han", series: "gemma-3", value: 7.5 },
      { group: "Han", series: "o200k", value: 3.25 },
      { group: "Latin", series: "o200k", value: 1.05 },
      { group: "Latin", series: "gemma-3", value: 0.9 },
    ];
    const updated = svg();
    drawGroupedBars(updated, before, options("tokens / 100 bytes"));
    const latinO200k = updated.querySelector('rect[data-group="Latin"][data-series="o200k"]');
    const frame = updated.querySelector("g.bars");
    drawGroupedBars(updated, after, options("bytes / token"));
    const fresh = svg();
    drawGroupedBars(fresh, after, options("bytes / token"));
    expect(updated.outerHTML).toBe(fresh.outerHTML);
    expect(updated.querySelector('rect[data-group="Latin"][data-series="o200k"]')).toBe(latinO200k);
    expect(updated.querySelector("g.bars")).toBe(frame);
    expect(texts(updated, "rect[data-series] title")).toEqual([
      "gemma-3 · Han: 7.50",
      "o200k · Han: 3.25",
      "o200k · Latin: 1.05",
      "gemma-3 · Latin: 0.90",
    ]);
    expect(texts(updated, "g.y-label text")).toEqual(["bytes / token"]);
  });

  it("grouped bars: a redraw writes only what changed (one bar's value: its y, height and title)", async () => {
    const options = { width: 480, height: 220, yLabel: "bytes / token", format: (v: number) => v.toFixed(2) };
    const bars = TWO_SCRIPTS;
    const chart = svg();
    drawGroupedBars(chart, bars, options);
    const written: string[] = [];
    const observer = new MutationObserver((records) =>
      records.forEach((r) => {
        const target = (r.target.nodeType === 1 ? r.target : r.target.parentNode) as Element;
        const bar = target.closest("rect") ?? target;
        written.push(
          `${bar.getAttribute("data-group")}/${bar.getAttribute("data-series")}:${r.attributeName ?? r.type}`,
        );
      }),
    );
    observer.observe(chart, { subtree: true, attributes: true, childList: true, characterData: true });
    drawGroupedBars(chart, bars, options);
    drawGroupedBars(
      chart,
      bars.map((b) => (b.group === "Latin" && b.series === "o200k" ? { ...b, value: 1.2 } : b)),
      options,
    );
    await Promise.resolve();
    observer.disconnect();
    expect([...new Set(written)].sort()).toEqual([
      "Latin/o200k:childList",
      "Latin/o200k:height",
      "Latin/o200k:y",
    ]);
  });

  it("mixture chart: a bar per category, each labelled", () => {
    const bars = [
      { name: "English prose", estimate: 0.61, truth: 0.6 },
      { name: "Python code", estimate: 0.29, truth: 0.3 },
      { name: "German", estimate: 0.1 },
    ];
    const element = drawn((e) => drawMixtureChart(e, bars, 520));
    expect(element.querySelectorAll("rect")).toHaveLength(3);
    expect(texts(element)).toEqual(expect.arrayContaining(["English prose", "Python code", "German"]));
    expect(element.outerHTML).toMatchSnapshot();
  });

  it("sweep chart, byte bars and entropy line draw the same SVG for the same input", () => {
    const sweep = drawn((e) =>
      drawSweepChart(
        e,
        [
          { transition: 500, bytesPerToken: 3.9 },
          { transition: 800, bytesPerToken: 4.2 },
        ],
        3.7,
        { width: 560, height: 240 },
      ),
    );
    expect(sweep.querySelectorAll("circle")).toHaveLength(2);
    const bars = drawn((e) =>
      drawByteBars(e, [
        { label: "'e'", prob: 0.5 },
        { label: "' '", prob: 0.25 },
      ]),
    );
    expect(texts(bars)).toEqual(expect.arrayContaining(["'e'", "' '"]));
    const line = drawn((e) =>
      drawEntropyLine(e, Float32Array.from([2, 1, 0.5, 3, 0.2]), {
        width: 400,
        height: 120,
        threshold: 1.3,
        starts: Uint8Array.from([1, 0, 0, 1, 0]),
      }),
    );
    expect(line.querySelectorAll("path").length).toBeGreaterThan(0);
    // The patch starts (bytes 0 and 3) are one path with a tick each.
    expect(line.querySelector("path.patch-starts")?.getAttribute("d")?.match(/M/g)).toHaveLength(2);
    expect([sweep.outerHTML, bars.outerHTML, line.outerHTML]).toMatchSnapshot();
  });
});
