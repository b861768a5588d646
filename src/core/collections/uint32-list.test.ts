import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Uint32List } from "./uint32-list";

describe("Uint32List", () => {
  it("holds what was pushed and appended, in order, across growth (against a plain array)", () => {
    const run = fc.oneof(
      fc.nat({ max: 0xffffffff }),
      fc.array(fc.nat({ max: 0xffffffff }), { maxLength: 40 }),
    );
    fc.assert(
      fc.property(fc.array(run, { maxLength: 60 }), fc.nat({ max: 5 }), (steps, capacity) => {
        const list = new Uint32List(capacity);
        const expected: number[] = [];
        for (const step of steps) {
          if (typeof step === "number") list.push(step);
          else list.append(step);
          expected.push(...(typeof step === "number" ? [step] : step));
        }
        expect(list.length).toBe(expected.length);
        expect(Array.from(list.toArray())).toEqual(expected);
        expect(Array.from(list.view())).toEqual(expected);
        expect(Array.from(list.items.subarray(0, list.length))).toEqual(expected);
        const kept = list.trimmed();
        expect(Array.from(kept)).toEqual(expected);
        // A view only when most of the buffer is used; otherwise a copy of just the items.
        expect(kept.buffer.byteLength).toBeLessThanOrEqual(6 * expected.length);
      }),
    );
  });
});
