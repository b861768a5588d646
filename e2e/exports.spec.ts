import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { csvParse } from "d3-dsv";
import { NativeTokenizer } from "../src/core/tokenizers/native/native-tokenizer";
import { shareFragment } from "../scripts/lib/share-link";
import { rustTokenizer } from "../scripts/lib/rust-tokenizers";
import { cliAtlas, cliTokenIds } from "./engine-counts";
import { expect, test } from "./fixtures";

// Every export is read back as its format's own reader would: CSV parsed by its header, JSON parsed, SVG parsed
// as XML by the browser, PNG decoded (size and not blank), the lab's tokenizer.json loaded by our engine and by
// Hugging Face's Rust library.

const TEXT = "Exports read back: naïve café, नमस्ते दुनिया, Привет мир, 12345.";

async function download(page: Page, button: Locator): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
  return readFileSync((await file.path())!);
}

/** The browser's XML parser on an SVG file: its text, or the parser's error. */
function parseSvg(page: Page, svg: string): Promise<{ error: string | null; text: string }> {
  return page.evaluate((markup) => {
    const doc = new DOMParser().parseFromString(markup, "image/svg+xml");
    const error = doc.querySelector("parsererror");
    return { error: error ? error.textContent : null, text: doc.documentElement.textContent ?? "" };
  }, svg);
}

/** A PNG decoded by the browser: its size and how many colours a sample of its pixels has. */
async function decodePng(
  page: Page,
  png: Buffer,
): Promise<{ width: number; height: number; colours: number }> {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext("2d")!;
    context.drawImage(bitmap, 0, 0);
    const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 31)
      colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return { width: bitmap.width, height: bitmap.height, colours: colours.size };
  }, png.toString("base64"));
}

test("Compare's exports: summary CSV, tokens CSV, JSON and the per-script CSV / SVG / PNG read back", async ({
  app,
  page,
}) => {
  await app.open();
  await app.setText(TEXT);
  await app.waitIdle();
  const lanes = await app.laneIds();
  const ids = Object.fromEntries(lanes.map((id) => [id, cliTokenIds(id, TEXT)]));

  const summary = csvParse(
    (await download(page, page.getByRole("button", { name: "Summary CSV" }))).toString(),
  );
  expect(summary.columns).toContain("tokens");
  expect(summary).toHaveLength(lanes.length);
  for (const row of summary) expect(Number(row.tokens)).toBe(ids[row.tokenizer!]!.length);

  const tokens = csvParse(
    (await download(page, page.getByRole("button", { name: "Tokens CSV" }))).toString(),
  );
  expect(tokens.columns.slice(0, 3)).toEqual(["tokenizer", "index", "id"]);
  for (const id of lanes)
    expect(tokens.filter((row) => row.tokenizer === id).map((row) => Number(row.id))).toEqual(ids[id]);

  const json = JSON.parse(
    (
      await download(page, page.locator(".summary .exports").getByRole("button", { name: "JSON" }))
    ).toString(),
  ) as { lanes: { tokenizer: string; tokens: { id: number }[] }[] };
  for (const lane of json.lanes) expect(lane.tokens.map((t) => t.id)).toEqual(ids[lane.tokenizer]);

  const panel = page.getByTestId("script-panel");
  const scripts = csvParse((await download(page, panel.getByRole("button", { name: "CSV" }))).toString());
  expect(new Set(scripts.map((row) => row.script))).toEqual(new Set(["Latin", "Devanagari", "Cyrillic"]));
  const svg = await parseSvg(
    page,
    (await download(page, panel.getByRole("button", { name: "SVG" }))).toString(),
  );
  expect(svg.error).toBeNull();
  expect(svg.text).toContain("Devanagari");
  const png = await decodePng(page, await download(page, panel.getByRole("button", { name: "PNG" })));
  expect(png.width).toBeGreaterThan(100);
  expect(png.colours).toBeGreaterThan(3);
});

test("the atlas's CSV, JSON, SVG and PNG read back, with the CLI's counts", async ({ app, page }) => {
  test.setTimeout(180_000);
  await app.open(
    `/${shareFragment({ view: "atlas", atlas: { tokenizers: ["bytes", "graphemes"], langs: null, sort: "premium", query: "" } })}`,
  );
  await expect(page.getByTestId("atlas-status")).toHaveAttribute("data-state", "done", { timeout: 150_000 });
  const csv = csvParse((await download(page, page.getByRole("button", { name: "CSV" }))).toString());
  expect(csv.columns).toEqual(["lang", "name", "script", "tokenizer", "bytes", "chars", "tokens", "premium"]);
  const reference = cliAtlas(["bytes", "graphemes"], ["en", "hi", "ru"]);
  for (const key of reference.keys()) {
    const [lang, tokenizer] = key.split("/");
    const row = csv.find((r) => r.lang === lang && r.tokenizer === tokenizer)!;
    expect(Number(row.tokens), key).toBe(reference.get(key)!.tokens);
  }
  const json = JSON.parse((await download(page, page.getByRole("button", { name: "JSON" }))).toString()) as {
    rows: unknown[];
  };
  expect(json.rows).toHaveLength(csv.length);
  const svg = await parseSvg(
    page,
    (await download(page, page.getByRole("button", { name: "SVG" }))).toString(),
  );
  expect(svg.error).toBeNull();
  expect(svg.text).toContain("Hindi");
  const png = await decodePng(page, await download(page, page.getByRole("button", { name: "PNG" })));
  expect(png.height).toBeGreaterThan(1000);
  expect(png.colours).toBeGreaterThan(3);
});

test("the lab's exported tokenizer.json loads in our engine and in the Rust library, with the same ids", async ({
  lab,
  page,
}) => {
  await page.goto(`/${shareFragment({ text: TEXT.repeat(30), view: "lab" })}`);
  await lab.useCurrentText();
  await lab.train(300);
  await expect(lab.trained).toBeVisible({ timeout: 60_000 });
  const file = JSON.parse((await download(page, page.getByTestId("lab-export"))).toString()) as unknown;
  const ours = new NativeTokenizer({
    info: { id: "lab", name: "lab", family: "custom", models: [], source: "lab" },
    json: file,
  });
  expect(ours.info.vocabSize).toBe(Number(await page.getByTestId("lab-trained-vocab").textContent()));
  const rust = rustTokenizer(file);
  for (const text of [TEXT, "unseen text: 日本語 and emoji 👩‍💻"])
    expect(Array.from(ours.encode(text).ids)).toEqual((await rust(text)).ids);
});
