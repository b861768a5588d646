import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { readDeclarations } from "../scripts/lib/udhr-text";
import { expect, test } from "./fixtures";

const require = createRequire(import.meta.url);
const dir = mkdtempSync(join(tmpdir(), "binary-e2e-"));

function cli(args: string[]): string {
  return execFileSync("npx", ["tsx", "scripts/cli.ts", ...args], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
}

/** Real files of three kinds: PNG screenshots (Chromium's encoder), gzip (node's zlib), WebAssembly slices. */
async function makeFiles(page: Page): Promise<{ name: string; path: string }[]> {
  const files: { name: string; bytes: Buffer }[] = [];
  await page.setContent("<p style='font:20px serif'>Binary BPE: bytes without pre-tokenization.</p>");
  for (let i = 0; i < 5; i++)
    files.push({
      name: `shot-${i}.png`,
      bytes: await page.screenshot({ clip: { x: 0, y: 0, width: 60 + 20 * i, height: 40 } }),
    });
  readDeclarations()
    .slice(0, 5)
    .forEach((d, i) => files.push({ name: `udhr-${i}.gz`, bytes: gzipSync(d.text.slice(0, 4000)) }));
  const wasm = readFileSync(join(dirname(require.resolve("onnxruntime-web")), "ort-wasm-simd-threaded.wasm"));
  for (let i = 0; i < 5; i++)
    files.push({
      name: `ort-${i}.wasm`,
      bytes: wasm.subarray(i === 0 ? 0 : i * 200_000, i * 200_000 + 24_000),
    });
  return files.map(({ name, bytes }) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return { name, path };
  });
}

test("binary BPE in the lab: trained on raw bytes, its tokenizer.json and held-out counts equal the CLI's", async ({
  app,
  lab,
  page,
}) => {
  test.setTimeout(180_000);
  const files = await makeFiles(page);
  await app.open("/");
  await lab.show();
  await page.getByTestId("binary-open").setInputFiles(files.map((f) => f.path));
  const rows = page.getByTestId("binary-file");
  await expect(rows).toHaveCount(files.length);
  // Kinds come from the bytes (a WebAssembly slice without the magic number is "other").
  await expect(rows.filter({ hasText: "shot-0.png" })).toContainText("png");
  await expect(rows.filter({ hasText: "udhr-0.gz" })).toContainText("gzip");
  await expect(rows.filter({ hasText: "ort-0.wasm" })).toContainText("wasm");
  await expect(rows.filter({ hasText: "ort-1.wasm" })).toContainText("other");

  await page.getByTestId("binary-vocab").fill("700");
  await page.getByTestId("binary-train").click();
  await expect(page.getByTestId("binary-trained")).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId("binary-trained-vocab")).toHaveText("700");

  const heldOut = new Set<string>();
  for (const row of await rows.all())
    if ((await row.getAttribute("data-held-out")) === "true")
      heldOut.add((await row.getAttribute("data-name"))!);
  expect([...heldOut].sort()).toEqual(["ort-2.wasm", "shot-1.png", "udhr-1.gz"]);

  // The exported tokenizer.json equals the CLI's, trained on the same (non-held-out) files.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("binary-export").click(),
  ]);
  const exported = JSON.parse(readFileSync((await download.path())!, "utf8")) as unknown;
  const cliJson = join(dir, "cli.json");
  cli([
    "bpe",
    "train",
    "--binary",
    "--vocab",
    "700",
    "--out",
    cliJson,
    ...files.filter((f) => !heldOut.has(f.name)).map((f) => f.path),
  ]);
  expect(exported).toEqual(JSON.parse(readFileSync(cliJson, "utf8")));

  // Held-out tokens per kind = the CLI's token counts on those files.
  const kindOf: Record<string, string> = { "shot-1.png": "png", "udhr-1.gz": "gzip", "ort-2.wasm": "other" };
  for (const name of heldOut) {
    const file = files.find((f) => f.name === name)!;
    const { ids } = JSON.parse(cli(["tokenize", "--binary", "--tokenizer", cliJson, file.path])) as {
      ids: number[];
    };
    const row = page.getByTestId("binary-report").locator(`tr[data-kind="${kindOf[name]}"]`);
    await expect(row).toHaveAttribute("data-held-out-tokens", String(ids.length));
    await expect(row).toHaveAttribute("data-held-out-bytes", String(readFileSync(file.path).length));
  }

  // The hex view shows a held-out file in the bytes lane and the binary BPE lane, counts from the CLI.
  const picker = page.getByTestId("binary-view-file");
  await picker.selectOption(
    (await picker.locator("option", { hasText: "udhr-1.gz" }).getAttribute("value"))!,
  );
  const gz = files.find((f) => f.name === "udhr-1.gz")!;
  const { ids, spans } = JSON.parse(cli(["tokenize", "--binary", "--tokenizer", cliJson, gz.path])) as {
    ids: number[];
    spans: [number, number][];
  };
  const bpeLane = page.getByTestId("hex-lane-binary-bpe");
  await expect(bpeLane).toHaveAttribute("data-tokens", String(ids.length));
  await expect(page.getByTestId("hex-lane-bytes")).toHaveAttribute(
    "data-tokens",
    String(readFileSync(gz.path).length),
  );
  const first = bpeLane.locator(".hex-token").first();
  await expect(first).toHaveAttribute("data-end", String(spans[0]![1]));
  await expect(first).toHaveText(
    [...readFileSync(gz.path).subarray(0, spans[0]![1])]
      .map((b) => b.toString(16).toUpperCase().padStart(2, "0"))
      .join(" "),
  );
});

