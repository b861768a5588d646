import { expect, test } from "./fixtures";

test("shows a token count for the default text", async ({ app }) => {
  await app.open();
  await app.waitIdle();
  expect(await app.tokenCount()).toBeGreaterThan(10);
});

test("re-tokenizes typed text in a worker, counting as tiktoken does", async ({ app }) => {
  await app.open();
  await app.textInput.fill("hello world");
  await app.waitIdle();
  // o200k_base: "hello" + " world" (tiktoken gives [24912, 2375]).
  await expect.poll(() => app.tokenCount()).toBe(2);
});

test("loads a tokenizer.json lane from the bundled assets", async ({ app, page }) => {
  await app.open();
  await page.getByTestId("lane-select").selectOption("llama-2");
  await app.textInput.fill("Hello world");
  await app.waitIdle();
  await expect.poll(() => app.tokenCount()).toBe(2);
});
