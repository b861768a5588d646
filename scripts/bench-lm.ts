// npm run bench:lm — the byte LM in Debian's Chromium on WebAssembly (run `npm run build` first):
//  1. time from opening the Byte LM view to the first surprisal result for 2 KB of text (model load included), on a
//     first visit (nothing cached) and on a returning one (the browser's caches kept),
//  2. surprisal throughput (bytes/s) for 4 KB and 64 KB of text,
// with the longest main-thread task (Long Tasks API) during each. Baseline measured in the same run: the
// same bytes scored in Node by the same model on onnxruntime-web's WebAssembly backend (one thread).
import { chromium } from "@playwright/test";
import { computeSurprisal } from "../src/core/lm/surprisal";
import { utf8Prefix } from "../src/core/lm/text-costs";
import { CHROMIUM_ARGS, findChromium } from "./find-chromium";
import { loadByteLmNode } from "./lib/byte-lm-node";
import { LONG_TASK_TRACKER, longTasks } from "./lib/long-tasks";
import { startPreview } from "./lib/preview-server";
import { shareFragment } from "./lib/share-link";
import { readDeclarations } from "./lib/udhr-text";
import { parseArgs } from "./cli/args";

const PORT = 4177;

const declarations = readDeclarations();
const pool = ["en", "fr", "ru", "hi", "zh", "ar", "de", "es"]
  .map((lang) => declarations.find((d) => d.lang.startsWith(lang))?.text ?? "")
  .join("\n");
/** Exactly `bytes` UTF-8 bytes or a little less (whole characters) of multilingual UDHR text. */
const textOf = (bytes: number) =>
  utf8Prefix(pool.repeat(Math.ceil(bytes / Math.max(1, pool.length)) + 1), bytes);

// `--dist <dir>` serves another build (`npx vite build --outDir <dir>`), e.g. one with another model.
const stopPreview = await startPreview(
  PORT,
  parseArgs(process.argv.slice(2), []).options.get("dist") as string | undefined,
);
try {
  const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS });
  const context = await browser.newContext();
  await context.addInitScript({ content: LONG_TASK_TRACKER });
  const rows: string[] = [];
  // The first page is a first visit (nothing cached); the second opens the same 2 KB again in the same browser
  // profile, as a returning visitor would (HTTP cache, Cache Storage, and V8's cache of compiled WebAssembly).
  const runs = [
    { bytes: 2048, visit: "first visit" },
    { bytes: 2048, visit: "returning visit" },
    { bytes: 4096, visit: "returning visit" },
    { bytes: 65536, visit: "returning visit" },
  ];
  for (const { bytes, visit } of runs) {
    const text = textOf(bytes);
    const page = await context.newPage();
    const start = Date.now();
    await page.goto(`http://localhost:${PORT}/${shareFragment({ text, view: "lm" })}`);
    await page.getByTestId("bits-per-byte").waitFor({ timeout: 600_000 });
    const ms = Date.now() - start;
    const longest = Math.max(0, ...(await longTasks(page)));
    const backend = await page.getByTestId("lm-backend").textContent();
    // Node baseline: the same bytes through the same model and windows.
    const model = await loadByteLmNode();
    const nodeStart = performance.now();
    await computeSurprisal(model, new TextEncoder().encode(text), { batchSize: 8 });
    const nodeMs = performance.now() - nodeStart;
    await model.release();
    rows.push(
      `${(bytes / 1024).toFixed(0)} KB, ${visit}: open view → first result ${ms} ms (model load included) on ${backend}; ` +
        `${((bytes / ms) * 1000).toFixed(0)} bytes/s end to end; longest main-thread task ${longest.toFixed(0)} ms; ` +
        `Node wasm 1 thread ${nodeMs.toFixed(0)} ms (${((bytes / nodeMs) * 1000).toFixed(0)} bytes/s) → ` +
        `browser / Node = ${(ms / nodeMs).toFixed(2)}`,
    );
    console.log(rows.at(-1));
    await page.close();
  }
  await browser.close();

  // With a (software) WebGPU adapter, the backend is chosen by timing a batch on each.
  const gpuBrowser = await chromium.launch({
    executablePath: findChromium() ?? undefined,
    args: [...CHROMIUM_ARGS, "--enable-unsafe-webgpu"],
  });
  try {
    const gpuPage = await gpuBrowser.newPage();
    await gpuPage.addInitScript({ content: LONG_TASK_TRACKER });
    await gpuPage.goto(`http://localhost:${PORT}/${shareFragment({ text: textOf(2048), view: "lm" })}`);
    await gpuPage.getByTestId("bits-per-byte").waitFor({ timeout: 120_000 });
    const status = (await gpuPage.getByTestId("lm-status").textContent()) ?? "";
    console.log(`with --enable-unsafe-webgpu: ${status.split("·").slice(4).join("·")}`);
  } catch (error) {
    console.log(`with --enable-unsafe-webgpu: no result (${(error as Error).message.split("\n")[0]})`);
  } finally {
    await gpuBrowser.close().catch(() => undefined);
  }
} finally {
  stopPreview();
}
