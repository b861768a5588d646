import { expect, test } from "./fixtures";
import { cliTokenCount } from "./engine-counts";

test("the per-script table splits the text by script and marks a script's runs on hover", async ({
  app,
  page,
}) => {
  await app.open("/");
  const latin = "Human rights for all. ";
  const devanagari = "सभी मनुष्यों को गौरव और अधिकारों के मामले में जन्मजात स्वतन्त्रता प्राप्त है।";
  await app.setText(latin + devanagari);
  await app.waitIdle();
  const panel = page.getByTestId("script-panel");
  await expect(panel.getByTestId("script-row")).toHaveCount(2);

  // The bytes lane costs exactly one token per byte in every script.
  const devanagariRow = panel.locator('[data-testid="script-row"][data-script="Devanagari"]');
  await expect(devanagariRow.locator('td[data-tokenizer="bytes"]')).toHaveText("1.00");
  await expect(devanagariRow.locator("td").first()).toHaveText(
    new TextEncoder().encode(devanagari).length.toLocaleString("en-US"),
  );

  // Token counts per script add up to the lane's total, which matches the CLI.
  await page.getByRole("combobox", { name: "Show" }).selectOption("tokens");
  const cells = panel.locator('td[data-tokenizer="cl100k_base"]');
  const perScript = (await cells.allTextContents()).map((t) => Number(t.replace(/\D/g, "")));
  expect(perScript.reduce((a, b) => a + b, 0)).toBe(cliTokenCount("cl100k_base", latin + devanagari));

  await devanagariRow.hover();
  const marks = page.getByTestId("script-mark");
  await expect(marks).toHaveCount(1);
  await expect(marks.first()).toContainText("सभी मनुष्यों");
  await expect(page.getByTestId("script-chart").locator('rect[data-group="Devanagari"]')).toHaveCount(4);
  await page.mouse.move(0, 0);
  await expect(marks).toHaveCount(0);
});
