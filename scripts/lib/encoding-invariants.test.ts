import { describe, expect, it } from "vitest";
import { BytesTokenizer } from "../../src/core/tokenizers/baselines/baselines";
import { TokenFlag } from "../../src/core/tokenizers/types";
import { encodingViolation } from "./encoding-invariants";

// The checker guards every tokenizer test, so it must itself catch broken encodings.
describe("encodingViolation", () => {
  const text = "añ";
  const good = () => new BytesTokenizer().encode(text);

  it("accepts a correct encoding", () => {
    expect(encodingViolation(text, good())).toBeNull();
  });

  it.each([
    ["a gap", (e: ReturnType<typeof good>) => (e.starts[1] = 2), /gap or overlap/],
    ["a short cover", (e: ReturnType<typeof good>) => (e.ends[2] = 2), /last token ends/],
    ["a missing partial flag", (e: ReturnType<typeof good>) => (e.flags[1] = 0), /PartialEnd/],
    [
      "an unflagged difference",
      (e: ReturnType<typeof good>) => (e.tokenBytes[0] = 0x62),
      /not flagged Normalized/,
    ],
    [
      "a false normalized flag",
      (e: ReturnType<typeof good>) => (e.flags[0] = TokenFlag.Normalized),
      /flagged Normalized but/,
    ],
    [
      "a highlight that misses its bytes",
      (e: ReturnType<typeof good>) => (e.utf16Ends[2] = 1),
      /highlight ends before/,
    ],
  ])("rejects %s", (_name, breakIt, message) => {
    const encoding = good();
    breakIt(encoding);
    expect(encodingViolation(text, encoding)).toMatch(message);
  });
});
