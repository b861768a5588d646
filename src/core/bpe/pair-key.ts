/** Token ids stay below this; the pair (a, b) is keyed `a * PAIR_BASE + b` (exact in a double for ids < 2^22). */
export const PAIR_BASE = 2 ** 22;

/** The key of the adjacent pair (left, right); key order is (left, right) order. */
export function pairKey(left: number, right: number): number {
  return left * PAIR_BASE + right;
}

/** The left id of a pair key. */
export function pairLeft(key: number): number {
  return Math.floor(key / PAIR_BASE);
}

/** The right id of a pair key. */
export function pairRight(key: number): number {
  return key - pairLeft(key) * PAIR_BASE;
}
