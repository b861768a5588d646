// npm run screenshot: serves nothing itself; expects `vite preview` on :4173. Writes docs/screenshot.png.
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./find-chromium";

const url = process.argv[2] ?? "http://localhost:4173/";
const out = process.argv[3] ?? "docs/screenshot.png";
const width = Number(process.argv[4] ?? 1280);
const browser = await chromium.launch({
  executablePath: findChromium() ?? undefined,
  args: CHROMIUM_ARGS,
});
const page = await browser.newPage({ viewport: { width, height: 1100 } });
page.on("console", (message) => console.log("console:", message.text()));
page.on("pageerror", (error) => console.log("pageerror:", error.message));
await page.goto(url);
await page.waitForFunction(
  () =>
    document.body.dataset.status === "idle" &&
    document.querySelectorAll('[data-testid="lane"][data-status="ready"]').length > 0,
  undefined,
  { timeout: 60_000 },
);
await page.waitForTimeout(300);
const hover = page.locator('[data-testid="lane"] [data-token]').nth(12);
if (await hover.count()) await hover.hover();
await page.screenshot({ path: out, fullPage: false });
await browser.close();
