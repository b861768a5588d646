import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Tokenizer as HfTokenizer } from "@huggingface/tokenizers";
import { describe, expect, it } from "vitest";
import { BpeTextEncoder } from "../../src/core/bpe/text-encoder";
import { fromTokenizerJson } from "../../src/core/bpe/tokenizer-json";
import { UsageError } from "../cli/args";
import { bpeCommand } from "../cli/bpe-command";
import { readBrown } from "./brown-text";

describe("bpe train (CLI)", () => {
  const folder = mkdtempSync(join(tmpdir(), "bpe-cli-"));
  const corpus = join(folder, "corpus.txt");
  writeFileSync(corpus, readBrown(200_000));

  it.each([[[]], [["--superbpe", "700"]]])(
    "writes a tokenizer.json the library loads (%j)",
    async (extra) => {
      const out = join(folder, `tokenizer${extra.length}.json`);
      const summary = JSON.parse(
        await bpeCommand(["train", "--vocab", "900", ...extra, "--out", out, corpus]),
      ) as {
        vocabSize: number;
      };
      expect(summary.vocabSize).toBe(900);
      const json = JSON.parse(readFileSync(out, "utf8")) as object;
      const library = new HfTokenizer(json, {});
      const ours = new BpeTextEncoder(fromTokenizerJson(json));
      const text = readBrown(260_000).slice(200_000);
      expect(ours.encode(text)).toEqual(library.encode(text, { add_special_tokens: false }).ids);
    },
  );

  it("explains its usage", async () => {
    await expect(bpeCommand(["train", "--out", "x.json", corpus])).rejects.toThrow(UsageError);
    await expect(
      bpeCommand(["train", "--vocab", "900", "--superbpe", "1000", "--out", "x", corpus]),
    ).rejects.toThrow(/--superbpe/);
  });
});
