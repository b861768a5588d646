import { describe, expect, it } from "vitest";
import { utf8Encode } from "../../text/utf8";
import { sniffFileKind } from "./file-types";
import { HELD_OUT_EVERY, splitHeldOut } from "./binary-report";

const bytes = (...values: number[]) => Uint8Array.from(values);

describe("sniffFileKind", () => {
  it.each([
    ["png", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13)],
    ["jpeg", bytes(0xff, 0xd8, 0xff, 0xe0)],
    ["gif", utf8Encode("GIF89a\u0001")],
    ["webp", bytes(...utf8Encode("RIFF"), 1, 2, 3, 4, ...utf8Encode("WEBPVP8 "))],
    ["gzip", bytes(0x1f, 0x8b, 8, 0)],
    ["zip", bytes(0x50, 0x4b, 3, 4, 20)],
    ["pdf", utf8Encode("%PDF-1.7\n")],
    ["wasm", bytes(0, 0x61, 0x73, 0x6d, 1, 0, 0, 0)],
    ["elf", bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1)],
    ["pe", bytes(0x4d, 0x5a, 0x90, 0)],
    ["mach-o", bytes(0xcf, 0xfa, 0xed, 0xfe, 7)],
  ])("knows %s by its magic number", (kind, data) => {
    expect(sniffFileKind(data)).toBe(kind);
  });

  it("calls UTF-8 without NUL text, and everything else other", () => {
    expect(sniffFileKind(utf8Encode("héllo, мир 🙂\n"))).toBe("utf8-text");
    expect(sniffFileKind(bytes(0x68, 0x00, 0x69))).toBe("other");
    expect(sniffFileKind(bytes(0x68, 0xc3, 0x28))).toBe("other");
    expect(sniffFileKind(new Uint8Array(0))).toBe("other");
    // A character cut by the 8 KiB probe is still text.
    const long = utf8Encode("a".repeat(8191) + "é" + "b".repeat(10));
    expect(sniffFileKind(long)).toBe("utf8-text");
  });
});

describe("splitHeldOut", () => {
  it("holds out files 1, 5, 9, … of each kind, in input order", () => {
    const png = (name: string) => ({ name, bytes: bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) });
    const gz = (name: string) => ({ name, bytes: bytes(0x1f, 0x8b, 8) });
    const files = [
      png("p0"),
      gz("g0"),
      png("p1"),
      png("p2"),
      gz("g1"),
      png("p3"),
      png("p4"),
      png("p5"),
      gz("g2"),
    ];
    const { train, heldOut } = splitHeldOut(files);
    expect(heldOut.map((f) => f.name)).toEqual(["p1", "g1", "p5"]);
    expect(train.map((f) => f.name)).toEqual(["p0", "g0", "p2", "p3", "p4", "g2"]);
    expect(HELD_OUT_EVERY).toBe(4);
    // A lone file of a kind is never held out.
    expect(splitHeldOut([png("only")]).heldOut).toEqual([]);
  });
});
