import { decodeShareState } from "../src/core/url-state/share-state";
import { expect, test } from "./fixtures";
import { cliAtlas } from "./engine-counts";

test("the parity atlas computes every language, matches the CLI, and is cached for the next visit", async ({
  atlas,
  page,
}) => {
  test.setTimeout(180_000);
  await atlas.open(["cl100k_base", "bytes"]);
  await atlas.waitDone();

  const expected = cliAtlas(["cl100k_base", "bytes"], ["ru", "hi", "my", "en"]);
  for (const [key, { tokens, premium }] of expected) {
    const [lang, tokenizer] = key.split("/");
    const cell = atlas.cell(lang!, tokenizer!);
    await expect(cell).toHaveAttribute("data-tokens", String(tokens));
    expect(Number(await cell.getAttribute("data-premium"))).toBeCloseTo(premium, 4);
  }
  expect(await atlas.cells.count()).toBeGreaterThan(2 * 400);
  await expect(atlas.equityRows).toHaveCount(2);

  // Search narrows the rows; the selection is in the link.
  await atlas.search.fill("Myanmar");
  await expect.poll(() => atlas.cells.count()).toBeLessThan(40);
  const linkedQuery = async () => {
    const decoded = decodeShareState(await page.evaluate(() => window.location.hash));
    return decoded.ok ? decoded.state.atlas?.query : undefined;
  };
  await expect.poll(linkedQuery).toBe("Myanmar");

  // A second visit reads the columns from IndexedDB.
  await page.reload();
  await atlas.waitDone(20_000);
  await expect(atlas.status).toContainText("2 from this browser's cache");
  await expect(atlas.search).toHaveValue("Myanmar");
});

test("built-in columns come with the app: counted at build time, equal to the CLI's, shown without counting", async ({
  atlas,
}) => {
  const tokenizers = ["o200k_base", "llama-3", "gemma-3", "words"];
  await atlas.open(tokenizers, { countInPage: false });
  await atlas.waitDone(30_000);
  // None was counted in the page (how long that takes is `npm run bench:atlas`'s business).
  await expect(atlas.status).toContainText(`${tokenizers.length} counted when the app was built`);
  for (const [key, { tokens }] of cliAtlas(tokenizers, ["ru", "hi", "my", "en", "zh-Hant", "am"])) {
    const [lang, tokenizer] = key.split("/");
    await expect(atlas.cell(lang!, tokenizer!)).toHaveAttribute("data-tokens", String(tokens));
  }
});
