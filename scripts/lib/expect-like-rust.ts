import { expect } from "vitest";
import type { Encoding } from "../../src/core/tokenizers/types";
import { encodingViolation } from "./encoding-invariants";
import { exactSpans, type RustResult } from "./rust-tokenizers";

/**
 * Asserts that our encoding of `text` is well-formed and equals the Rust library's result: the same ids, and the
 * same spans wherever Rust's are byte-exact (`spans: false` when Rust's spans are known to be off for this input).
 */
export function expectLikeRust(text: string, ours: Encoding, rust: RustResult, { spans = true } = {}): void {
  const label = JSON.stringify(text);
  expect(encodingViolation(text, ours), label).toBeNull();
  expect(Array.from(ours.ids), label).toEqual(rust.ids);
  if (!spans) return;
  for (const i of exactSpans(rust, ours.inputByteLength))
    expect([ours.starts[i], ours.ends[i]], `${label} token ${i}`).toEqual(rust.spans[i]);
}
