// Development aid: profiles a 1 MB paste and prints, for each main-thread stretch over 50 ms, its top functions.
import { chromium } from "@playwright/test";
import { findChromium } from "./find-chromium";
const browser = await chromium.launch({
  executablePath: findChromium() ?? undefined,
  args: ["--no-sandbox", "--disable-gpu"],
});
const page = await browser.newPage();
await page.goto(process.argv[2] ?? "http://localhost:4173/");
await page.waitForFunction(
  () =>
    document.body.dataset.status === "idle" &&
    document.querySelectorAll('[data-status="ready"]').length === 4,
);
const cdp = await page.context().newCDPSession(page);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
await cdp.send("Profiler.start");
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
type Node = {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
const { profile } = (await cdp.send("Profiler.stop")) as {
  profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] };
};
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
for (const n of profile.nodes) for (const c of n.children ?? []) byId.get(c)!.parent = n.id;
const name = (n: Node) =>
  `${n.callFrame.functionName || "(anon)"}@${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber}`;
let t = 0;
let stretch: { start: number; end: number; self: Map<string, number> } | null = null;
const stretches: NonNullable<typeof stretch>[] = [];
profile.samples.forEach((id, k) => {
  const dt = (profile.timeDeltas[k] ?? 0) / 1000;
  t += dt;
  const node = byId.get(id)!;
  const idle = node.callFrame.functionName === "(idle)";
  if (idle) {
    if (stretch && stretch.end - stretch.start > 50) stretches.push(stretch);
    stretch = null;
    return;
  }
  stretch ??= { start: t, end: t, self: new Map() };
  stretch.end = t;
  // Attribute to the innermost frame from our bundle, else the leaf.
  let frame: Node | undefined = node;
  while (frame && !frame.callFrame.url.includes("index-") && frame.parent) frame = byId.get(frame.parent);
  const key = frame && frame.callFrame.url.includes("index-") ? name(frame) : name(node);
  stretch.self.set(key, (stretch.self.get(key) ?? 0) + dt);
});
for (const s of stretches) {
  console.log(`\n== ${(s.end - s.start).toFixed(0)} ms at ${s.start.toFixed(0)}`);
  console.log(
    [...s.self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([k, v]) => `  ${v.toFixed(1).padStart(7)} ${k}`)
      .join("\n"),
  );
}
await browser.close();
