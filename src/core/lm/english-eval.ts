/** True for an ASCII letter byte. */
function isAsciiLetter(byte: number): boolean {
  return (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122);
}

/**
 * The bytes "inside a word": an ASCII letter preceded by two ASCII letters (a word's bytes after its first two
 * letters), where a good model should be nearly certain. The same rule as training/lmtrain/evaluation.py.
 */
export function insideWordMask(bytes: Uint8Array): Uint8Array {
  const mask = new Uint8Array(bytes.length);
  for (let i = 2; i < bytes.length; i++)
    if (isAsciiLetter(bytes[i]!) && isAsciiLetter(bytes[i - 1]!) && isAsciiLetter(bytes[i - 2]!)) mask[i] = 1;
  return mask;
}

/** Bits per byte over documents, and over their bytes inside words. */
export interface HeldOutFigures {
  bytes: number;
  bitsPerByte: number;
  insideWord: { bytes: number; bitsPerByte: number };
}

/** Pools per-byte bits of whole documents into {@link HeldOutFigures}. */
export function heldOutFigures(
  documents: readonly Uint8Array[],
  bits: readonly ArrayLike<number>[],
): HeldOutFigures {
  let total = 0;
  let count = 0;
  let wordTotal = 0;
  let wordCount = 0;
  documents.forEach((doc, d) => {
    const mask = insideWordMask(doc);
    const row = bits[d]!;
    if (row.length !== doc.length)
      throw new RangeError(`document ${d}: ${row.length} bits for ${doc.length} bytes`);
    for (let i = 0; i < doc.length; i++) {
      total += row[i]!;
      count++;
      if (mask[i]) {
        wordTotal += row[i]!;
        wordCount++;
      }
    }
  });
  return {
    bytes: count,
    bitsPerByte: count === 0 ? 0 : total / count,
    insideWord: { bytes: wordCount, bitsPerByte: wordCount === 0 ? 0 : wordTotal / wordCount },
  };
}
