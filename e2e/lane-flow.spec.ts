import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Locator } from "@playwright/test";
import { readBrown } from "../scripts/lib/brown-text";
import { shareFragment } from "../scripts/lib/share-link";
import { expect, test } from "./fixtures";

type Mode = "text" | "ids" | "bytes";

/** Byte spans of a text by the CLI (the engine the lanes run). */
function cliSpans(tokenizer: string, text: string): [number, number][] {
  const file = join(mkdtempSync(join(tmpdir(), "flow-")), "text.txt");
  writeFileSync(file, text);
  const out = execFileSync("npx", ["tsx", "scripts/cli.ts", "tokenize", "--tokenizer", tokenizer, file], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return (JSON.parse(out) as { spans: [number, number][] }).spans;
}

/**
 * Rows of a lane body as the browser laid them out: every token's fragments (a token wrapped across two rows has
 * two), grouped by their top edge. Returns the rows that end early: where the next row's first fragment would
 * have fitted in the room left at the row's end.
 */
async function rowsEndingEarly(
  body: Locator,
  mode: Mode,
): Promise<{ rows: number; blocks: number; early: string[] }> {
  return body.evaluate((element, chips) => {
    const content = element.querySelector(".lane-canvas")!.getBoundingClientRect();
    const fragments: { top: number; left: number; right: number; token: string }[] = [];
    for (const token of element.querySelectorAll("[data-token]"))
      for (const rect of token.getClientRects())
        if (rect.width > 0)
          fragments.push({
            top: Math.round(rect.top),
            left: rect.left,
            right: rect.right,
            token: token.textContent ?? "",
          });
    fragments.sort((a, b) => a.top - b.top || a.left - b.left);
    const rows: (typeof fragments)[] = [];
    for (const f of fragments) {
      const row = rows.at(-1);
      if (row && Math.abs(row[0]!.top - f.top) < 4) row.push(f);
      else rows.push([f]);
    }
    const early: string[] = [];
    for (let r = 0; r + 1 < rows.length; r++) {
      const end = Math.max(...rows[r]!.map((f) => f.right));
      const next = rows[r + 1]!;
      // What has to fit: a chip; in text, the next row's first word (its fragments up to a token that starts
      // with a space, where the browser may break again).
      let width = next[0]!.right - next[0]!.left;
      let word = next[0]!.token;
      for (let k = 1; !chips && k < next.length && !/^\s/.test(next[k]!.token); k++) {
        width += next[k]!.right - next[k]!.left;
        word += next[k]!.token;
      }
      // Chips keep a small margin; a text row may end in a hanging space.
      if (end + width + 6 < content.right)
        early.push(
          `row ${r} ends at ${Math.round(end)} of ${Math.round(content.right)}; "${word}" would fit`,
        );
    }
    return { rows: rows.length, blocks: element.querySelectorAll(".lane-block").length, early };
  }, mode !== "text");
}

test("a 3,000-character paragraph flows like text in every mode: a row ends only where the next token does not fit", async ({
  page,
}) => {
  const paragraph = readBrown(6000).replace(/\s+/g, " ").slice(0, 3000);
  const lanes = (["text", "ids", "bytes"] as Mode[]).map((mode, i) => ({
    tokenizer: ["o200k_base", "llama-3", "bytes"][i]!,
    mode,
  }));
  await page.goto(`/${shareFragment({ text: paragraph, lanes })}`);
  await expect(page.locator('[data-testid="lane"][data-status="ready"]')).toHaveCount(3, { timeout: 60_000 });
  for (const { tokenizer, mode } of lanes) {
    const body = page.locator(`[data-testid="lane"][data-tokenizer="${tokenizer}"] .lane-body`);
    // Tall enough to hold the paragraph, so that every row is drawn.
    await body.evaluate((element) => {
      (element as HTMLElement).style.maxHeight = "none";
    });
    await expect(body.locator("[data-token]").first()).toBeVisible();
    const { rows, blocks, early } = await rowsEndingEarly(body, mode);
    expect(blocks, `${tokenizer} (${mode}): one block for one paragraph`).toBe(1);
    expect(rows, `${tokenizer} (${mode}) wraps onto several rows`).toBeGreaterThan(3);
    expect(early, `${tokenizer} (${mode})`).toEqual([]);
  }
});

test("lanes scroll together: scrolling one brings the same bytes to the top of the others; off, they stay", async ({
  page,
}) => {
  const lines = Array.from(
    { length: 400 },
    (_, i) => `Line ${i}: the quick brown fox jumps over the lazy dog.`,
  );
  const text = lines.join("\n");
  const lanes = [
    { tokenizer: "o200k_base", mode: "text" as const },
    { tokenizer: "cl100k_base", mode: "ids" as const },
    { tokenizer: "bytes", mode: "bytes" as const },
  ];
  await page.goto(`/${shareFragment({ text, lanes })}`);
  await expect(page.locator('[data-testid="lane"][data-status="ready"]')).toHaveCount(3, { timeout: 60_000 });
  const spans = Object.fromEntries(lanes.map((l) => [l.tokenizer, cliSpans(l.tokenizer, text)]));
  const body = (id: string) => page.locator(`[data-testid="lane"][data-tokenizer="${id}"] .lane-body`);
  /** The byte offset of the first token at the top edge of a lane (from the CLI's spans). */
  const topByte = async (id: string) => {
    const token = await body(id).evaluate((element) => {
      const top = element.getBoundingClientRect().top;
      for (const t of element.querySelectorAll("[data-token]"))
        if (t.getBoundingClientRect().bottom > top + 2)
          return (
            Number(t.closest("[data-first]")!.getAttribute("data-first")) +
            Number(t.getAttribute("data-token"))
          );
      return -1;
    });
    return spans[id]![token]![0];
  };

  await body("o200k_base").evaluate((element) => element.scrollTo({ top: 3000 }));
  const target = text.indexOf("\n", 0) + 1; // one line's bytes (ASCII): the tolerance
  await expect.poll(async () => (await body("bytes").evaluate((e) => e.scrollTop)) > 0).toBe(true);
  const anchor = await topByte("o200k_base");
  expect(anchor).toBeGreaterThan(1000);
  for (const id of ["cl100k_base", "bytes"])
    await expect
      .poll(async () => Math.abs((await topByte(id)) - anchor), { message: id })
      .toBeLessThanOrEqual(target);

  // Off: the other lanes stay where they are.
  await page.getByLabel("Scroll lanes together").uncheck();
  const before = await body("bytes").evaluate((e) => e.scrollTop);
  await body("o200k_base").evaluate((element) => element.scrollTo({ top: 100 }));
  await page.waitForTimeout(300);
  expect(await body("bytes").evaluate((e) => e.scrollTop)).toBe(before);
});

test("a lane can be made taller by dragging its handle or with the arrow keys", async ({ page }) => {
  const text = Array.from({ length: 200 }, (_, i) => `Row ${i} of a long text.`).join("\n");
  await page.goto(`/${shareFragment({ text, lanes: [{ tokenizer: "o200k_base", mode: "text" }] })}`);
  await expect(page.locator('[data-testid="lane"][data-status="ready"]')).toHaveCount(1, { timeout: 60_000 });
  const body = page.locator(".lane-body").first();
  const handle = page.getByTestId("lane-resize").first();
  await handle.scrollIntoViewIfNeeded();
  const start = (await body.boundingBox())!.height;
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + 200, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await body.boundingBox())!.height).toBeGreaterThan(start + 150);
  const dragged = (await body.boundingBox())!.height;
  await handle.focus();
  await page.keyboard.press("ArrowUp");
  await expect
    .poll(async () => Math.round((await body.boundingBox())!.height))
    .toBe(Math.round(dragged - 40));
});
