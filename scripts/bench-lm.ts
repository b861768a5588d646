// npm run bench:lm — the byte LM in Debian's Chromium on WebAssembly (run `npm run build` first):
//  1. time from opening the Byte LM view to the first surprisal result for 2 KB of text (model load included), on a
//     first visit (nothing cached) and on returning ones (the browser's caches kept, in a profile on disk as a
//     person's browser has: Chromium keeps no compiled WebAssembly for an incognito-like context),
//  2. surprisal throughput (bytes/s) for 4 KB and 64 KB of text,
// with the longest main-thread task (Long Tasks API) during each. Baseline measured in the same run: the
// same bytes scored in Node by the same model on onnxruntime-web's WebAssembly backend (one thread).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
// A fresh profile on disk, as a person's browser has. Playwright's default context is incognito-like, and there
// Chromium keeps no compiled WebAssembly between pages: onnxruntime's 14 MB runtime was compiled again on every
// "returning" visit (2 KB in a fast phase of this machine: 2.3–2.4 s there, ~1.1 s with the profile's code cache).
const profile = mkdtempSync(join(tmpdir(), "tokenprism-bench-lm-"));
try {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium() ?? undefined,
    args: CHROMIUM_ARGS,
  });
  await context.addInitScript({ content: LONG_TASK_TRACKER });
  const rows: string[] = [];
  // The first page is a first visit (nothing cached); the next ones open the view again in the same profile, as a
  // returning visitor would (HTTP cache, Cache Storage, and Chromium's cache of compiled WebAssembly, which it
  // writes once the code has been optimised: each page stays open a few seconds after its result, as a reader's
  // would).
  const runs = [
    { bytes: 2048, visit: "first visit" },
    { bytes: 2048, visit: "returning visit" },
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
    await page.waitForTimeout(3_000);
    await page.close();
  }
  await context.close();

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
  rmSync(profile, { recursive: true, force: true });
  stopPreview();
}
