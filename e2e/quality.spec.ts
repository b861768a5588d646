import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { shareFragment } from "../scripts/lib/share-link";
import { expect, test } from "./fixtures";

const require = createRequire(import.meta.url);
const WASM_HEAD = readFileSync(
  join(dirname(require.resolve("onnxruntime-web")), "ort-wasm-simd-threaded.wasm"),
).subarray(0, 3000);

/** A phone: the width the issue names (iPhone 12–15). */
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

const TEXT =
  "Tokenizers cut text differently: “naïve café” costs more in some scripts — नमस्ते दुनिया, Привет мир, 你好世界. 12345 + 0.5 = ?";

/** The views in their main states: how to reach each, and when it is ready. */
const VIEWS: { name: string; open(page: Page, theme: "light" | "dark"): Promise<void> }[] = [
  {
    name: "compare",
    async open(page, theme) {
      const lanes = [
        { tokenizer: "o200k_base", mode: "text" as const },
        { tokenizer: "cl100k_base", mode: "ids" as const },
        { tokenizer: "bytes", mode: "bytes" as const },
      ];
      await page.goto(`/${shareFragment({ theme, text: TEXT, lanes })}`);
      await expect(page.locator("body")).toHaveAttribute("data-status", "idle", { timeout: 60_000 });
      await expect(page.locator('[data-testid="lane"][data-status="ready"]')).toHaveCount(3, {
        timeout: 60_000,
      });
    },
  },
  {
    name: "chat, picker, Hub and ids → text",
    async open(page, theme) {
      const lanes = [
        { tokenizer: "o200k_base", mode: "text" as const },
        { tokenizer: "llama-3", mode: "ids" as const },
        { tokenizer: "bytes", mode: "text" as const },
      ];
      const chat = {
        messages: [
          { role: "system" as const, content: "You are terse." },
          { role: "user" as const, content: TEXT },
        ],
        addGenerationPrompt: true,
      };
      await page.goto(`/${shareFragment({ theme, lanes, input: "chat", chat })}`);
      await expect(page.locator("body")).toHaveAttribute("data-status", "idle", { timeout: 60_000 });
      await expect(page.locator('[data-testid="lane"][data-status="ready"]')).toHaveCount(2, {
        timeout: 60_000,
      });
      await expect(page.getByTestId("chat-summary")).toBeVisible();
      await page.getByText("Add from the Hugging Face Hub…").click();
      await page.getByTestId("decode-panel").locator("summary").click();
      await page.getByTestId("decode-ids").fill("[9906, 1917, 99999999]");
      await expect(page.getByTestId("decode-text")).toBeVisible();
      await page.getByTestId("model-search").fill("llama");
      await expect(page.getByRole("listbox")).toBeVisible();
    },
  },
  {
    name: "atlas",
    async open(page, theme) {
      await page.goto(
        `/${shareFragment({ theme, view: "atlas", atlas: { tokenizers: ["bytes", "graphemes"], langs: null, sort: "premium", query: "" } })}`,
      );
      await expect(page.getByTestId("atlas-status")).toHaveAttribute("data-state", "done", {
        timeout: 120_000,
      });
    },
  },
  {
    name: "byte-lm (surprisal, next byte, patches, byte vs token)",
    async open(page, theme) {
      await page.goto(`/${shareFragment({ theme, text: TEXT, view: "lm" })}`);
      await expect(page.getByTestId("bits-per-byte")).toBeVisible({ timeout: 60_000 });
      // Surprisal, then the next-byte bars at a caret, the patches, and the byte-vs-token section opened.
      await page.getByTestId("surprisal-char").nth(14).click();
      await expect(page.getByTestId("next-byte-bar").first()).toBeVisible({ timeout: 30_000 });
      await page.getByTestId("token-lm-section").locator("summary").click();
      await expect(page.getByTestId("dist-exact")).toBeVisible({ timeout: 90_000 });
    },
  },
  {
    name: "lab (training, sweep, mixture, experiment)",
    async open(page, theme) {
      await page.goto(`/${shareFragment({ theme, text: TEXT.repeat(20), view: "lab" })}`);
      await page.getByTestId("lab-corpus-current").click();
      await page.getByTestId("lab-vocab").fill("300");
      await page.getByTestId("lab-train-button").click();
      await expect(page.getByTestId("lab-trained")).toBeVisible({ timeout: 60_000 });
      // Every other panel after a run too: the SuperBPE sweep, mixture inference, the controlled experiment.
      const sweep = page.getByTestId("lab-sweep");
      await sweep.getByRole("button", { name: /Run sweep/ }).click();
      await expect(page.getByTestId("lab-sweep-result")).toBeVisible({ timeout: 90_000 });
      const categories = page.getByTestId("lab-categories");
      // Many lines: the controlled experiment splits each category into alternate lines.
      await categories
        .getByLabel("Text to add")
        .fill(Array.from({ length: 40 }, (_, i) => `${i}. ${TEXT}`).join("\n"));
      await categories.getByRole("button", { name: "Add pasted text" }).click();
      await categories.getByLabel("UDHR language").selectOption("de-1996");
      await categories.getByRole("button", { name: "Add language" }).click();
      await expect(categories.locator(".lab-list li")).toHaveCount(2, { timeout: 30_000 });
      await page.getByTestId("lab-mixture-run").click();
      await expect(page.getByTestId("lab-mixture").getByTestId("lab-mixture-result")).toBeVisible({
        timeout: 90_000,
      });
      await page.getByTestId("lab-experiment-run").click();
      await expect(page.getByTestId("lab-experiment").getByTestId("lab-mixture-result")).toBeVisible({
        timeout: 90_000,
      });
    },
  },
  {
    name: "binary (lab samples trained, Compare in binary mode)",
    async open(page, theme) {
      await page.goto(`/${shareFragment({ theme, view: "lab" })}`);
      await page.getByTestId("binary-samples").click();
      await expect(page.getByTestId("binary-file")).toHaveCount(24, { timeout: 30_000 });
      await page.getByTestId("binary-vocab").fill("300");
      await page.getByTestId("binary-train").click();
      await expect(page.getByTestId("binary-trained")).toBeVisible({ timeout: 60_000 });
      await page.getByRole("tab", { name: "Compare" }).click();
      await page.getByTestId("input-binary").click();
      // A fixed file: the first 3,000 bytes of onnxruntime-web's WebAssembly binary.
      await page.getByTestId("binary-mode-open").setInputFiles({
        name: "ort-head.wasm",
        mimeType: "application/wasm",
        buffer: WASM_HEAD,
      });
      await expect(page.getByTestId("hex-lane-binary-bpe")).not.toHaveAttribute("data-tokens", "", {
        timeout: 30_000,
      });
    },
  },
];

