import { shareFragment } from "../scripts/lib/share-link";
import { cliTokenCount } from "./engine-counts";
import { expect, test } from "./fixtures";

test("a BPE vocabulary runs without its merge list as a lane, and a token explains its merges", async ({
  app,
  page,
}) => {
  const text = "Antidisestablishmentarianism meets Donaudampfschifffahrtsgesellschaft.";
  const lanes = ["gpt-4o-json", "gpt-4o-json.least-tokens"].map((tokenizer) => ({
    tokenizer,
    mode: "text" as const,
  }));
  await app.open(`/${shareFragment({ text, lanes })}`);
  await app.waitIdle();
  const withMerges = await app.tokenCount("gpt-4o-json");
  expect(withMerges).toBe(cliTokenCount("o200k_base", text));
  const least = await app.tokenCount("gpt-4o-json.least-tokens");
  expect(least).toBeGreaterThan(0);
  expect(least).toBeLessThanOrEqual(withMerges);
  await expect(app.lane("gpt-4o-json.least-tokens")).toContainText("least tokens");

  await app.lane("gpt-4o-json").locator("[data-token]").first().hover();
  const explanation = page.getByTestId("merge-explanation");
  await expect(explanation).toBeVisible();
  await explanation.locator("summary").click();
  await expect(explanation).toContainText("With the fewest tokens");
});

test("a dynamic lane learns merges on the text: fewer tokens than its base, the CLI's count, merges listed", async ({
  app,
}) => {
  const text =
    "Tokenprism tokenizes Tokenprism. The Zygmunt–Wojciechowski theorem, the Zygmunt–Wojciechowski lemma and " +
    "Zygmunt–Wojciechowski again: Zygmunt–Wojciechowski!";
  const lanes = ["o200k_base", "o200k_base.dynamic-16"].map((tokenizer) => ({
    tokenizer,
    mode: "text" as const,
  }));
  await app.open(`/${shareFragment({ text, lanes })}`);
  await app.waitIdle();
  const dynamic = app.lane("o200k_base.dynamic-16");
  await expect(dynamic).toHaveAttribute(
    "data-token-count",
    String(cliTokenCount("o200k_base.dynamic-16", text)),
  );
  expect(await app.tokenCount("o200k_base.dynamic-16")).toBeLessThan(await app.tokenCount("o200k_base"));
  await expect(dynamic).toContainText(/Learned \d+ merges on this text/);
  await expect(dynamic).toContainText("Wojciech");
});
