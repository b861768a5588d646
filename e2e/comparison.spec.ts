import { decodeShareState } from "../src/core/url-state/share-state";
import { cliTokenCount, cliTokenIds } from "./engine-counts";
import { expect, test } from "./fixtures";

const MULTILINGUAL =
  "Hello, world! Grüße aus München. Привет, мир! नमस्ते दुनिया। 你好，世界！ مرحبا بالعالم 👩‍💻 ١٢٣ 1234567";

test("opens with a multilingual sample and the default lanes", async ({ app }) => {
  await app.open();
  await app.waitIdle();
  expect(await app.laneIds()).toEqual(["o200k_base", "cl100k_base", "llama-3", "bytes"]);
  await expect(app.textInput).toHaveValue(/नमस्ते|सभी/);
  for (const id of await app.laneIds()) expect(await app.tokenCount(id)).toBeGreaterThan(50);
  await expect(app.lanes.first()).toHaveAttribute("data-status", "ready");
});

test("each lane counts pasted multilingual text exactly as the engine's CLI does", async ({ app, page }) => {
  await app.open();
  await app.textInput.fill(MULTILINGUAL);
  await app.waitIdle();
  for (const id of await app.laneIds()) {
    await expect(app.lane(id)).toHaveAttribute("data-token-count", String(cliTokenCount(id, MULTILINGUAL)));
  }
  await expect(page.getByTestId("summary-row")).toHaveCount(4);
});

test("hovering a token lights up the same bytes in every lane and shows its card", async ({ app, page }) => {
  await app.open();
  await app.setText("internationalization matters");
  await app.waitIdle();
  await app.lane("bytes").locator("[data-token]").nth(3).hover();
  const card = page.getByTestId("token-card");
  await expect(card).toContainText("UTF-8 bytes");
  await expect(card).toContainText("[3, 4)");
  for (const id of ["o200k_base", "cl100k_base", "llama-3"]) {
    await expect(app.lane(id).locator(".tok.hl")).toHaveCount(1);
  }
});

test("in whitespace mode every invisible character is a visible mark that can be hovered", async ({
  app,
  page,
}) => {
  await app.open();
  await app.setText("a\u200bb\ufeffc\u00add\u2009e");
  await page.getByLabel("Show whitespace").check();
  await app.waitIdle();
  const bytes = app.lane("bytes");
  // The bytes lane has one token per byte; the first byte of U+200B (E2 80 8B) is token 1.
  const zwsp = bytes.locator('[data-token="1"]');
  await expect(zwsp).toHaveText("‹ZWSP›");
  const box = await zwsp.boundingBox();
  expect(box!.width).toBeGreaterThan(10);
  await zwsp.hover();
  await expect(page.getByTestId("token-card")).toContainText("byte range[1, 2)");
  for (const mark of ["‹BOM›", "‹SHY›", "‹U+2009›"]) await expect(bytes).toContainText(mark);
  await expect(app.lane("o200k_base")).toContainText("‹ZWSP›");
});

test("the keyboard moves the selection and the card follows", async ({ app, page }) => {
  await app.open();
  await app.setText("one two three");
  await app.waitIdle();
  await app.lane("o200k_base").locator(".lane-body").focus();
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("token-card")).toContainText("token 2 of 3");
  await expect(page.getByTestId("card-id")).toHaveText(String(cliTokenIds("o200k_base", "one two three")[1]));
});

test("a permalink reopens the exact view in a new page", async ({ app, page, context }) => {
  await app.open();
  await app.setText("Share me: ünïcödé, 𝔘𝔫𝔦, and <|endoftext|>");
  await app.addLane("gemma-3");
  await app.lane("cl100k_base").getByRole("combobox").selectOption("bytes");
  await app
    .lane("cl100k_base")
    .getByRole("button", { name: /Move .* up/ })
    .click();
  await page.getByLabel("Parse special tokens").check();
  await app.waitIdle();
  await page.getByTestId("copy-link").click();
  await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#v1\./);
  const url = page.url();

  const second = await context.newPage();
  await second.goto(url);
  const reopened = new (app.constructor as new (p: typeof second) => typeof app)(second);
  await reopened.waitIdle();
  expect(await reopened.laneIds()).toEqual(["cl100k_base", "o200k_base", "llama-3", "bytes", "gemma-3"]);
  await expect(reopened.textInput).toHaveValue("Share me: ünïcödé, 𝔘𝔫𝔦, and <|endoftext|>");
  await expect(reopened.lane("cl100k_base").getByRole("combobox")).toHaveValue("bytes");
  await expect(second.getByLabel("Parse special tokens")).toBeChecked();
  for (const id of ["o200k_base", "gemma-3"]) {
    expect(await reopened.tokenCount(id)).toBe(await app.tokenCount(id));
  }
});

test("a malformed link opens the default view with a clear message", async ({ app, page }) => {
  await app.open("/#v1.this-is-not-a-real-link!!");
  await expect(page.getByTestId("notice")).toContainText("damaged");
  await app.waitIdle();
  expect(await app.laneIds()).toEqual(["o200k_base", "cl100k_base", "llama-3", "bytes"]);
});

test("a link from a future version is refused politely", async ({ app, page }) => {
  await app.open("/#v7.AAAA");
  await expect(page.getByTestId("notice")).toContainText("newer version");
  await app.waitIdle();
  expect(await app.tokenCount("o200k_base")).toBeGreaterThan(0);
});

test("text from a link is shown as text, never as HTML", async ({ app, page }) => {
  await app.open();
  await app.setText('<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>');
  await app.waitIdle();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator(".lane img, .lane script")).toHaveCount(0);
});

test("fits a 390-pixel-wide phone screen without sideways scrolling", async ({ app, page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await app.open();
  await app.waitIdle();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("the theme toggle cycles system → light → dark and is kept in the link", async ({ app, page }) => {
  await app.open();
  const toggle = page.getByTestId("theme-toggle");
  // The link is rewritten after a debounce: read the theme it carries, not just that it exists.
  const linkedTheme = async () => {
    const decoded = decodeShareState(await page.evaluate(() => window.location.hash));
    return decoded.ok ? decoded.state.theme : undefined;
  };
  await toggle.click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await expect.poll(linkedTheme).toBe("light");
  await toggle.click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect.poll(linkedTheme).toBe("dark");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
});
