// npm run bench:ui — drives the production build in Debian's Chromium.
//  1. Keystroke → all lanes updated, on a 10 KB text with 8 lanes (p50, p95 of 50 keystrokes), against 1 lane
//     (bytes) as the baseline measured in the same run: the two pages take turns, 10 keystrokes at a time. The
//     first 5 keystrokes after the page has loaded are reported on their own (code not yet optimised by the JIT,
//     first incremental encodes): they were the slowest of every run and, with 25 keystrokes, alone made the p95.
//  2. Toggling "Parse special tokens" with 15 lanes (10 KB): click → every lane ready again.
//  3. A 1 MB paste: time to the first painted lane, time until every lane is ready, and the longest main-thread
//     task (Long Tasks API) while tokenizing; then keystrokes in the middle of that megabyte (keydown → every lane
//     ready, the 400 ms pause of typing in a long text included), and the page's memory before and after them.
// Run `npm run build` first. `--dist <dir>` serves another build (`npx vite build --outDir <dir>`), and
// `--keystrokes-only` stops after part 1, `--paste-only` runs part 3 alone. `--ab <dir>` compares the keystrokes of two builds (A: `dist/` or
// `--dist`, B: `<dir>`): four pages (A and B, 1 and 8 lanes) take turns, 10 keystrokes at a time, so that the
// machine's drift (its speed varies by half from minute to minute) falls on both builds alike.
// `--cpu-slowdown <n>` runs every page's main thread n× slower (Chromium's CPU throttling, as in DevTools): these
// machines differ from day to day (the same build measured 8 lanes / 1 lane 1.74–1.87 on one and 1.20 on another),
// and the ratio is most at risk on a slow one.
import { mkdirSync, writeFileSync } from "node:fs";
import { chromium, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./find-chromium";
import { startPreview } from "./lib/preview-server";
import { shareFragment } from "./lib/share-link";
import { readDeclarations } from "./lib/udhr-text";
import { parseArgs } from "./cli/args";

const PORT = 4175;
const BASE = `http://localhost:${PORT}/`;
const KEYSTROKES = 50;
const FIRST_KEYSTROKES = 5;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function linkFor(text: string, lanes: string[]): string {
  return `${BASE}${shareFragment({ text, lanes: lanes.map((tokenizer) => ({ tokenizer, mode: "text" })) })}`;
}

async function waitAllReady(page: Page, lanes: number): Promise<void> {
  await page.waitForFunction(
    (n) =>
      document.body.dataset.status === "idle" &&
      document.querySelectorAll('[data-testid="lane"][data-status="ready"]').length === n,
    lanes,
    { timeout: 300_000, polling: 50 },
  );
}

/**
 * Tracks, inside the page, when work starts (body busy) and when it ends with every lane ready, and hands that
 * moment to the keystroke waiting for it (no polling). The lanes are checked through a live collection, only when
 * the body turns idle: querying the whole page at every mutation cost the page ~0.4 ms per keystroke with 8
 * lanes (a CPU profile of the keystrokes), more than with 1, which the ratio counted against the app.
 */
const TRACKER = `
  globalThis.__name = (f) => f;
  addEventListener("DOMContentLoaded", () => {
    window.__busyEpoch = 0;
    window.__idleAt = 0;
    window.__waiter = null;
    const lanes = document.getElementsByClassName("lane");
    const allReady = () => {
      for (const lane of lanes) if (lane.dataset.testid === "lane" && lane.dataset.status !== "ready") return false;
      return true;
    };
    new MutationObserver(() => {
      const status = document.body.dataset.status;
      if (status === "busy" && !window.__wasBusy) { window.__wasBusy = true; window.__busyEpoch++; }
      if (status === "idle" && window.__wasBusy && allReady()) {
        window.__wasBusy = false;
        window.__idleAt = performance.now();
        const waiter = window.__waiter;
        if (waiter && window.__busyEpoch > waiter.epoch) { window.__waiter = null; waiter.resolve(window.__idleAt - window.__keyAt); }
      }
    }).observe(document.body, { attributes: true, subtree: true, attributeFilter: ["data-status", "data-token-count"] });
  });
`;

/**
 * One keystroke's latency (ms): keydown → body idle again with every lane ready, timed inside the page. With
 * `atMiddle` the caret is put in the middle of the text first.
 */
async function timedKeystroke(page: Page, key: string, atMiddle = false): Promise<number> {
  await page.evaluate((atMiddle) => {
    type Waiter = { epoch: number; resolve(latency: number): void };
    const w = window as unknown as {
      __keyAt: number;
      __busyEpoch: number;
      __waiter: Waiter | null;
      __latency: Promise<number>;
    };
    if (atMiddle) {
      const target = document.querySelector('[data-testid="text-input"]') as HTMLTextAreaElement;
      target.focus();
      const middle = Math.floor(target.value.length / 2);
      target.setSelectionRange(middle, middle);
    }
    addEventListener("keydown", () => (w.__keyAt = performance.now()), { once: true, capture: true });
    const epoch = w.__busyEpoch;
    w.__latency = new Promise((resolve) => (w.__waiter = { epoch, resolve }));
  }, atMiddle);
  await page.keyboard.type(key);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`keystroke "${key}": no idle page with every lane ready in 60 s`)),
      60_000,
    );
  });
  try {
    return await Promise.race([
      page.evaluate(() => (window as unknown as { __latency: Promise<number> }).__latency),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** A page typed on in turns: its lane count, the keystrokes after load, and the ones measured. */
interface KeystrokePage {
  name: string;
  page: Page;
  lanes: number;
  first: number[];
  latencies: number[];
}

/** Keystroke latencies (ms) typing at the end of the text. */
async function keystrokeLatencies(page: Page, count = FIRST_KEYSTROKES + KEYSTROKES): Promise<number[]> {
  const textarea = page.getByTestId("text-input");
  await textarea.click();
  await page.keyboard.press("End");
  const latencies: number[] = [];
  for (let k = 0; k < count; k++) latencies.push(await timedKeystroke(page, k % 5 === 4 ? " " : "a"));
  return latencies;
}

async function pasteMegabyte(
  page: Page,
  lanes: number,
): Promise<{ firstLane: number; allLanes: number; longestTask: number; tasksOver50: number }> {
  const line = "Tokenizers split text into pieces; некоторые языки платят больше. 漢字も。हिन्दी भी।\n";
  const text = line.repeat(Math.ceil(1_000_000 / new TextEncoder().encode(line).length));
  // The text enters the page first, in its own task, so that only the paste itself is measured.
  await page.evaluate((value) => ((window as unknown as { __pasteText: string }).__pasteText = value), text);
  return page.evaluate(
    ({ lanes }) =>
      new Promise<{ firstLane: number; allLanes: number; longestTask: number; tasksOver50: number }>(
        (resolve) => {
          const tasks: number[] = [];
          const longTasks = new PerformanceObserver((list) =>
            list.getEntries().forEach((entry) => tasks.push(entry.duration)),
          );
          longTasks.observe({ type: "longtask" });
          const target = document.querySelector('[data-testid="text-input"]') as HTMLTextAreaElement;
          target.focus();
          target.select();
          const start = performance.now();
          let firstLane = 0;
          const ready = () => document.querySelectorAll('[data-testid="lane"][data-status="ready"]').length;
          const observer = new MutationObserver(() => {
            const preview = document.querySelector('[data-testid="large-text-note"]');
            if (!preview) return;
            if (
              !firstLane &&
              ready() >= 1 &&
              document.querySelector('[data-testid="lane"][data-token-count]')
            ) {
              const count = Number(
                document
                  .querySelector('[data-testid="lane"][data-status="ready"]')
                  ?.getAttribute("data-token-count"),
              );
              if (count > 100_000) requestAnimationFrame(() => (firstLane = performance.now() - start));
            }
            if (ready() === lanes && document.body.dataset.status === "idle") {
              observer.disconnect();
              const allLanes = performance.now() - start;
              // Let the last tasks report before reading them.
              setTimeout(() => {
                longTasks.disconnect();
                resolve({
                  firstLane,
                  allLanes,
                  longestTask: Math.max(0, ...tasks),
                  tasksOver50: tasks.length,
                });
              }, 500);
            }
          });
          observer.observe(document.body, {
            attributes: true,
            subtree: true,
            childList: true,
            attributeFilter: ["data-status", "data-token-count"],
          });
          const data = new DataTransfer();
          data.setData("text/plain", (window as unknown as { __pasteText: string }).__pasteText);
          target.dispatchEvent(
            new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
          );
        },
      ),
    { lanes },
  );
}

/**
 * Keystrokes in the middle of the 1 MB text just pasted: keydown → every lane ready again (ms). Texts over
 * 200,000 characters are tokenized after a 400 ms pause in typing, which these figures include.
 */
async function editsInMegabyte(page: Page, count = 5): Promise<number[]> {
  await page.getByRole("button", { name: "Edit anyway" }).click();
  await page.waitForFunction(
    () => (document.querySelector('[data-testid="text-input"]') as HTMLTextAreaElement | null)?.value?.length,
  );
  const latencies: number[] = [];
  for (let k = 0; k < count; k++) latencies.push(await timedKeystroke(page, k % 2 ? " " : "x", true));
  return latencies;
}

/**
 * The page's memory (MB), its workers included, by Chromium's `measureUserAgentSpecificMemory` (the page is
 * cross-origin isolated); null where the browser does not answer within 60 s.
 */
async function pageMemory(page: Page): Promise<{ total: number; window: number; workers: number } | null> {
  return page.evaluate(async () => {
    type Measure = () => Promise<{
      bytes: number;
      breakdown: { bytes: number; attribution: { scope: string }[] }[];
    }>;
    const measure = (performance as unknown as { measureUserAgentSpecificMemory?: Measure })
      .measureUserAgentSpecificMemory;
    if (!measure) return null;
    const result = await Promise.race([
      measure.call(performance),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 60_000)),
    ]);
    if (!result) return null;
    const sum = (scope: string) =>
      result.breakdown
        .filter((entry) => entry.attribution[0]?.scope === scope)
        .reduce((total, entry) => total + entry.bytes, 0) / 1e6;
    return { total: result.bytes / 1e6, window: sum("Window"), workers: sum("DedicatedWorkerGlobalScope") };
  });
}

const args = parseArgs(process.argv.slice(2), ["keystrokes-only", "paste-only"]);
const abDist = args.options.get("ab") as string | undefined;
const stopPreview = await startPreview(PORT, args.options.get("dist") as string | undefined);
const stopPreviewB = abDist ? await startPreview(PORT + 1, abDist) : () => {};
try {
  const browser = await chromium.launch({
    executablePath: findChromium() ?? undefined,
    args: CHROMIUM_ARGS,
  });
  // tsx keeps function names with an `__name` helper, which functions sent to page.evaluate then call.
  const context = await browser.newContext();
  await context.addInitScript({ content: TRACKER });
  const slowdown = Number(args.options.get("cpu-slowdown") ?? 1);
  /** A new page, its main thread slowed down by `--cpu-slowdown`. */
  const newPage = async (): Promise<Page> => {
    const page = await context.newPage();
    if (slowdown > 1) {
      const session = await context.newCDPSession(page);
      await session.send("Emulation.setCPUThrottlingRate", { rate: slowdown });
    }
    return page;
  };
  if (slowdown > 1) console.log(`main threads ${slowdown}× slower (--cpu-slowdown)`);
  const english = readDeclarations().find((d) => d.lang === "en")?.text ?? "";
  const tenKb = (english + "\n").repeat(2).slice(0, 10_000);
  const eight = [
    "o200k_base",
    "cl100k_base",
    "p50k_base",
    "r50k_base",
    "llama-3",
    "qwen-3",
    "gemma-3",
    "bytes",
  ];
  const results: Record<string, unknown> = {};
  // (No process.exit in here: `finally` must stop the servers, or the next run measures this run's builds.)
  if (abDist) await compareBuilds();
  else await oneBuild();
  await browser.close();

  /** Parts 1 (and, without `--keystrokes-only`, 2 and 3) on one build; figures also in bench-results/ui.json. */
  async function oneBuild(): Promise<void> {
    if (!args.options.has("paste-only")) {
      // The two pages take turns (as in `--ab`), so that the ratio compares keystrokes of the same minutes: run one
      // after the other, a slower phase of the machine during one of them moved the ratio by ±0.3.
      const pages = await openKeystrokePages([
        { name: "1 lane (bytes), baseline", base: BASE, lanes: ["bytes"] },
        { name: "8 lanes", base: BASE, lanes: eight },
      ]);
      await takeTurns(pages, KEYSTROKES / 10, 10);
      for (const { name, first, latencies } of pages) {
        results[name] = {
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          max: Math.max(...latencies),
          firstKeystrokes: first.map((ms) => Math.round(ms)),
        };
        console.log(
          `keystroke → lanes updated, 10 KB, ${name}: p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, ` +
            `max ${Math.max(...latencies).toFixed(0)} ms (${latencies.length} keystrokes); the first ${FIRST_KEYSTROKES} after load: ${first.map((ms) => ms.toFixed(0)).join(", ")} ms`,
        );
      }
      await Promise.all(pages.map(({ page }) => page.close()));
    }
    const base = results["1 lane (bytes), baseline"] as { p50: number } | undefined;
    const eightLanes = results["8 lanes"] as { p50: number } | undefined;
    if (base && eightLanes)
      console.log(`ratio 8 lanes / 1 lane (p50): ${(eightLanes.p50 / base.p50).toFixed(2)}`);
    if (!args.options.has("keystrokes-only")) await togglesAndPaste();
    mkdirSync("bench-results", { recursive: true });
    writeFileSync(
      "bench-results/ui.json",
      JSON.stringify({ date: new Date().toISOString(), results }, null, 2),
    );
  }

  /** A page per lane set, loaded, its first keystrokes typed (the JIT's warm-up: kept apart, not counted). */
  async function openKeystrokePages(
    specs: { name: string; base: string; lanes: readonly string[] }[],
  ): Promise<KeystrokePage[]> {
    const pages: KeystrokePage[] = [];
    for (const { name, base, lanes } of specs) {
      const page = await newPage();
      await page.goto(linkFor(tenKb, [...lanes]).replace(BASE, base));
      await waitAllReady(page, lanes.length);
      console.log(`${name}: ready`);
      await page.bringToFront();
      const first = await keystrokeLatencies(page, FIRST_KEYSTROKES);
      pages.push({ name, page, lanes: lanes.length, first, latencies: [] });
    }
    return pages;
  }

  /** `rounds` rounds of `perTurn` keystrokes on each page; each round starts with another page. */
  async function takeTurns(pages: KeystrokePage[], rounds: number, perTurn: number): Promise<void> {
    for (let round = 0; round < rounds; round++)
      for (let i = 0; i < pages.length; i++) {
        const entry = pages[(i + round) % pages.length]!;
        await entry.page.bringToFront();
        entry.latencies.push(...(await keystrokeLatencies(entry.page, perTurn)));
      }
  }

  /** `--ab`: the keystrokes of two builds, taking turns. */
  async function compareBuilds(): Promise<void> {
    const pages = await openKeystrokePages(
      (
        [
          ["A", BASE],
          ["B", `http://localhost:${PORT + 1}/`],
        ] as const
      ).flatMap(([build, base]) =>
        [["bytes"], eight].map((lanes) => ({
          name: `${build}, ${lanes.length} lane${lanes.length > 1 ? "s" : ""}`,
          base,
          lanes,
        })),
      ),
    );
    await takeTurns(pages, 6, 10);
    const p50 = (name: string) => percentile(pages.find((p) => p.name === name)!.latencies, 50);
    for (const { name, latencies } of pages)
      console.log(
        `${name}: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms (${latencies.length} keystrokes)`,
      );
    for (const build of ["A", "B"])
      console.log(
        `${build}: ratio 8 lanes / 1 lane (p50) ${(p50(`${build}, 8 lanes`) / p50(`${build}, 1 lane`)).toFixed(2)}`,
      );
  }

  /** Parts 2 and 3 (`--paste-only`: part 3). */
  async function togglesAndPaste(): Promise<void> {
    // An option that every lane depends on, toggled with 15 lanes.
    const fifteen = [
      ...eight,
      "deepseek-v3",
      "gpt-oss",
      "claude-legacy",
      "qwen-2.5",
      "llama-3.1",
      "code-points",
      "graphemes",
    ];
    if (!args.options.has("paste-only")) {
      const page = await newPage();
      await page.goto(linkFor(tenKb, fifteen));
      await waitAllReady(page, fifteen.length);
      const toggles: number[] = [];
      for (let k = 0; k < 4; k++) {
        const start = Date.now();
        await page.getByRole("checkbox", { name: "Parse special tokens" }).click();
        await page.waitForTimeout(30);
        await waitAllReady(page, fifteen.length);
        toggles.push(Date.now() - start);
      }
      results["option toggle, 15 lanes"] = { median: percentile(toggles, 50), runs: toggles };
      console.log(
        `toggle "Parse special tokens", 15 lanes, 10 KB: median ${percentile(toggles, 50)} ms (${toggles.join(", ")})`,
      );
      await page.close();
    }

    const defaults = ["o200k_base", "cl100k_base", "llama-3", "bytes"];
    // The default pool (one worker per core, 2–4) against a single worker, in the same run.
    for (const workers of ["default", "1"]) {
      const page = await newPage();
      await page.goto(
        linkFor("warm up", defaults).replace("/#", workers === "default" ? "/#" : `/?workers=${workers}#`),
      );
      await waitAllReady(page, defaults.length);
      const paste = await pasteMegabyte(page, defaults.length);
      results[`1 MB paste, default 4 lanes, workers=${workers}`] = paste;
      console.log(
        `1 MB paste (4 default lanes, workers=${workers}): first lane painted ${paste.firstLane.toFixed(0)} ms, ` +
          `all lanes ready ${paste.allLanes.toFixed(0)} ms, longest main-thread task ${paste.longestTask.toFixed(0)} ms ` +
          `(0 = none over 50 ms), ${paste.tasksOver50} tasks over 50 ms`,
      );
      if (workers === "default") {
        const before = await pageMemory(page);
        const edits = await editsInMegabyte(page);
        const after = await pageMemory(page);
        results["keystroke in the middle of 1 MB, default 4 lanes"] = {
          median: percentile(edits, 50),
          edits,
        };
        console.log(
          `keystroke in the middle of the 1 MB text → every lane ready (4 default lanes, includes the 400 ms ` +
            `pause): median ${percentile(edits, 50).toFixed(0)} ms (${edits.map((ms) => ms.toFixed(0)).join(", ")})`,
        );
        if (before && after) {
          results["page memory, 1 MB pasted → after the edits (MB)"] = { before, after };
          const mb = (m: { total: number; window: number; workers: number }) =>
            `${m.total.toFixed(0)} MB (the page ${m.window.toFixed(0)}, its workers ${m.workers.toFixed(0)})`;
          console.log(`page memory: 1 MB pasted ${mb(before)} → after those edits ${mb(after)}`);
        }
      }
      await page.close();
    }
  }
} finally {
  stopPreview();
  stopPreviewB();
}
