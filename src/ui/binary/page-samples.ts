import highsWasmUrl from "highs/runtime?url";
import type { FileKind } from "../../core/bpe/binary/file-types";
import { SAMPLES } from "../../state/samples";

/** A sample binary the page makes itself (nothing is downloaded from elsewhere). */
export interface PageSample {
  name: string;
  bytes: Uint8Array;
  kind: FileKind;
}

/** A small deterministic pseudo-random generator (so the samples are the same on every run). */
function generator(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

/** A PNG the page renders: shapes, a gradient and a caption on a canvas, encoded by the browser. */
async function renderedPng(seed: number): Promise<Uint8Array> {
  const random = generator(seed);
  const canvas = document.createElement("canvas");
  canvas.width = 160;
  canvas.height = 100;
  const g = canvas.getContext("2d");
  if (!g) throw new Error("This browser cannot draw on a canvas.");
  const gradient = g.createLinearGradient(0, 0, 160, 100);
  gradient.addColorStop(0, `hsl(${Math.floor(random() * 360)} 70% 60%)`);
  gradient.addColorStop(1, `hsl(${Math.floor(random() * 360)} 70% 30%)`);
  g.fillStyle = gradient;
  g.fillRect(0, 0, 160, 100);
  for (let i = 0; i < 6; i++) {
    g.fillStyle = `hsl(${Math.floor(random() * 360)} 60% 50% / 0.7)`;
    g.beginPath();
    g.arc(random() * 160, random() * 100, 5 + random() * 25, 0, Math.PI * 2);
    g.fill();
  }
  g.fillStyle = "#fff";
  g.font = "14px sans-serif";
  g.fillText(`Tokenprism ${seed}`, 8, 92);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!blob) throw new Error("The browser could not encode a PNG.");
  return new Uint8Array(await blob.arrayBuffer());
}

/** A gzip member of a text, made by the browser's own deflate (CompressionStream). */
async function gzipped(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** How many bytes of the page's own WebAssembly binary each slice takes. */
const WASM_SLICE = 32 * 1024;

/**
 * Samples the page makes: 8 PNGs it renders, 8 gzip files from its own deflate (the built-in sample texts,
 * alone and in pairs), and 8 slices of its own WebAssembly binary (the HiGHS solver, served by this origin).
 */
export async function makePageSamples(): Promise<PageSample[]> {
  const samples: PageSample[] = [];
  for (let i = 1; i <= 8; i++)
    samples.push({ name: `rendered-${i}.png`, bytes: await renderedPng(i), kind: "png" });
  const texts = SAMPLES.map((s) => s.text);
  // Each sample text, then pairs of them, up to eight.
  const pairs = texts.flatMap((a, i) => texts.slice(i + 1).map((b) => `${a}\n\n${b}`));
  for (const [i, text] of [...texts, ...pairs].slice(0, 8).entries())
    samples.push({ name: `sample-text-${i + 1}.gz`, bytes: await gzipped(text), kind: "gzip" });
  const response = await fetch(highsWasmUrl);
  if (!response.ok)
    throw new Error(`Could not read the page's WebAssembly binary (HTTP ${response.status}).`);
  const wasm = new Uint8Array(await response.arrayBuffer());
  const step = Math.floor((wasm.length - WASM_SLICE) / 7);
  for (let i = 0; i < 8; i++) {
    const start = i * step;
    samples.push({
      name: `highs.wasm@${start}-${start + WASM_SLICE}`,
      bytes: wasm.slice(start, start + WASM_SLICE),
      kind: "wasm",
    });
  }
  return samples;
}
