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

// Issue 13: a lane of a short text comes back from its worker as the changes from the version the page holds,
// which the page applies to its copy; after every keystroke the lane must equal a fresh encode.
test("typing in a short text patches every lane, equal to a fresh encode after each keystroke", async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  const declarations = readDeclarations();
  const text = ["eng", "rus", "hin"]
    .map((code) => declarations.find((d) => d.code === code)?.text.slice(0, 1500) ?? "")
    .join("\n<|endoftext|>\n");
  const lanes = ["o200k_base", "llama-3", "gemma-3", "bytes"];
  await app.open(
    `/${shareFragment({ text, lanes: lanes.map((tokenizer) => ({ tokenizer, mode: "text" })) })}`,
  );
  await app.waitIdle();
  const box = page.getByTestId("text-input");
  let edited = text;
  const expectLanesEqualFreshEncodes = async (step: string, specials = false) => {
    await expect.poll(() => box.inputValue()).toBe(edited);
    await app.waitIdle();
    const boundaries: Set<number>[] = [];
    for (const tokenizer of lanes) {
      const shown = await page.evaluate((id) => window.tokenprism!.laneTokens(id), tokenizer);
      const reference = (await loadTokenizer(tokenizer)).encode(edited, { parseSpecials: specials });
      expect(shown, `${tokenizer}, ${step}`).toEqual({
        ids: Array.from(reference.ids),
        starts: Array.from(reference.starts),
        ends: Array.from(reference.ends),
      });
      const length = reference.inputByteLength;
      boundaries.push(new Set(Array.from(reference.ends).filter((end) => end > 0 && end < length)));
    }
    // The diff of boundaries (updated from the last one after an edit) against sets of the fresh encodes' ends.
    const union = new Set(boundaries.flatMap((set) => [...set]));
    const shared = [...union].filter((offset) => boundaries.every((set) => set.has(offset))).length;
    await expect
      .poll(
        async () =>
          (await page.getByTestId("diff-summary").locator("strong").allTextContents()).map((t) =>
            Number(t.replace(/\D/g, "")),
          ),
        { message: step },
      )
      .toEqual([shared, union.size - shared]);
  };
  // Keystrokes in the middle of a Russian word, at the end of the Hindi, and a deletion before the special.
  const at = (position: number) =>
    box.evaluate((element, caret) => {
      const area = element as HTMLTextAreaElement;
      area.focus();
      area.setSelectionRange(caret, caret);
    }, position);
  const russian = text.indexOf(" ", text.indexOf("\n<|endoftext|>\n") + 40) - 2;
  await at(russian);
  await page.keyboard.type("ж");
  edited = edited.slice(0, russian) + "ж" + edited.slice(russian);
  await expectLanesEqualFreshEncodes("a letter inside a word");
  await at(edited.length);
  await page.keyboard.type(" ि1");
  edited += " ि1";
  await expectLanesEqualFreshEncodes("a sign and a digit at the end");
  const special = edited.indexOf("<|endoftext|>");
  await at(special);
  await page.keyboard.press("Backspace");
  edited = edited.slice(0, special - 1) + edited.slice(special);
  await expectLanesEqualFreshEncodes("a line break deleted");
  await page.getByRole("checkbox", { name: "Parse special tokens" }).check();
  await expectLanesEqualFreshEncodes("special tokens parsed", true);
  await at(special + 3);
  await page.keyboard.type("x");
  edited = edited.slice(0, special + 3) + "x" + edited.slice(special + 3);
  await expectLanesEqualFreshEncodes("a special token broken by a keystroke", true);
});
