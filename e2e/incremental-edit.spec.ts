import { loadTokenizer } from "../scripts/lib/load-tokenizer";
import type { Encoding } from "../src/core/tokenizers/types";
import { readDeclarations } from "../scripts/lib/udhr-text";
import { shareFragment } from "../scripts/lib/share-link";
import { expect, test } from "./fixtures";

/** A fresh encode of the whole text by the same engine in Node (what the CLI prints). */
async function freshEncoding(tokenizer: string, text: string): Promise<Encoding> {
  return (await loadTokenizer(tokenizer)).encode(text);
}

// Issue 13: after an edit each lane re-encodes a window around it and splices it into its previous encoding;
// the result must be what a fresh encode of the whole edited text gives.
test("an edit in the middle of a 1 MB text updates every lane, equal to a fresh encode (ids and spans)", async ({
  app,
  page,
}) => {
  test.setTimeout(300_000);
  const declarations = readDeclarations();
  const sample = ["eng", "rus", "hin", "cmn_hans", "arb"]
    .map((code) => declarations.find((d) => d.code === code)?.text.slice(0, 4000) ?? "")
    .join("\n");
  const text = sample.repeat(Math.ceil(1_000_000 / new TextEncoder().encode(sample).length));
  const lanes = ["o200k_base", "cl100k_base", "llama-3", "qwen-3"];
  await app.open(
    `/${shareFragment({ text: "", lanes: lanes.map((tokenizer) => ({ tokenizer, mode: "text" })) })}`,
  );
  await app.setText(text);
  await app.waitIdle(180_000);

  await page.getByRole("button", { name: "Edit anyway" }).click();
  const box = page.getByTestId("text-input");
  // The caret in the middle of a word of the middle line, then typing (one re-encode per keystroke).
  const middle = text.indexOf(" ", Math.floor(text.length / 2)) - 2;
  await box.evaluate((element, at) => {
    const area = element as HTMLTextAreaElement;
    area.focus();
    area.setSelectionRange(at, at);
  }, middle);
  await page.keyboard.type("Zq 1");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("23");
  const edited = text.slice(0, middle) + "Zq 23" + text.slice(middle);
  await expect.poll(() => box.inputValue().then((value) => value === edited)).toBe(true);
  await app.waitIdle(180_000);

  for (const tokenizer of lanes) {
    const shown = await page.evaluate((id) => window.tokenprism!.laneTokens(id), tokenizer);
    const reference = await freshEncoding(tokenizer, edited);
    expect(shown, tokenizer).not.toBeNull();
    expect(shown!.ids.length, tokenizer).toBe(reference.ids.length);
    // The first token that differs (ids or spans), or -1; compared in a loop (toEqual on 300,000 tokens is slow).
    const firstDifference = Array.from(reference.ids).findIndex(
      (id, i) =>
        id !== shown!.ids[i] ||
        reference.starts[i] !== shown!.starts[i] ||
        reference.ends[i] !== shown!.ends[i],
    );
    expect(firstDifference, tokenizer).toBe(-1);
  }
});
