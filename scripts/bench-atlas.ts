// npm run bench:atlas — the full parity atlas (every UDHR language × every built-in tokenizer) in Debian's Chromium,
// from an empty cache: as the app runs it (built-in columns counted at build time, `npm run atlas:counts`), and
// counted in the page (`?atlas=count`, what a tokenizer from a file or the Hub costs): total time, longest
// main-thread task (Long Tasks API), and the second visit (IndexedDB cache). Baseline measured in the same run: the same counts in one Node process (`npm run cli -- atlas`'s
// engine, one tokenizer after another), so the ratio shows what the worker pool buys on this machine.
// Run `npm run build` first. `--tokenizers a,b,...` picks other tokenizers; `--skip-node` skips the baseline;
// `--dist <dir>` serves another build (`npx vite build --outDir <dir>`), to compare two builds in the same minutes.
import { mkdirSync, writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./find-chromium";
import { CATALOG } from "../src/core/tokenizers/catalog";
import { loadUdhrCorpus } from "./build-udhr-corpus";
import { loadTokenizer } from "./lib/load-tokenizer";
import { LONG_TASK_TRACKER, longTasks } from "./lib/long-tasks";
import { startPreview } from "./lib/preview-server";
import { shareFragment } from "./lib/share-link";

const PORT = 4176;
const BASE = `http://localhost:${PORT}/`;
const argv = process.argv.slice(2);
const option = (name: string) => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : undefined;
};
// Every built-in tokenizer by default.
const TOKENIZERS = option("tokenizers")?.split(",") ?? CATALOG.map((entry) => entry.id);

function atlasLink(query = ""): string {
  return `${BASE}${query}${shareFragment({ view: "atlas", atlas: { tokenizers: TOKENIZERS, langs: null, sort: "premium", query: "" } })}`;
}

async function nodeBaseline(): Promise<number> {
  const corpus = loadUdhrCorpus();
  const start = performance.now();
  for (const id of TOKENIZERS) {
    const tokenizer = await loadTokenizer(id);
    for (const d of corpus.declarations) {
      if (tokenizer.countTokens) tokenizer.countTokens(d.text);
      else tokenizer.encode(d.text);
    }
  }
  return performance.now() - start;
}

const stopPreview = await startPreview(PORT, option("dist"));
try {
  const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS });
  const newContext = async () => {
    const context = await browser.newContext();
    await context.addInitScript({ content: LONG_TASK_TRACKER });
    return context;
  };
  const visit = async (context: Awaited<ReturnType<typeof newContext>>, query = "") => {
    // A new page each time: a second goto to the same URL would only change the hash, not reload.
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const start = Date.now();
    await page.goto(atlasLink(query));
    // Polled every 250 ms: Playwright's waitForSelector polls on every animation frame, which on a page of
    // 20,000 SVG elements is itself a load on the two cores the workers need.
    await page.waitForFunction(
      () => document.querySelector('[data-testid="atlas-status"][data-state="done"]') !== null,
      undefined,
      { timeout: 600_000, polling: 250 },
    );
    const total = Date.now() - start;
    await page.waitForTimeout(300);
    const tasks = await longTasks(page);
    const cells = await page.getByTestId("atlas-cell").count();
    // Main-thread time spent in tasks (the workers share the same two cores).
    const { metrics } = await cdp.send("Performance.getMetrics");
    const mainThreadMs = 1000 * (metrics.find((m) => m.name === "TaskDuration")?.value ?? NaN);
    await page.close();
    return { total, longestTask: Math.max(0, ...tasks), tasksOver50: tasks.length, cells, mainThreadMs };
  };
  const bundled = await visit(await newContext());
  const counting = await newContext();
  const cold = await visit(counting, "?atlas=count");
  const warm = await visit(counting, "?atlas=count");
  await browser.close();
  const node = argv.includes("--skip-node") ? NaN : await nodeBaseline();
  const results = {
    tokenizers: TOKENIZERS,
    languages: cold.cells / TOKENIZERS.length,
    bundledMs: bundled.total,
    bundledLongestTaskMs: bundled.longestTask,
    coldMs: cold.total,
    coldLongestTaskMs: cold.longestTask,
    coldTasksOver50: cold.tasksOver50,
    coldMainThreadMs: cold.mainThreadMs,
    cachedMs: warm.total,
    cachedLongestTaskMs: warm.longestTask,
    nodeOneProcessMs: node,
    ratioBrowserToNode: cold.total / node,
  };
  console.log(
    `atlas: ${results.languages} languages × ${TOKENIZERS.length} tokenizers\n` +
      `  first visit (empty cache), as the app runs: ${(bundled.total / 1000).toFixed(1)} s, longest main-thread ` +
      `task ${bundled.longestTask.toFixed(0)} ms\n` +
      `  first visit (empty cache), counted in the page: ${(cold.total / 1000).toFixed(1)} s, longest main-thread task ` +
      `${cold.longestTask.toFixed(0)} ms, ${cold.tasksOver50} tasks over 50 ms, main thread busy ` +
      `${(cold.mainThreadMs / 1000).toFixed(1)} s\n` +
      `  second visit (IndexedDB): ${(warm.total / 1000).toFixed(1)} s, longest task ${warm.longestTask.toFixed(0)} ms\n` +
      `  baseline, one Node process: ${(node / 1000).toFixed(1)} s → browser / baseline = ${results.ratioBrowserToNode.toFixed(2)}`,
  );
  mkdirSync("bench-results", { recursive: true });
  writeFileSync(
    "bench-results/atlas.json",
    JSON.stringify({ date: new Date().toISOString(), results }, null, 2),
  );
} finally {
  stopPreview();
}
