import { describe, expect, it } from "vitest";
import { decodeTextFile } from "./decode-text-file";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("decodeTextFile", () => {
  it("decodes UTF-8 (dropping a BOM) and UTF-16 with a BOM", () => {
    expect(decodeTextFile("a.txt", utf8("héllo"))).toEqual({ ok: true, text: "héllo" });
    expect(decodeTextFile("a.txt", Uint8Array.of(0xef, 0xbb, 0xbf, 0x61))).toEqual({ ok: true, text: "a" });
    expect(decodeTextFile("a.txt", Uint8Array.of(0xff, 0xfe, 0x61, 0x00, 0xe9, 0x00))).toEqual({
      ok: true,
      text: "aé",
    });
  });

  it.each([
    ["binary", Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x00, 0x01), /binary/],
    ["latin-1", Uint8Array.of(0x63, 0x61, 0x66, 0xe9), /not UTF-8/],
    ["huge", new Uint8Array(9 * 1024 * 1024).fill(0x61), /MB/],
  ])("refuses a %s file with a reason", (_kind, bytes, reason) => {
    const result = decodeTextFile("f", bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