test("samples the page makes train a binary BPE; binary mode opens a file the text box refuses", async ({
  app,
  lab,
  page,
}) => {
  test.setTimeout(180_000);
  await app.open("/");
  await lab.show();
  await page.getByTestId("binary-samples").click();
  const rows = page.getByTestId("binary-file");
  await expect(rows).toHaveCount(24, { timeout: 30_000 });
  for (const kind of ["png", "gzip", "wasm"]) await expect(rows.filter({ hasText: kind })).toHaveCount(8);
  await page.getByTestId("binary-vocab").fill("600");
  await page.getByTestId("binary-train").click();
  await expect(page.getByTestId("binary-trained")).toBeVisible({ timeout: 90_000 });
  // The panel with its results: no serious accessibility violation.
  const axe = await new AxeBuilder({ page })
    .include('[data-testid="lab-binary"]')
    .withTags(["wcag2a", "wcag2aa"])
    .analyze();
  expect(
    axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id),
  ).toEqual([]);
  const report = page.getByTestId("binary-report");
  for (const kind of ["png", "gzip", "wasm", "all"]) {
    const row = report.locator(`tr[data-kind="${kind}"]`);
    await expect(row).toBeVisible();
    expect(Number(await row.getAttribute("data-held-out-tokens"))).toBeGreaterThan(0);
  }

  // A binary file dropped on the text box is refused as text, and opens as bytes from the message.
  await page.getByRole("tab", { name: "Compare" }).click();
  const png = Buffer.from(await page.screenshot({ clip: { x: 0, y: 0, width: 30, height: 30 } }));
  await page
    .getByTestId("text-file-input")
    .setInputFiles({ name: "picture.png", mimeType: "image/png", buffer: png });
  await expect(page.getByTestId("notice")).toContainText("binary");
  await page.getByTestId("notice-action").click();
  await expect(page.getByTestId("binary-mode")).toBeVisible();
  await expect(page.getByTestId("binary-mode-file")).toContainText("picture.png · png");
  await expect(page.getByTestId("hex-lane-bytes")).toHaveAttribute("data-tokens", String(png.length));
  const bpe = page.getByTestId("hex-lane-binary-bpe");
  await expect(bpe).not.toHaveAttribute("data-tokens", "");
  expect(Number(await bpe.getAttribute("data-tokens"))).toBeLessThan(png.length);
  // The PNG signature is the file's first bytes, in hex.
  await expect(page.getByTestId("hex-lane-bytes").locator(".hex-token").first()).toHaveText("89");
});
