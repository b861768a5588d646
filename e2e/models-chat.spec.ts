import { encode as o200kEncode } from "gpt-tokenizer/encoding/o200k_base";
import { cliChatIds, cliTokenIds } from "./engine-counts";
import { expect, test } from "./fixtures";

test("the model picker finds models by loose name, adds their tokenizer once and focuses a shown one", async ({
  app,
  page,
}) => {
  await app.open();
  await app.waitIdle();
  const search = page.getByTestId("model-search");
  await search.fill("qwen3 8b");
  await expect(page.locator('[role="option"]').first()).toContainText("Qwen3 8B");
  await search.press("Enter");
  await expect(app.lane("qwen-3")).toHaveCount(1);
  // GPT-4o uses o200k_base, already shown: no second lane, its lane gets the focus.
  await search.fill("gpt4o");
  await search.press("ArrowDown");
  await search.press("ArrowUp");
  await search.press("Enter");
  await expect(page.getByText("GPT-4o is already shown")).toBeVisible();
  await expect(app.lane("o200k_base")).toBeFocused();
  expect((await app.laneIds()).filter((id) => id === "o200k_base")).toHaveLength(1);
  // The encodings stay reachable, and a search with no match says so.
  await search.fill("p50k");
  await expect(
    page.locator('[role="option"][data-kind="tokenizer"][data-tokenizer="p50k_base"]'),
  ).toBeVisible();
  await search.fill("zzzz");
  await expect(page.getByText("Nothing matches")).toBeVisible();
});

const MESSAGES = [
  { role: "system", content: "Answer in one word." },
  { role: "user", content: "Capital of France? <|eot_id|> stays text? No: specials are parsed." },
];

test("chat mode renders each lane's template, counts per message and travels in the link", async ({
  app,
  page,
}) => {
  await app.open();
  await app.waitIdle();
  await app.addLane("llama-2");
  await page.getByTestId("input-chat").click();
  await page.getByRole("textbox", { name: "Message 1" }).fill(MESSAGES[0]!.content);
  await page.getByRole("textbox", { name: "Message 2" }).fill(MESSAGES[1]!.content);
  await app.waitIdle();
  for (const [lane, model] of [
    ["llama-3", "llama-3-8b-instruct"],
    ["o200k_base", "gpt-4o"],
    ["cl100k_base", "gpt-4"],
    ["llama-2", "llama-2-7b-chat"],
  ] as const) {
    const expected = await cliChatIds(model, MESSAGES);
    await expect(app.lane(lane)).toHaveAttribute("data-token-count", String(expected.ids.length));
  }
  await expect(app.lane("bytes").getByTestId("no-chat-format")).toContainText("no chat format");
  // Template tokens are drawn as specials.
  await expect(app.lane("llama-3").locator(".tok.special").first()).toBeVisible();
  const table = page.getByTestId("chat-summary");
  await expect(table.locator("tbody tr")).toHaveCount(4);
  // Without the generation prompt the lanes re-encode.
  await page.getByLabel("Add generation prompt").uncheck();
  await app.waitIdle();
  await expect(app.lane("o200k_base")).toHaveAttribute(
    "data-token-count",
    String((await cliChatIds("gpt-4o", MESSAGES, false)).ids.length),
  );
  // Reorder, remove and add messages.
  await page.getByRole("button", { name: "Move message 2 up" }).click();
  await expect(page.getByRole("textbox", { name: "Message 1" })).toHaveValue(MESSAGES[1]!.content);
  await page.getByRole("button", { name: "Add message" }).click();
  await expect(page.getByTestId("chat-message")).toHaveCount(3);
  await page.getByRole("button", { name: "Remove message 3" }).click();
  await expect(page.getByTestId("chat-message")).toHaveCount(2);

  // The conversation travels in the link.
  await page.getByRole("button", { name: "Move message 1 down" }).click();
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page).toHaveURL(/#v1\./);
  const url = page.url();
  const other = await page.context().newPage();
  await other.goto(url);
  await expect(other.getByRole("textbox", { name: "Message 2" })).toHaveValue(MESSAGES[1]!.content);
  await expect(other.getByLabel("Add generation prompt")).not.toBeChecked();
  await other.close();
});

test("a lane's ids copy as JSON, and ids turn back into text with unknown ids named", async ({
  app,
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await app.open();
  const text = "Ids ⇄ text: naïve café 👩‍💻";
  await app.setText(text);
  await app.waitIdle();
  await app.lane("llama-3").getByTestId("copy-ids").click();
  const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as number[];
  expect(copied).toEqual(cliTokenIds("llama-3", text));

  const panel = page.getByTestId("decode-panel");
  await panel.locator("summary").click();
  await panel.getByTestId("decode-tokenizer").selectOption("o200k_base");
  // Ids from gpt-tokenizer (an independent encoder), plus one id no vocabulary has.
  const ids = o200kEncode(text);
  await panel.getByTestId("decode-ids").fill(JSON.stringify([...ids, 987654321]));
  await expect(panel.getByTestId("decode-text")).toHaveText(text);
  await expect(panel.getByRole("alert")).toContainText("987654321");
  await expect(panel.locator(".decode-tokens li")).toHaveCount(ids.length);
  await panel.getByTestId("decode-ids").fill("1, 2, three");
  await expect(panel.getByRole("alert")).toContainText("item 3");
});

test("the text's length is given in characters, bytes and UTF-16 units", async ({ app, page }) => {
  await app.open();
  await app.setText("é👍🏽 x");
  await expect(page.getByTestId("text-length")).toHaveText(
    "4 characters · 12 bytes (UTF-8) · 7 UTF-16 units",
  );
});