/** Serious and critical accessibility violations (axe-core, WCAG 2 A/AA rules), as readable lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
}

/**
 * Visual snapshots against the committed baselines (e2e/quality.spec.ts-snapshots, taken with the fonts that
 * scripts/bootstrap.mjs installs): a tolerance for anti-aliasing, none for a moved or missing part.
 */
const SNAPSHOT = { maxDiffPixelRatio: 0.01, threshold: 0.25, animations: "disabled", caret: "hide" } as const;

/**
 * At the end of the page, what the docked token card overlaps (it is a bottom sheet on phones: the page keeps
 * room for it below its content). Empty when it covers nothing.
 */
function cardCoversContent(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    window.scrollTo(0, document.documentElement.scrollHeight);
    const card = document.querySelector(".token-card")?.getBoundingClientRect();
    if (!card) return [];
    const main = document.querySelector(".compare-main, .app");
    const blocks = main ? [...main.children] : [];
    const covered = blocks.filter((element) => {
      const box = element.getBoundingClientRect();
      return box.height > 0 && box.bottom > card.top + 1 && box.top < card.bottom && box.right > card.left;
    });
    window.scrollTo(0, 0);
    return covered.map((element) => element.className || element.tagName);
  });
}

/** How far the page scrolls sideways (0 when nothing is wider than the window). */
function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

for (const view of VIEWS) {
  for (const scheme of ["light", "dark"] as const) {
    test(`${view.name} (${scheme}): no serious accessibility violation, and no sideways scroll on a phone`, async ({
      page,
      pageErrors,
    }) => {
      test.setTimeout(180_000);
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize(DESKTOP);
      await view.open(page, scheme);
      expect(await seriousViolations(page)).toEqual([]);
      const name = view.name.toLowerCase().replace(/[^a-z]+/g, "-");
      await page.evaluate(() => window.scrollTo(0, 0));
      await expect(page).toHaveScreenshot(`${name}-${scheme}-desktop.png`, SNAPSHOT);

      await page.setViewportSize(PHONE);
      await expect.poll(() => sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      expect(await seriousViolations(page)).toEqual([]);
      expect(await cardCoversContent(page)).toEqual([]);
      await page.evaluate(() => window.scrollTo(0, 0));
      await expect(page).toHaveScreenshot(`${name}-${scheme}-phone.png`, SNAPSHOT);
      expect(pageErrors).toEqual([]);
    });
  }
}
