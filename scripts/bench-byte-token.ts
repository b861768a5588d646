// npm run bench:byte-token — the exact next-byte distribution of the token LM (ALGORITHMS §1) in Debian's
// Chromium on WebAssembly, for prompts of ~200 bytes of Brown text ending in a word of 4, 8 and 16 bytes,
// the caret at the end (run `npm run build` first). Each prompt opens a fresh page, so the figure is the
// first query on that text: the model loaded and warmed up by one short query at load time (WebAssembly
// kernels, the tokenizer's tables), the text's own chunk caches cold. Baseline measured in the same run:
// the same query in Node on onnxruntime-web's WebAssembly backend (one thread), after the same warm-up.
import { chromium } from "@playwright/test";
import { exactNextByte } from "../src/core/lm/byte-token/next-byte";
import { TokenContextModel } from "../src/core/lm/byte-token/token-lm";
import { utf8Encode } from "../src/core/text/utf8";
import { CHROMIUM_ARGS, findChromium } from "./find-chromium";
import { readBrown } from "./lib/brown-text";
import { startPreview } from "./lib/preview-server";
import { shareFragment } from "./lib/share-link";
import { loadTokenLmNode } from "./lib/token-lm-node";
import { warmUp } from "../workers/lm/token-api";

const PORT = 4178;
const text = readBrown(1_000_000);

/** ~200 bytes of Brown context, then a lower-case word of exactly `length` bytes (after a space). */
function prompt(length: number): string {
  const match = new RegExp(` ([a-z]{${length}})(?![a-z])`, "g");
  match.lastIndex = 1000;
  const found = match.exec(text);
  if (!found) throw new Error(`no ${length}-letter word in the text`);
  return text.slice(found.index - 200, found.index) + found[0];
}

const stopPreview = await startPreview(PORT);
try {
  const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: CHROMIUM_ARGS });
  const rows: Record<string, string | number>[] = [];
  for (const length of [4, 8, 16]) {
    const promptText = prompt(length);
    const page = await browser.newPage();
    await page.goto(`http://localhost:${PORT}/${shareFragment({ text: promptText, view: "lm" })}`);
    await page.getByTestId("bits-per-byte").waitFor({ timeout: 300_000 });
    await page.getByTestId("token-lm-section").locator("summary").click();
    const panel = page.getByTestId("byte-vs-token");
    await page.getByTestId("dist-exact").waitFor({ timeout: 300_000 });
    const browserMs = Number(await panel.getAttribute("data-exact-ms"));
    const covers = Number(await panel.getAttribute("data-covers"));
    await page.close();

    // Node: the same warm-up as the worker's load, then the same first query.
    const lm = await loadTokenLmNode();
    const model = new TokenContextModel(lm.lm, lm.tokenizer, "local");
    await warmUp(model);
    const warmUpContexts = model.evaluatedContexts;
    const start = performance.now();
    await exactNextByte(model, utf8Encode(promptText));
    const nodeMs = performance.now() - start;
    await lm.release();
    rows.push({
      "last word": `${promptText.slice(promptText.lastIndexOf(" ") + 1)} (${length} B)`,
      "prompt bytes": utf8Encode(promptText).length,
      covers,
      "LM contexts (Node)": model.evaluatedContexts - warmUpContexts,
      "Chromium ms": Number(browserMs.toFixed(1)),
      "Node ms": Number(nodeMs.toFixed(1)),
      "Chromium / Node": Number((browserMs / nodeMs).toFixed(2)),
    });
    console.log(rows.at(-1));
  }
  await browser.close();
  console.log("exact next byte, first query on a fresh page (WebAssembly); aim: under 500 ms at 16 bytes");
  console.table(rows);
} finally {
  await stopPreview();
}
