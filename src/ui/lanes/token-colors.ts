/** A stable colour for a token id: the same id has the same hue in every lane. */
export function tokenHue(id: number): number {
  // Multiplicative hashing spreads neighbouring ids across the colour wheel.
  return (Math.imul(id + 1, 0x9e3779b1) >>> 0) % 360;
}
