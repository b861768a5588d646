import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hardUnicode } from "../../../scripts/lib/arbitraries";
import { loadTokenizer } from "../../../scripts/lib/load-tokenizer";
import { charCosts, tokenCosts, utf8Prefix } from "./text-costs";

const utf8 = new TextEncoder();

describe("utf8Prefix", () => {
  it("is the longest whole-code-point prefix within the byte budget", () => {
    fc.assert(
      fc.property(hardUnicode(), fc.nat(200), (text, max) => {
        const prefix = utf8Prefix(text, max);
        expect(text.startsWith(prefix)).toBe(true);
        expect(utf8.encode(prefix).length).toBeLessThanOrEqual(max);
        const rest = [...text.slice(prefix.length)];
        if (rest.length > 0) expect(utf8.encode(prefix + rest[0]).length).toBeGreaterThan(max);
      }),
    );
  });
});

describe("charCosts and tokenCosts", () => {
  it("spread per-byte bits over characters and tokens without losing any", async () => {
    const tokenizer = await loadTokenizer("cl100k_base");
    fc.assert(
      fc.property(hardUnicode(), (text) => {
        const n = utf8.encode(text).length;
        const bits = Float64Array.from({ length: n }, (_, i) => ((i * 37) % 11) / 3);
        const total = bits.reduce((a, b) => a + b, 0);
        const chars = charCosts(text, bits);
        expect(chars.at(-1)?.byteEnd ?? 0).toBe(n);
        expect(chars.reduce((s, c) => s + c.meanBits * (c.byteEnd - c.byteStart), 0)).toBeCloseTo(total, 6);
        expect(chars.map((c) => text.slice(c.utf16Start, c.utf16End)).join("")).toBe(text);
        const encoding = tokenizer.encode(text);
        const costs = tokenCosts(encoding.starts, encoding.ends, bits);
        expect(costs.reduce((a, b) => a + b, 0)).toBeCloseTo(total, 6);
        // Each token's cost is the plain sum over its bytes.
        for (let t = 0; t < costs.length; t++) {
          let sum = 0;
          for (let b = encoding.starts[t]!; b < encoding.ends[t]!; b++) sum += bits[b]!;
          expect(costs[t]).toBeCloseTo(sum, 9);
        }
      }),
      { numRuns: 60 },
    );
  });
});
