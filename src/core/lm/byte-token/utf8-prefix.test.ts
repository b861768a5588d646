import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8DecodeStrict, utf8Encode } from "../../text/utf8";
import { logAddExp, logSumExp } from "./log-space";
import { utf8IncompleteTail } from "./utf8-prefix";

const CONTINUATIONS = [0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf];
/** Reference: the shortest run of continuation bytes that makes `bytes` decode strictly, or −1 if none does. */
function completionLength(bytes: Uint8Array): number {
  let tails: number[][] = [[]];
  for (let length = 0; length <= 3; length++) {
    for (const tail of tails)
      if (utf8DecodeStrict(Uint8Array.from([...bytes, ...tail])) !== null) return length;
    tails = tails.flatMap((tail) => CONTINUATIONS.map((c) => [...tail, c]));
  }
  return -1;
}

describe("utf8IncompleteTail", () => {
  it("is 0 on well-formed text and counts the bytes of a cut character", () => {
    const text = utf8Encode("aé你🙂");
    expect(
      Array.from({ length: text.length + 1 }, (_, k) => utf8IncompleteTail(text.subarray(0, k))),
    ).toEqual([0, 0, 1, 0, 1, 2, 0, 1, 2, 3, 0]);
  });

  it("admits exactly the byte strings that some continuation bytes complete", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 8 }), (bytes) => {
        const needed = completionLength(bytes);
        const tail = utf8IncompleteTail(bytes);
        expect(tail >= 0).toBe(needed >= 0);
        if (needed === 0) expect(tail).toBe(0);
        if (needed > 0) expect(tail).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("log-space sums", () => {
  it("match direct sums and keep −∞ neutral", () => {
    expect(Math.exp(logAddExp(Math.log(0.2), Math.log(0.3)))).toBeCloseTo(0.5, 15);
    expect(logAddExp(-Infinity, -2)).toBe(-2);
    expect(logSumExp([])).toBe(-Infinity);
    expect(Math.exp(logSumExp([Math.log(0.1), -Infinity, Math.log(0.4)]))).toBeCloseTo(0.5, 15);
    expect(logSumExp([-1000, -1000])).toBeCloseTo(-1000 + Math.LN2, 12);
  });
});
