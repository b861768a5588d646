import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { InferenceMethod } from "./merge-free";
import { parseVariantId, variantId } from "./variant-id";

const methods: fc.Arbitrary<InferenceMethod> = fc.oneof(
  fc.constantFrom<InferenceMethod>({ kind: "merges" }, { kind: "greedy" }, { kind: "least-tokens" }),
  fc.nat(1e6).map((seed): InferenceMethod => ({ kind: "permuted-merges", seed })),
  fc.tuple(fc.integer({ min: 1, max: 99 }), fc.nat(1e6)).map(([pct, seed]): InferenceMethod => ({
    kind: "deleted-merges",
    share: pct / 100,
    seed,
  })),
);

describe("variant ids", () => {
  it("round-trip for any base id and method, and fit the link format", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9_-]{1,20}(\.[a-z0-9_-]{1,8})?$/), methods, (base, method) => {
        const id = variantId({ base, method });
        expect(id).toMatch(/^[a-z0-9_.-]{1,64}$/);
        expect(parseVariantId(id)).toEqual({ base, method });
      }),
    );
  });

  it("leaves plain tokenizer ids alone", () => {
    for (const id of ["o200k_base", "llama-3", "custom-0a1b2c3d", "bytes", "gpt-4o-json"])
      expect(parseVariantId(id)).toBeNull();
    expect(parseVariantId("llama-3.deleted0-1")).toBeNull();
  });
});
