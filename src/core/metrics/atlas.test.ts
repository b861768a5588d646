import { describe, expect, it } from "vitest";
import { buildUdhrCorpus, loadUdhrCorpus } from "../../../scripts/build-udhr-corpus";
import { atlasCommand } from "../../../scripts/cli/atlas-command";
import { loadTokenizer } from "../../../scripts/lib/load-tokenizer";
import { findDeclaration, REFERENCE_LANG } from "../corpus/udhr-corpus";
import { atlasRows } from "./atlas";
import { textCounts } from "./text-counts";

describe("the UDHR corpus", () => {
  it("has several hundred declarations across dozens of scripts, without markup", () => {
    const corpus = buildUdhrCorpus();
    expect(corpus.declarations.length).toBeGreaterThan(400);
    expect(new Set(corpus.declarations.map((d) => d.script)).size).toBeGreaterThan(25);
    expect(new Set(corpus.declarations.map((d) => d.lang)).size).toBe(corpus.declarations.length);
    for (const d of corpus.declarations)
      expect(d.text, d.lang).not.toMatch(
        /<\/?(p|h[1-6]|div|span|article|header|section|br|html|body|head|title)\b/i,
      );
  });
});

describe("atlasRows", () => {
  it("gives English a premium of 1 and the bytes tokenizer exactly the byte-length ratio", async () => {
    const corpus = loadUdhrCorpus();
    const sample = ["en", "ru", "hi", "my", "zh-Hans", "ar"]
      .map((lang) => findDeclaration(corpus, lang))
      .filter((d) => d !== undefined);
    const english = findDeclaration(corpus, REFERENCE_LANG)!;
    const bytes = await loadTokenizer("bytes");
    const count = (text: string) => bytes.encode(text).ids.length;
    const rows = atlasRows(
      sample,
      "bytes",
      sample.map((d) => count(d.text)),
      count(english.text),
    );
    const utf8 = new TextEncoder();
    const englishBytes = utf8.encode(english.text).length;
    rows.forEach((row, i) => {
      expect(row.bytes).toBe(utf8.encode(sample[i]!.text).length);
      expect(row.chars).toBe(textCounts(sample[i]!.text).characters);
      expect(row.premium).toBeCloseTo(row.bytes / englishBytes, 12);
    });
    expect(rows.find((r) => r.lang === "en")!.premium).toBe(1);
  });

  it("puts cl100k_base premiums near Petrov et al.'s FLORES figures", async () => {
    const csv = await atlasCommand(["--tokenizers", "cl100k_base", "--langs", "en,ru,hi,my"]);
    const premium = Object.fromEntries(
      csv
        .split("\r\n")
        .slice(1)
        .map((line) => [line.split(",")[0], Number(line.split(",").at(-1))]),
    );
    expect(csv.split("\r\n")[0]).toBe("lang,name,script,tokenizer,bytes,chars,tokens,premium");
    expect(premium.en).toBe(1);
    expect(premium.ru).toBeGreaterThan(2.49 * 0.85);
    expect(premium.ru).toBeLessThan(2.49 * 1.15);
    expect(premium.hi).toBeGreaterThan(4.79 * 0.85);
    expect(premium.hi).toBeLessThan(4.79 * 1.25);
    expect(premium.my).toBeGreaterThan(11.7 * 0.9);
    expect(premium.my).toBeLessThan(11.7 * 1.35);
  });
});
