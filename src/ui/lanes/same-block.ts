import { sameTokenBytes } from "../../core/tokenizers/types";
import type { TokenBlockProps } from "./TokenBlock";

/**
 * Whether two blocks draw exactly the same thing, wherever they sit in their encodings: the same tokens (ids,
 * flags, spans relative to the block, bytes in bytes mode), the same text, the same diff marks, the same
 * highlight and selection relative to the block. After an edit every block but the edited one is the same, even
 * where the edit moved it, so it is not drawn again (its DOM, layout and paint stay as they were).
 */
export function sameBlock(a: TokenBlockProps, b: TokenBlockProps): boolean {
  const length = a.to - a.from;
  if (a.mode !== b.mode || a.showWhitespace !== b.showWhitespace || b.to - b.from !== length) return false;
  if ((a.marks === null) !== (b.marks === null)) return false;
  if (a.selected === -1 ? b.selected !== -1 : a.selected - a.from !== b.selected - b.from) return false;
  if (length === 0) return true;
  const x = a.encoding;
  const y = b.encoding;
  const x16 = x.utf16Starts[a.from]!;
  const y16 = y.utf16Starts[b.from]!;
  const xByte = x.starts[a.from]!;
  const yByte = y.starts[b.from]!;
  if (a.highlight === null ? b.highlight !== null : b.highlight === null) return false;
  if (
    a.highlight &&
    b.highlight &&
    (a.highlight[0] - xByte !== b.highlight[0] - yByte || a.highlight[1] - xByte !== b.highlight[1] - yByte)
  )
    return false;
  for (let k = 0; k < length; k++) {
    const i = a.from + k;
    const j = b.from + k;
    if (
      x.ids[i] !== y.ids[j] ||
      x.flags[i] !== y.flags[j] ||
      x.utf16Starts[i]! - x16 !== y.utf16Starts[j]! - y16 ||
      x.utf16Ends[i]! - x16 !== y.utf16Ends[j]! - y16 ||
      x.starts[i]! - xByte !== y.starts[j]! - yByte ||
      x.ends[i]! - xByte !== y.ends[j]! - yByte ||
      (a.marks !== null && a.marks[i] !== b.marks![j]) ||
      (a.mode === "bytes" && !sameTokenBytes(x, i, y, j))
    )
      return false;
  }
  const xEnd = x.utf16Ends[a.to - 1]!;
  const yEnd = y.utf16Ends[b.to - 1]!;
  return xEnd - x16 === yEnd - y16 && a.text.slice(x16, xEnd) === b.text.slice(y16, yEnd);
}
