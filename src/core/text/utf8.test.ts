import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8ByteLength, utf8Encode, utf8EncodeInto } from "./utf8";

// The reference is the platform's own TextEncoder (lone surrogates become U+FFFD there too).
const reference = (text: string) => new TextEncoder().encode(text);
// Code units of every UTF-8 length, lone surrogates of both halves, and pairs.
const unit = fc.oneof(
  fc.integer({ min: 0, max: 0x7f }),
  fc.integer({ min: 0x80, max: 0x7ff }),
  fc.integer({ min: 0x800, max: 0xffff }),
  fc.integer({ min: 0xd800, max: 0xdfff }),
);
const text = fc.oneof(
  fc.array(unit, { maxLength: 40 }).map((units) => String.fromCharCode(...units)),
  fc.string({ unit: "binary", maxLength: 40 }),
);

describe("utf8EncodeInto", () => {
  it("writes what TextEncoder writes, for any slice, at any offset", () => {
    fc.assert(
      fc.property(text, fc.nat(8), fc.nat(), fc.nat(), (s, at, a, b) => {
        const start = s.length ? a % (s.length + 1) : 0;
        const end = start + (s.length ? b % (s.length - start + 1) : 0);
        const expected = reference(s.slice(start, end));
        const out = new Uint8Array(at + expected.length + 3).fill(0xaa);
        const next = utf8EncodeInto(s, out, at, start, end);
        expect(next).toBe(at + expected.length);
        expect([...out.subarray(at, next)]).toEqual([...expected]);
        expect([...out.subarray(0, at)].every((byte) => byte === 0xaa)).toBe(true);
        expect(utf8ByteLength(s, start, end)).toBe(expected.length);
      }),
    );
  });

  it("returns -1 when the bytes do not fit, and never writes past the end", () => {
    fc.assert(
      fc.property(text, (s) => {
        const length = utf8Encode(s).length;
        fc.pre(length > 0);
        const out = new Uint8Array(length - 1);
        expect(utf8EncodeInto(s, out)).toBe(-1);
        expect(utf8EncodeInto(s, new Uint8Array(length))).toBe(length);
      }),
    );
  });

  it("keeps a surrogate pair cut by the slice's end as U+FFFD, as encoding the slice would", () => {
    const s = "a\u{1F600}b";
    const out = new Uint8Array(8);
    expect([...out.subarray(0, utf8EncodeInto(s, out, 0, 0, 2))]).toEqual([0x61, 0xef, 0xbf, 0xbd]);
  });
});
