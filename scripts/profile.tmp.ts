// Profiles keystrokes with 8 lanes: main-thread time by trace event name, per keystroke.
import { chromium } from "@playwright/test";
import { writeFileSync } from "node:fs";
import { CHROMIUM_ARGS, findChromium } from "./find-chromium";
import { startPreview } from "./lib/preview-server";
import { shareFragment } from "./lib/share-link";
import { readDeclarations } from "./lib/udhr-text";
const PORT = Number(process.env.PORT ?? 4181);
const stop = await startPreview(PORT);
const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS });
const context = await browser.newContext();
await context.addInitScript({ content: "globalThis.__name = (f) => f;" });
const page = await context.newPage();
const english = readDeclarations().find((d) => d.lang === "en")!.text;
const text = (english + "\n").repeat(2).slice(0, 10_000);
const lanes = (process.env.LANES ?? "o200k_base,cl100k_base,p50k_base,r50k_base,llama-3,qwen-3,gemma-3,bytes").split(",");
await page.goto(`http://localhost:${PORT}/${shareFragment({ text, lanes: lanes.map((tokenizer) => ({ tokenizer, mode: "text" as const })) })}`);
await page.waitForFunction((n) => document.body.dataset.status === "idle" && document.querySelectorAll('[data-testid="lane"][data-status="ready"]').length === n, lanes.length, { timeout: 120000 });
const ta = page.getByTestId("text-input");
await ta.click(); await page.keyboard.press("End");
for (let i = 0; i < 3; i++) { await page.keyboard.type("a"); await page.waitForTimeout(400); }
const cdp = await context.newCDPSession(page);
const events: any[] = [];
cdp.on("Tracing.dataCollected", (e: any) => events.push(...e.value));
await cdp.send("Tracing.start", { categories: "devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,v8.execute", transferMode: "ReportEvents" });
const N = 10;
for (let i = 0; i < N; i++) { await page.keyboard.type(i % 5 === 4 ? " " : "a"); await page.waitForTimeout(600); }
const done = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
await cdp.send("Tracing.end"); await done;
writeFileSync("/tmp/prof/trace.json", JSON.stringify(events));
// main thread: the renderer's CrRendererMain
const threadNames = new Map<string, string>();
for (const e of events) if (e.ph === "M" && e.name === "thread_name") threadNames.set(`${e.pid}:${e.tid}`, e.args.name);
const main = [...threadNames].filter(([, n]) => n === "CrRendererMain").map(([k]) => k);
const totals = new Map<string, number>();
let runTask = 0; const longTasks: number[] = [];
for (const e of events) {
  if (e.ph !== "X" || !main.includes(`${e.pid}:${e.tid}`)) continue;
  const d = (e.dur ?? 0) / 1000;
  totals.set(e.name, (totals.get(e.name) ?? 0) + d);
  if (e.name === "RunTask") { runTask += d; if (d > 16) longTasks.push(Math.round(d)); }
}
console.log("main-thread RunTask per keystroke", (runTask / N).toFixed(1), "ms; tasks > 16 ms:", longTasks.join(","));
for (const [name, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(name.padEnd(40), (ms / N).toFixed(1));
await browser.close(); stop();
