// npm run bench:lab — BPE training in Chromium's worker (the tokenizer lab), 4k / 16k / 32k vocabularies on
// 5 MB of Brown + UDHR text, against the same training in Node measured in the same run (`trainBpe`).
// Run `npm run build` first.
import { chromium } from "@playwright/test";
import { trainBpe } from "../src/core/bpe/train-bpe";
import { CHROMIUM_ARGS, findChromium } from "./find-chromium";
import { readBrown } from "./lib/brown-text";
import { startPreview } from "./lib/preview-server";
import { readDeclarations } from "./lib/udhr-text";

const PORT = 4178;
const SIZES = [4096, 16384, 32768];
const brown = readBrown(3_500_000);
let text = brown;
for (const d of readDeclarations()) {
  if (new TextEncoder().encode(text).length >= 5_000_000) break;
  text += `\n${d.text}`;
}

const stopPreview = await startPreview(PORT);
try {
  const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  await page.addInitScript({ content: "globalThis.__name = (f) => f;" });
  await page.goto(`http://localhost:${PORT}/`);
  await page.evaluate((value) => window.tokenprism!.setText(value), text);
  await page.getByRole("tab", { name: "Tokenizer lab" }).click();
  await page.getByTestId("lab-corpus-current").click();
  for (const size of SIZES) {
    await page.getByTestId("lab-vocab").fill(String(size));
    const start = Date.now();
    await page.getByTestId("lab-train-button").click();
    await page.waitForFunction(
      (vocab) => document.querySelector('[data-testid="lab-trained-vocab"]')?.textContent === String(vocab),
      size,
      { timeout: 600_000 },
    );
    const browserMs = Date.now() - start;
    const nodeStart = performance.now();
    trainBpe([text], { vocabSize: size });
    const nodeMs = performance.now() - nodeStart;
    console.log(
      `${size} tokens on ${(new TextEncoder().encode(text).length / 1e6).toFixed(2)} MB: Chromium worker ${(browserMs / 1000).toFixed(1)} s ` +
        `(click to result), Node ${(nodeMs / 1000).toFixed(1)} s → ratio ${(browserMs / nodeMs).toFixed(2)}`,
    );
  }
  await browser.close();
} finally {
  stopPreview();
}
