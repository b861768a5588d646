import { execFileSync } from "node:child_process";
import { shareFragment } from "../scripts/lib/share-link";
import { expect, test } from "./fixtures";

function cliProbe(args: string[]): unknown {
  return JSON.parse(execFileSync("npx", ["tsx", "scripts/cli.ts", "probe", ...args], { encoding: "utf8" }));
}

test("the numbers and counting probes show, for every lane, what the CLI computes", async ({ app, page }) => {
  test.setTimeout(120_000);
  const lanes = ["cl100k_base", "qwen-3"].map((tokenizer) => ({ tokenizer, mode: "text" as const }));
  await app.open(`/${shareFragment({ text: "Invoice 1234567 paid on 2024-03-15.", lanes })}`);
  await app.waitIdle();
  await page.getByTestId("probes").locator("summary").first().click();

  for (const tokenizer of ["cl100k_base", "qwen-3"]) {
    const reference = cliProbe(["numbers", "--tokenizer", tokenizer]) as {
      numbers: { text: string; chunks: string[] }[];
      aligned_share: number;
      grouping: string;
    };
    const row = page.getByTestId("probe-numbers").locator(`tr[data-tokenizer="${tokenizer}"]`);
    await expect(row).toHaveAttribute("data-grouping", reference.grouping, { timeout: 30_000 });
    expect(Number(await row.getAttribute("data-aligned-share"))).toBeCloseTo(reference.aligned_share, 4);
    const shown = JSON.parse((await row.locator("[data-chunks]").first().getAttribute("data-chunks"))!);
    expect(shown).toEqual(reference.numbers.find((n) => n.text === "1234567")!.chunks);

    const counting = cliProbe(["count", "--tokenizer", tokenizer, "--letter", "r", "strawberry"]) as {
      spellings: { label: string; tokens_with_letter: number }[];
    };
    for (const spelling of counting.spellings) {
      await expect(
        page.locator(
          `[data-testid="probe-counting"] tr[data-tokenizer="${tokenizer}"][data-spelling="${spelling.label}"]`,
        ),
      ).toHaveAttribute("data-tokens-with-letter", String(spelling.tokens_with_letter));
    }
  }
});
