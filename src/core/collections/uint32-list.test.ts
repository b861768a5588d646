import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Uint32List } from "./uint32-list";

describe("Uint32List", () => {
  it("holds what was pushed, in order, across growth (against a plain array)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 0xffffffff }), { maxLength: 200 }),
        fc.nat({ max: 5 }),
        (items, capacity) => {
          const list = new Uint32List(capacity);
          for (const item of items) list.push(item);
          expect(list.length).toBe(items.length);
          expect(Array.from(list.toArray())).toEqual(items);
          items.forEach((item, i) => expect(list.at(i)).toBe(item));
        },
      ),
    );
  });
});
