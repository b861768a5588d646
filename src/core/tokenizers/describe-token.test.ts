import { describe, expect, it } from "vitest";
import { escapeTokenBytes, flagNames } from "./describe-token";
import { TokenFlag } from "./types";

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe("escapeTokenBytes", () => {
  it("keeps printable text and escapes what would be invisible", () => {
    expect(escapeTokenBytes(utf8(" héllo\n\t"))).toBe(" héllo\\n\\t");
    expect(escapeTokenBytes(utf8("a\u200db\u2028"))).toBe("a\\u{200D}b\\u{2028}");
    expect(escapeTokenBytes(utf8("\\"))).toBe("\\\\");
  });

  it("shows bytes of a split character as hex instead of U+FFFD", () => {
    expect(escapeTokenBytes(bytes(0xe3, 0x81))).toBe("\\xE3\\x81");
    expect(escapeTokenBytes(bytes(0x82, 0x61))).toBe("\\x82a");
    expect(escapeTokenBytes(utf8("日"))).toBe("日");
  });

  it("never decodes an encoded lone surrogate or overlong form", () => {
    expect(escapeTokenBytes(bytes(0xed, 0xa0, 0x80))).toBe("\\xED\\xA0\\x80");
    expect(escapeTokenBytes(bytes(0xc0, 0xaf))).toBe("\\xC0\\xAF");
  });
});

describe("flagNames", () => {
  it("names every flag", () => {
    expect(flagNames(TokenFlag.Special | TokenFlag.PartialEnd | TokenFlag.Normalized)).toEqual([
      "special",
      "ends mid-character",
      "normalized",
    ]);
    expect(flagNames(0)).toEqual([]);
  });
});
