import { execFileSync } from "node:child_process";
import { shareFragment } from "../scripts/lib/share-link";
import { expect, test } from "./fixtures";

function cli(args: string[]): string {
  return execFileSync("npx", ["tsx", "scripts/cli.ts", ...args], { encoding: "utf8" });
}

const TEXT = "All human beings are born free and equal in dignity and rights.";

test("at a caret inside a word, the token LM's exact next byte matches the CLI and differs from naive", async ({
  lm,
  page,
}) => {
  test.setTimeout(180_000);
  await lm.open(TEXT);
  // The caret after "All human beings are born free and equal in dig" (48 bytes): inside "dignity".
  const caret = TEXT.indexOf("dignity") + 3;
  await lm.caretAfter(caret - 1);
  await lm.openTokenLm();
  const exact = page.getByTestId("dist-exact");
  await expect(exact).toBeVisible({ timeout: 90_000 });

  const reference = JSON.parse(
    cli(["lm", "next-byte", "--model", "token", "--method", "exact", "--prompt", TEXT.slice(0, caret)]),
  ) as { dist: Record<string, number>; covers: number };
  const [bestByte, bestProb] = Object.entries(reference.dist).sort((a, b) => b[1] - a[1])[0]!;
  await expect(exact).toHaveAttribute("data-top-outcome", bestByte);
  expect(Number(await exact.getAttribute("data-top-probability"))).toBeCloseTo(bestProb, 4);
  await expect(page.getByTestId("cover")).toHaveCount(Math.min(16, reference.covers));

  // Naive prompting ends the prompt at a token boundary: its distribution is far from the exact one.
  const tv = Number(await page.getByTestId("divergence-naive").locator("td").nth(1).textContent());
  expect(tv).toBeGreaterThan(0.05);
  await expect(page.getByTestId("dist-byte")).toBeVisible();

  // One byte back puts the caret inside the word still; the panel follows.
  await page.getByRole("button", { name: "◀ one byte back" }).click();
  await expect(page.getByTestId("byte-vs-token").locator("h3")).toContainText(`byte ${caret - 1}`);

  // Exact sampling reports every byte with its covers.
  await page.getByRole("button", { name: /Sample 48 bytes/ }).click();
  await expect(page.getByTestId("exact-sample-job")).toHaveAttribute("data-status", "done", {
    timeout: 90_000,
  });
  expect(await page.getByTestId("sample-steps").locator("li").count()).toBeGreaterThan(0);
});

test("the bias scan colours every character and lists the worst places; it can be cancelled", async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  // Long enough (~150 scan positions) that the second scan is still running when Cancel is clicked.
  const text =
    "The cat sat on the mat. Everyone has the right to education; it shall be free, at least in the elementary and fundamental stages of life.";
  await app.open(
    `/${shareFragment({ text, lanes: [{ tokenizer: "cl100k_base", mode: "text" }], view: "lm" })}`,
  );
  await expect(page.getByTestId("bits-per-byte")).toBeVisible({ timeout: 60_000 });
  await page.getByTestId("token-lm-section").locator("summary").click();
  await page.getByRole("button", { name: /Scan the first/ }).click();
  await expect(page.getByTestId("bias-scan-job")).toHaveAttribute("data-status", "done", {
    timeout: 120_000,
  });
  await expect(page.getByTestId("bias-text").locator("span[data-tv]")).toHaveCount(text.length);
  await expect(page.getByTestId("bias-worst").locator("tbody tr")).toHaveCount(8);

  await page.getByRole("button", { name: /Scan the first/ }).click();
  await page.getByTestId("bias-scan-job-cancel").click();
  await expect(page.getByTestId("bias-scan-job")).toHaveAttribute("data-status", "cancelled");
});
