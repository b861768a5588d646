import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderDriftModule } from "../gen-normalization-drift";

describe("the normalization drift table", () => {
  it("is what `npm run -s gen:normalization` writes (this engine against the Rust tokenizers library)", async () => {
    const committed = readFileSync(
      new URL("../../src/core/tokenizers/native/normalization-drift.ts", import.meta.url),
      "utf8",
    );
    expect(committed).toBe(await renderDriftModule());
  });
});
