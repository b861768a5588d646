import { firstInvalidUtf8Offset } from "../../text/utf8";

/** A file's kind, from its first bytes (magic numbers), as the binary BPE report groups files. */
export type FileKind =
  | "png"
  | "jpeg"
  | "gif"
  | "webp"
  | "gzip"
  | "zip"
  | "pdf"
  | "wasm"
  | "elf"
  | "pe"
  | "mach-o"
  | "utf8-text"
  | "other";

/** Magic numbers (offset 0 unless said), most specific first. */
const SIGNATURES: { kind: FileKind; bytes: number[]; at?: number }[] = [
  { kind: "png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: "jpeg", bytes: [0xff, 0xd8, 0xff] },
  { kind: "gif", bytes: [0x47, 0x49, 0x46, 0x38] },
  { kind: "webp", bytes: [0x57, 0x45, 0x42, 0x50], at: 8 },
  { kind: "gzip", bytes: [0x1f, 0x8b] },
  { kind: "zip", bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: "pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { kind: "wasm", bytes: [0x00, 0x61, 0x73, 0x6d] },
  { kind: "elf", bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { kind: "pe", bytes: [0x4d, 0x5a] },
  { kind: "mach-o", bytes: [0xcf, 0xfa, 0xed, 0xfe] },
  { kind: "mach-o", bytes: [0xce, 0xfa, 0xed, 0xfe] },
  { kind: "mach-o", bytes: [0xca, 0xfe, 0xba, 0xbe] },
];

/** How many leading bytes decide "text": valid UTF-8 without NUL there. */
const TEXT_PROBE_BYTES = 8192;

/**
 * The kind of a file from its content alone (never its name): a known magic number, else `utf8-text` when
 * its first 8 KiB are UTF-8 without NUL bytes (a sequence cut at the probe's end is allowed), else `other`.
 */
export function sniffFileKind(bytes: Uint8Array): FileKind {
  for (const { kind, bytes: magic, at = 0 } of SIGNATURES) {
    if (bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b)) return kind;
  }
  if (bytes.length === 0) return "other";
  const probe = bytes.subarray(0, TEXT_PROBE_BYTES);
  if (probe.includes(0)) return "other";
  const bad = firstInvalidUtf8Offset(probe);
  // A multi-byte character cut by the probe's end is not an error (at most 3 bytes before the end).
  return bad < 0 || (probe.length < bytes.length && bad >= probe.length - 3) ? "utf8-text" : "other";
}
