/** A position in the UTF-8 bytes of a text. */
export type ByteOffset = number & { readonly __brand: "ByteOffset" };
/** A position in the UTF-16 code units of a JavaScript string. */
export type CharOffset = number & { readonly __brand: "CharOffset" };

/** Brands a number as a UTF-8 byte offset. */
export function byteOffset(value: number): ByteOffset {
  return value as ByteOffset;
}

/** Brands a number as a UTF-16 offset. */
export function charOffset(value: number): CharOffset {
  return value as CharOffset;
}
