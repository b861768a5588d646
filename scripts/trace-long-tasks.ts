// Development aid: traces a 1 MB paste and breaks each main-thread task over 50 ms into its parts.
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./find-chromium";
const browser = await chromium.launch({
  executablePath: findChromium() ?? undefined,
  args: CHROMIUM_ARGS,
});
const page = await browser.newPage();
await page.goto(process.argv[2] ?? "http://localhost:4173/");
await page.waitForFunction(
  () =>
    document.body.dataset.status === "idle" &&
    document.querySelectorAll('[data-status="ready"]').length === 4,
);
await browser.startTracing(page, {
  categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8"],
});
await page.evaluate(() => {
  const line = "Tokenizers split text into pieces; некоторые языки платят больше. 漢字も。हिन्दी भी।\n";
  const text = line.repeat(Math.ceil(1_000_000 / new TextEncoder().encode(line).length));
  const target = document.querySelector('[data-testid="text-input"]') as HTMLTextAreaElement;
  const data = new DataTransfer();
  data.setData("text/plain", text);
  target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
});
await page.waitForTimeout(500);
await page.waitForFunction(
  () =>
    document.body.dataset.status === "idle" &&
    document.querySelectorAll('[data-status="ready"]').length === 4,
  undefined,
  { timeout: 120000 },
);
await page.waitForTimeout(1500);
const buffer = await browser.stopTracing();
type Ev = {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { data?: { url?: string; functionName?: string; lineNumber?: number } };
};
const events = (JSON.parse(buffer.toString()) as { traceEvents: Ev[] }).traceEvents;
const mainTid = events.find(
  (e) => e.name === "thread_name" && (e.args as { name?: string } | undefined)?.name === "CrRendererMain",
)?.tid;
const main = events.filter((e) => e.tid === mainTid && e.ph === "X");
const tasks = main.filter((e) => e.name === "RunTask" && (e.dur ?? 0) > 50_000);
for (const task of tasks) {
  const inside = main.filter(
    (e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur!,
  );
  const totals = new Map<string, number>();
  for (const e of inside) {
    if (
      ![
        "FunctionCall",
        "Layout",
        "UpdateLayoutTree",
        "Paint",
        "MinorGC",
        "MajorGC",
        "V8.GC_SCAVENGER",
        "EvaluateScript",
        "ParseHTML",
        "PrePaint",
        "Layerize",
        "HitTest",
        "TimerFire",
        "FireAnimationFrame",
        "EventDispatch",
        "v8.callFunction",
        "RunMicrotasks",
        "V8.GCScavenger",
        "MajorGC",
        "BlinkGC.AtomicPhase",
        "ScheduleStyleRecalculation",
      ].includes(e.name)
    )
      continue;
    const key =
      e.name === "FunctionCall"
        ? `FunctionCall ${e.args?.data?.functionName ?? ""}@${e.args?.data?.url?.split("/").pop() ?? ""}:${e.args?.data?.lineNumber ?? ""}`
        : e.name;
    totals.set(key, (totals.get(key) ?? 0) + (e.dur ?? 0) / 1000);
  }
  console.log(`\n== task ${(task.dur! / 1000).toFixed(0)} ms`);
  console.log(
    [...totals]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([k, v]) => `  ${v.toFixed(1).padStart(7)} ${k}`)
      .join("\n"),
  );
}
await browser.close();
