import { describe, expect, it } from "vitest";
import { catalogEntry } from "../tokenizers/catalog";
import { MODELS, modelEntry, searchModels } from "./models";

describe("models", () => {
  it("maps every model to a built-in tokenizer, with unique ids", () => {
    for (const model of MODELS) expect(catalogEntry(model.tokenizer), model.id).toBeDefined();
    expect(new Set(MODELS.map((m) => m.id)).size).toBe(MODELS.length);
  });

  it("finds models by vendor, name or loose spelling", () => {
    expect(searchModels("gpt4o").map((m) => m.id)).toEqual(["gpt-4o", "gpt-4o-mini"]);
    expect(searchModels("meta 3.1 8b").map((m) => m.id)).toEqual(["llama-3.1-8b-instruct"]);
    expect(searchModels("GEMMA").every((m) => m.tokenizer === "gemma-3")).toBe(true);
    expect(searchModels("")).toHaveLength(MODELS.length);
    expect(searchModels("no such model")).toEqual([]);
    expect(modelEntry("deepseek-r1")?.tokenizer).toBe("deepseek-v3");
  });
});
