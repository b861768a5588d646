import { BpeTextEncoder } from "../src/core/bpe/text-encoder";
import { trainBpe } from "../src/core/bpe/train-bpe";
import { readBrown } from "../scripts/lib/brown-text";
import { expect, test } from "./fixtures";

test("the tokenizer lab trains BPE on the current text, and its counts match an independent run", async ({
  app,
  lab,
  page,
}) => {
  test.setTimeout(120_000);
  const text = readBrown(40_000);
  await app.open("/");
  await app.setText(text);
  await lab.show();
  await lab.useCurrentText();
  await lab.train(600);
  await expect(lab.trained).toBeVisible({ timeout: 60_000 });
  await expect(lab.trainStatus).toHaveAttribute("data-status", "done");
  await expect(page.getByTestId("lab-trained-vocab")).toHaveText("600");

  // The same trainer, run here in Node on the same text, is the reference.
  const { model } = trainBpe([text], { vocabSize: 600 });
  const tokens = new BpeTextEncoder(model).encode(text).length;
  const bytes = new TextEncoder().encode(text).length;
  await expect(page.getByTestId("lab-trained-bpt")).toHaveText((bytes / tokens).toFixed(3));

  await expect(lab.methodCounts.locator('tr[data-method="merges"]')).toHaveAttribute(
    "data-count",
    String(tokens),
    { timeout: 30_000 },
  );
  expect(await lab.methodCount("least-tokens")).toBeLessThanOrEqual(tokens);

  // Clicking a token opens its merge tree.
  await expect(await lab.explainToken(1)).toBeVisible();
});

test("a training run can be cancelled", async ({ app, lab }) => {
  await app.open("/");
  await app.setText(readBrown(2_000_000));
  await lab.show();
  await lab.useCurrentText();
  await lab.train(30000);
  await expect(lab.trainStatus).toHaveAttribute("data-status", "running");
  await lab.cancelTraining();
  await expect(lab.trainStatus).toHaveAttribute("data-status", "cancelled");
});

test("a tokenizer trained in the lab becomes a lane of the comparison view", async ({ app, lab, page }) => {
  const text = readBrown(20_000);
  await app.open("/");
  await app.setText(text);
  await lab.show();
  await lab.useCurrentText();
  await lab.train(500);
  await expect(lab.trained).toBeVisible({ timeout: 60_000 });
  await lab.addAsLane();
  await app.waitIdle();
  const lane = page.locator('[data-testid="lane"][data-tokenizer^="custom-"]');
  await expect(lane).toHaveAttribute("data-status", "ready");
  const { model } = trainBpe([text], { vocabSize: 500 });
  expect(Number(await lane.getAttribute("data-token-count"))).toBe(
    new BpeTextEncoder(model).encode(text).length,
  );
});
