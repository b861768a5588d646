import { decodeShareState } from "../src/core/url-state/share-state";
import { shareFragment } from "../scripts/lib/share-link";
import { expect, test } from "./fixtures";
import { cliAtlas } from "./engine-counts";

const atlasLink = (tokenizers: string[]) =>
  `/${shareFragment({ view: "atlas", atlas: { tokenizers, langs: null, sort: "name", query: "" } })}`;

test("the parity atlas computes every language, matches the CLI, and is cached for the next visit", async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  await app.open(atlasLink(["cl100k_base", "bytes"]));
  const status = page.getByTestId("atlas-status");
  await expect(status).toHaveAttribute("data-state", "done", { timeout: 150_000 });

  const expected = cliAtlas(["cl100k_base", "bytes"], ["ru", "hi", "my", "en"]);
  for (const [key, { tokens, premium }] of expected) {
    const [lang, tokenizer] = key.split("/");
    const cell = page.locator(
      `[data-testid="atlas-cell"][data-lang="${lang}"][data-tokenizer="${tokenizer}"]`,
    );
    await expect(cell).toHaveAttribute("data-tokens", String(tokens));
    expect(Number(await cell.getAttribute("data-premium"))).toBeCloseTo(premium, 4);
  }
  const cells = page.getByTestId("atlas-cell");
  expect(await cells.count()).toBeGreaterThan(2 * 400);
  await expect(page.getByTestId("atlas-equity").locator("tbody tr")).toHaveCount(2);

  // Search narrows the rows; the selection is in the link.
  await page.getByTestId("atlas-search").fill("Myanmar");
  await expect.poll(() => cells.count()).toBeLessThan(40);
  const linkedQuery = async () => {
    const decoded = decodeShareState(await page.evaluate(() => window.location.hash));
    return decoded.ok ? decoded.state.atlas?.query : undefined;
  };
  await expect.poll(linkedQuery).toBe("Myanmar");

  // A second visit reads the columns from IndexedDB.
  await page.reload();
  await expect(status).toHaveAttribute("data-state", "done", { timeout: 20_000 });
  await expect(status).toContainText("2 from this browser's cache");
  await expect(page.getByTestId("atlas-search")).toHaveValue("Myanmar");
});
