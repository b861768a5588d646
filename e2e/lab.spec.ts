import { BpeTextEncoder } from "../src/core/bpe/text-encoder";
import { trainBpe } from "../src/core/bpe/train-bpe";
import { readBrown } from "../scripts/lib/brown-text";
import { expect, test } from "./fixtures";

test("the tokenizer lab trains BPE on the current text, and its counts match an independent run", async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  const text = readBrown(40_000);
  await app.open("/");
  await app.setText(text);
  await page.getByRole("tab", { name: "Tokenizer lab" }).click();
  await expect(page.getByTestId("lab")).toBeVisible();

  await page.getByTestId("lab-corpus-current").click();
  await page.getByTestId("lab-vocab").fill("600");
  await page.getByTestId("lab-train-button").click();
  const trained = page.getByTestId("lab-trained");
  await expect(trained).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("lab-train-status")).toHaveAttribute("data-status", "done");
  await expect(page.getByTestId("lab-trained-vocab")).toHaveText("600");

  // The same trainer, run here in Node on the same text, is the reference.
  const { model } = trainBpe([text], { vocabSize: 600 });
  const tokens = new BpeTextEncoder(model).encode(text).length;
  const bytes = new TextEncoder().encode(text).length;
  await expect(page.getByTestId("lab-trained-bpt")).toHaveText((bytes / tokens).toFixed(3));

  const counts = page.getByTestId("lab-method-counts");
  await expect(counts.locator('tr[data-method="merges"]')).toHaveAttribute("data-count", String(tokens), {
    timeout: 30_000,
  });
  const leastTokens = Number(
    await counts.locator('tr[data-method="least-tokens"]').getAttribute("data-count"),
  );
  expect(leastTokens).toBeLessThanOrEqual(tokens);

  // Clicking a token opens its merge tree.
  await page.getByTestId("lab-chips").getByRole("button").nth(1).click();
  await expect(page.getByTestId("lab-explainer")).toBeVisible();
});

test("a training run can be cancelled", async ({ app, page }) => {
  await app.open("/");
  await app.setText(readBrown(2_000_000));
  await page.getByRole("tab", { name: "Tokenizer lab" }).click();
  await page.getByTestId("lab-corpus-current").click();
  await page.getByTestId("lab-vocab").fill("30000");
  await page.getByTestId("lab-train-button").click();
  await expect(page.getByTestId("lab-train-status")).toHaveAttribute("data-status", "running");
  await page.getByTestId("lab-train-status-cancel").click();
  await expect(page.getByTestId("lab-train-status")).toHaveAttribute("data-status", "cancelled");
});

test("a tokenizer trained in the lab becomes a lane of the comparison view", async ({ app, page }) => {
  const text = readBrown(20_000);
  await app.open("/");
  await app.setText(text);
  await page.getByRole("tab", { name: "Tokenizer lab" }).click();
  await page.getByTestId("lab-corpus-current").click();
  await page.getByTestId("lab-vocab").fill("500");
  await page.getByTestId("lab-train-button").click();
  await expect(page.getByTestId("lab-trained")).toBeVisible({ timeout: 60_000 });
  await page.getByTestId("lab-add-lane").click();
  await app.waitIdle();
  const lane = page.locator('[data-testid="lane"][data-tokenizer^="custom-"]');
  await expect(lane).toHaveAttribute("data-status", "ready");
  const { model } = trainBpe([text], { vocabSize: 500 });
  expect(Number(await lane.getAttribute("data-token-count"))).toBe(
    new BpeTextEncoder(model).encode(text).length,
  );
});
