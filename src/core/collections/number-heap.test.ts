import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NumberHeap } from "./number-heap";

describe("NumberHeap", () => {
  it("pops in ascending order whatever is pushed and popped in between (against sorting)", () => {
    const operation = fc.oneof(
      fc.record({
        push: fc.oneof(
          fc.integer(),
          fc.double({ noNaN: true }).map((x) => x + 0) /* no −0: it ties with 0 */,
          fc.nat({ max: 2 ** 52 }),
        ),
      }),
      fc.constant({ pop: true }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 300 }), fc.nat({ max: 4 }), (operations, capacity) => {
        const heap = new NumberHeap(capacity);
        const model: number[] = [];
        for (const op of operations) {
          if ("push" in op) {
            heap.push(op.push);
            model.push(op.push);
          } else if (model.length > 0) {
            model.sort((a, b) => a - b);
            expect(heap.pop()).toBe(model.shift());
          }
          expect(heap.size).toBe(model.length);
        }
        const rest: number[] = [];
        while (heap.size > 0) rest.push(heap.pop());
        expect(rest).toEqual(model.sort((a, b) => a - b));
      }),
    );
  });
});
