import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { WORDPIECE_JSON } from "../scripts/lib/tiny-tokenizers";
import { expect, test } from "./fixtures";
import { ComparePage } from "./pages/compare-page";
import { shareFragment } from "../scripts/lib/share-link";

test("a dropped tokenizer.json becomes a lane", async ({ app, page }) => {
  await app.open();
  await app.setText("Hello worlds!");
  await app.waitIdle();
  await page.getByTestId("tokenizer-file-input").setInputFiles({
    name: "tiny-bert.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(WORDPIECE_JSON)),
  });
  await expect(page.getByTestId("notice")).toContainText("Added tiny-bert.json");
  const lane = page.locator('[data-testid="lane"][data-tokenizer^="custom-"]');
  await expect(lane).toHaveAttribute("data-status", "ready");
  await expect(lane).toHaveAttribute("data-token-count", "4"); // hello, world, ##s, !
});

test("a link's lane that waits for a dropped file is restored, not doubled, when the file is added again", async ({
  app,
  page,
}) => {
  const file = {
    name: "tiny-bert.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(WORDPIECE_JSON)),
  };
  await app.open();
  await app.setText("Hello worlds!");
  await app.waitIdle();
  await page.getByTestId("tokenizer-file-input").setInputFiles(file);
  const lane = page.locator('[data-testid="lane"][data-tokenizer^="custom-"]');
  await expect(lane).toHaveAttribute("data-status", "ready", { timeout: 20_000 });
  await page.getByTestId("copy-link").click();
  const link = await page.evaluate(() => window.location.href);

  // Another tab: the link names the file's lane, but the file is not here.
  const other = await page.context().newPage();
  await other.goto(link);
  const waiting = other.locator('[data-testid="lane"][data-tokenizer^="custom-"]');
  await expect(waiting).toHaveAttribute("data-status", "error");
  await other.getByTestId("tokenizer-file-input").setInputFiles(file);
  await expect(waiting).toHaveCount(1);
  await expect(waiting).toHaveAttribute("data-status", "ready", { timeout: 20_000 });
  await expect(waiting).toHaveAttribute("data-token-count", "4");
  await other.close();
});

test("a file that is not a tokenizer gets a clear message and changes nothing", async ({ app, page }) => {
  await app.open();
  await app.waitIdle();
  await page.getByTestId("tokenizer-file-input").setInputFiles({
    name: "notes.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"hello": "world"}'),
  });
  await expect(page.getByTestId("notice")).toContainText('no "model" object');
  await expect(app.lanes).toHaveCount(4);
});

test("an opened text file replaces the text; a binary one is refused", async ({ app, page }) => {
  await app.open();
  await page
    .getByTestId("text-file-input")
    .setInputFiles({ name: "hello.txt", mimeType: "text/plain", buffer: Buffer.from("héllo from a file") });
  await expect(app.textInput).toHaveValue("héllo from a file");
  await page.getByTestId("text-file-input").setInputFiles({
    name: "photo.png",
    mimeType: "image/png",
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]),
  });
  await expect(page.getByTestId("notice")).toContainText("binary");
  await expect(app.textInput).toHaveValue("héllo from a file");
});

test("a crashed worker is restarted and the request retried", async ({ app, page, pageErrors }) => {
  await app.open();
  await app.waitIdle();
  await page.evaluate(() => window.tokenprism!.crashWorkerOf("o200k_base"));
  await page.waitForTimeout(100); // let the crash happen (an event we provoke, not a state to wait on)
  await app.setText("after the crash");
  await app.waitIdle();
  await expect(app.lane("o200k_base")).toHaveAttribute("data-token-count", "3");
  // The provoked crash is reported by the browser (the worker's own uncaught error); nothing else may be.
  const unexpected = pageErrors.filter((message) => !message.includes("simulated worker crash"));
  pageErrors.length = 0;
  pageErrors.push(...unexpected);
});

test("a megabyte paste keeps the page responsive", async ({ app, page }) => {
  await app.open();
  await app.waitIdle();
  await page.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
    }).observe({ type: "longtask" });
  });
  const line = "Tokenizers split text into pieces; некоторые языки платят больше. 漢字も。\n";
  await app.setText(line.repeat(Math.ceil(1_000_000 / line.length)));
  // While the workers tokenize, the page still answers input.
  const toggle = page.getByLabel("Show whitespace");
  const started = Date.now();
  await toggle.check();
  expect(Date.now() - started).toBeLessThan(2000);
  await app.waitIdle(120_000);
  expect(await app.tokenCount("bytes")).toBeGreaterThan(1_000_000);
  const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
  expect(longest).toBeLessThan(1000);
});

