import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mixCorpus } from "../../src/core/bpe/mixture/categories";
import { toTokenizerJson } from "../../src/core/bpe/tokenizer-json";
import { trainBpe } from "../../src/core/bpe/train-bpe";
import { UsageError } from "../cli/args";
import { mixtureCommand } from "../cli/mixture-command";
import { readMixturePools } from "./mixture-samples";

describe("mixture (CLI)", () => {
  const folder = mkdtempSync(join(tmpdir(), "mixture-cli-"));
  const pools = readMixturePools(100_000).slice(0, 3);
  const mix = mixCorpus(pools, [0.5, 0.3, 0.2], 100_000);
  const tokenizer = join(folder, "tokenizer.json");
  writeFileSync(tokenizer, JSON.stringify(toTokenizerJson(trainBpe(mix.texts, { vocabSize: 856 }).model)));
  const categories = pools.flatMap((pool) => {
    const file = join(folder, `${pool.name}.txt`);
    writeFileSync(file, pool.sample);
    return ["--category", `${pool.name}=${file}`];
  });

  it("prints byte proportions close to the known mixture", async () => {
    const { proportions } = JSON.parse(await mixtureCommand(["--tokenizer", tokenizer, ...categories])) as {
      proportions: Record<string, number>;
    };
    expect(Object.keys(proportions)).toEqual(pools.map((p) => p.name));
    const values = Object.values(proportions);
    expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    values.forEach((p, i) => expect(Math.abs(p - mix.proportions[i]!)).toBeLessThan(0.03));
  });

  it("explains its usage and unusable tokenizers", async () => {
    await expect(mixtureCommand(["--tokenizer", tokenizer])).rejects.toThrow(UsageError);
    await expect(mixtureCommand(["--tokenizer", tokenizer, "--category", "x"])).rejects.toThrow(
      /<name>=<file>/,
    );
    await expect(mixtureCommand(["--tokenizer", "bytes", ...categories])).rejects.toThrow(/no merge list/);
    await expect(mixtureCommand(["--tokenizer", "nope", ...categories])).rejects.toThrow(/Unknown tokenizer/);
  });
});
