import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseIdList } from "./id-list";

describe("parseIdList", () => {
  it("reads JSON arrays and separated lists", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 0xffffffff })),
        fc.constantFrom(", ", " ", "\n", ","),
        (ids, sep) => {
          expect(parseIdList(JSON.stringify(ids))).toEqual({ ok: true, ids });
          expect(parseIdList(ids.join(sep))).toEqual({ ok: true, ids });
        },
      ),
    );
  });

  it("names the first item that is not an id", () => {
    expect(parseIdList("[1, 2, x3]")).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/x3.*item 3/),
    });
    expect(parseIdList("1 -2")).toMatchObject({ ok: false, reason: expect.stringMatching(/item 2/) });
    expect(parseIdList("1.5")).toMatchObject({ ok: false });
    expect(parseIdList("99999999999")).toMatchObject({ ok: false });
  });
});