test("a lane whose tokenizer file fails to load shows the error and a retry; the others carry on", async ({
  app,
  page,
}) => {
  let failing = true;
  await page.route(/tokenizer-[^/]*\.tpbpe$/, (route) =>
    failing ? route.fulfill({ status: 503, body: "unavailable" }) : route.fallback(),
  );
  await app.open("/");
  const lane = app.lane("llama-3");
  await expect(lane).toHaveAttribute("data-status", "error");
  await expect(lane.getByRole("alert")).toContainText("HTTP 503");
  await expect(app.lane("o200k_base")).toHaveAttribute("data-status", "ready");
  failing = false;
  await lane.getByRole("button", { name: "Retry" }).click();
  await expect(lane).toHaveAttribute("data-status", "ready");
  expect(await app.tokenCount("llama-3")).toBeGreaterThan(0);
});

test("a view too big for a link is offered as a file, which opens the same view again", async ({
  app,
  page,
}) => {
  // Random letters hardly compress: this text makes a link far over the budget.
  const text = String.fromCharCode(...randomBytes(50_000).map((byte) => 97 + (byte % 26)));
  const lanes = [
    { tokenizer: "o200k_base", mode: "text" as const },
    { tokenizer: "llama-2", mode: "ids" as const },
  ];
  await app.open(`/${shareFragment({ text: "short", lanes })}`);
  await app.setText(text);
  await app.waitIdle();
  await page.getByTestId("copy-link").click();
  await expect(page.getByTestId("notice")).toContainText("too big for a link");
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("download-state").click(),
  ]);
  expect(file.suggestedFilename()).toMatch(/\.tokenprism\.json$/);
  const saved = readFileSync((await file.path())!);

  const other = await page.context().newPage();
  const fresh = new ComparePage(other);
  await fresh.open(`/${shareFragment({ text: "other", lanes: [{ tokenizer: "bytes", mode: "text" }] })}`);
  await fresh.waitIdle();
  await other.getByTestId("text-file-input").setInputFiles({
    name: file.suggestedFilename(),
    mimeType: "application/json",
    buffer: saved,
  });
  await expect(other.getByTestId("notice")).toContainText("Opened the view saved in");
  await fresh.waitIdle();
  expect(await fresh.laneIds()).toEqual(["o200k_base", "llama-2"]);
  expect(await fresh.tokenCount("llama-2")).toBe(await app.tokenCount("llama-2"));
  await expect(fresh.lane("llama-2").locator("select")).toHaveValue("ids");
  await other.getByTestId("text-file-input").setInputFiles({
    name: "broken.tokenprism.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"format": "tokenprism-state", "version": 1, "state": {"text": 5}}'),
  });
  await expect(other.getByTestId("notice")).toContainText("not valid (at text)");
  await other.close();
});

test("a render error in one view shows its message and a reload, and the other views keep working", async ({
  app,
  page,
}) => {
  await app.open();
  await app.waitIdle();
  await page.evaluate(() => window.tokenprism!.failView("atlas", true));
  await page.getByRole("tab", { name: "Parity atlas" }).click();
  await expect(page.getByTestId("view-error")).toContainText("The parity atlas stopped with an error");
  await expect(page.getByTestId("view-error")).toContainText("A render error forced in the atlas view");
  await page.getByRole("tab", { name: "Compare" }).click();
  await expect(page.getByTestId("view-error")).toHaveCount(0);
  await expect(app.lanes.first()).toHaveAttribute("data-status", "ready");
  await page.getByRole("tab", { name: "Parity atlas" }).click();
  await expect(page.getByTestId("view-error")).toBeVisible();
  await page.evaluate(() => window.tokenprism!.failView("atlas", false));
  await page.getByRole("button", { name: "Reload this view" }).click();
  await expect(page.getByTestId("view-error")).toHaveCount(0);
  await expect(page.getByTestId("atlas-status")).toBeVisible();
});
