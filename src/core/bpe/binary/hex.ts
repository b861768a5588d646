/** Two upper-case hex digits per byte, separated by spaces. */
export function hexBytes(bytes: Uint8Array, start = 0, end = bytes.length): string {
  const parts: string[] = [];
  for (let i = start; i < end; i++) parts.push(bytes[i]!.toString(16).toUpperCase().padStart(2, "0"));
  return parts.join(" ");
}

/** Printable ASCII as itself, every other byte as a middle dot (the classic hex-dump column). */
export function asciiBytes(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let out = "";
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    out += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : "·";
  }
  return out;
}

/** A byte offset as 0x-prefixed hex, at least 4 digits. */
export function hexOffset(offset: number): string {
  return `0x${offset.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The index of the first token whose span ends after `offset` (spans sorted and contiguous). */
export function firstTokenEndingAfter(ends: ArrayLike<number>, offset: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid]! > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
