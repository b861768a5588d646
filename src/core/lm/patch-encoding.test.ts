import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hardUnicode } from "../../../scripts/lib/arbitraries";
import { encodingViolation } from "../../../scripts/lib/encoding-invariants";
import { patchLengthsFromStarts } from "./entropy-patching";
import { patchEncoding } from "./patch-encoding";

describe("patchEncoding", () => {
  it("turns start flags into contiguous spans whose lengths are the patch lengths", () => {
    fc.assert(
      fc.property(
        hardUnicode().chain((text) => {
          const n = new TextEncoder().encode(text).length;
          return fc.tuple(fc.constant(text), fc.uint8Array({ min: 0, max: 1, minLength: n, maxLength: n }));
        }),
        ([text, starts]) => {
          const encoding = patchEncoding(text, starts);
          expect(encodingViolation(text, encoding)).toBeNull();
          if (starts.length > 0) {
            const flags = Uint8Array.from(starts);
            flags[0] = 1;
            expect(Array.from(encoding.ids)).toEqual(patchLengthsFromStarts(flags));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
