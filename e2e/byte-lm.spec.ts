import { execFileSync } from "node:child_process";
import { shareFragment } from "../scripts/lib/share-link";
import { expect, test } from "./fixtures";

function cli(args: string[], input?: string): string {
  return execFileSync("npx", ["tsx", "scripts/cli.ts", ...args], { input, encoding: "utf8" });
}

test("the byte LM scores a UDHR paragraph on WebAssembly, like the CLI, with a next-byte chart", async ({
  lm,
  page,
}) => {
  test.setTimeout(120_000);
  const paragraph = cli(["corpus", "udhr", "fr-fra"]).split("\n").slice(0, 6).join("\n").slice(0, 1200);
  await lm.open(paragraph);
  await expect(lm.backend).toHaveText("WebAssembly", { timeout: 60_000 });
  const bitsPerByte = lm.bitsPerByte;

  // The same model and windows in Node (the CLI) give the same figure.
  const reference = JSON.parse(cli(["lm", "surprisal", "-"], paragraph)) as { bits_per_byte: number };
  expect(Number(await bitsPerByte.textContent())).toBeCloseTo(reference.bits_per_byte, 2);

  // Every character is drawn with a colour; the first character's bits are the first byte's.
  const chars = lm.chars;
  expect(await chars.count()).toBe([...paragraph].length);
  const background = await chars.first().evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).not.toBe("rgba(0, 0, 0, 0)");
  // Pointing at a character gives its figures, with the byte where it starts.
  await chars.nth(40).hover();
  const startByte = Buffer.byteLength([...paragraph].slice(0, 40).join(""), "utf8");
  await expect(chars.nth(40)).toHaveAttribute(
    "title",
    new RegExp(`bits/byte over \\d byte\\(s\\) at byte ${startByte}$`),
  );

  // Clicking a character predicts the next byte: a chart of the 12 likeliest bytes and an entropy in bits.
  await chars.nth(10).click();
  await expect(page.getByTestId("next-byte-bar")).toHaveCount(12);
  const entropy = Number(await page.getByTestId("next-byte-entropy").textContent());
  expect(entropy).toBeGreaterThanOrEqual(0);
  expect(entropy).toBeLessThanOrEqual(8);

  // Entropy patches: the summary's mean equals bytes / patches.
  await expect(page.getByTestId("patch-summary")).toContainText("patches");
  await expect(page.getByTestId("token-costs").locator("tbody tr")).toHaveCount(1);
});

test("entropy patches appear as a lane in the comparison view, as many as the patching panel counts", async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  const text = cli(["corpus", "udhr", "en"]).slice(0, 800);
  const lanes = ["bytes", "byte-lm-patches"].map((tokenizer) => ({ tokenizer, mode: "text" as const }));
  await app.open(`/${shareFragment({ text, lanes })}`);
  await app.waitIdle(90_000);
  const patches = await app.tokenCount("byte-lm-patches");
  expect(patches).toBeGreaterThan(0);
  expect(patches).toBeLessThanOrEqual(await app.tokenCount("bytes"));

  await page.getByRole("tab", { name: "Byte LM" }).click();
  await expect(page.getByTestId("patch-summary")).toContainText(
    `${patches.toLocaleString("en-US")} patches`,
    {
      timeout: 60_000,
    },
  );
});
