/** The rank of a position that has none. */
export const NO_RANK = 0x7fffffff;

/** Positions per block of the tree's leaves (a block's minimum is found by scanning it). */
const BLOCK_BITS = 5;
const BLOCK = 1 << BLOCK_BITS;

/**
 * Positions 0 … n − 1, each with a rank or none; gives the position of the lowest rank, leftmost on ties.
 * A byte-pair merge of a long word keeps the rank of the pair that starts at each symbol here: a position
 * has one rank at a time (setting it replaces the old one), so nothing goes stale, unlike a heap of
 * (rank, position) entries that grows with every merge. 4 bytes a position, plus a min-tree over blocks of
 * 32 positions (1/16 byte a position).
 */
export class RankTournament {
  private readonly ranks: Int32Array;
  /** tree[1] is the root; tree[leaves + b] is the lowest rank of block b. */
  private readonly tree: Int32Array;
  private readonly leaves: number;

  constructor(readonly length: number) {
    this.ranks = new Int32Array(length).fill(NO_RANK);
    const blocks = Math.max(1, Math.ceil(length / BLOCK));
    let leaves = 1;
    while (leaves < blocks) leaves *= 2;
    this.leaves = leaves;
    this.tree = new Int32Array(2 * leaves).fill(NO_RANK);
  }

  /** The rank of position `i` ({@link NO_RANK} for none). */
  rank(i: number): number {
    return this.ranks[i]!;
  }

  /**
   * Sets ranks without updating the tree, for filling many positions at once; call {@link build} before the
   * next {@link peek}.
   */
  setQuietly(i: number, rank: number): void {
    this.ranks[i] = rank;
  }

  /** Rebuilds the tree from the ranks (after {@link setQuietly}). */
  build(): void {
    const { tree, leaves } = this;
    const blocks = Math.ceil(this.length / BLOCK);
    for (let b = 0; b < blocks; b++) tree[leaves + b] = this.blockMin(b);
    for (let node = leaves - 1; node >= 1; node--)
      tree[node] = Math.min(tree[2 * node]!, tree[2 * node + 1]!);
  }

  /** Gives position `i` the rank `rank` (a non-negative integer below {@link NO_RANK}) or, with NO_RANK, none. */
  set(i: number, rank: number): void {
    const old = this.ranks[i]!;
    if (old === rank) return;
    this.ranks[i] = rank;
    const leaf = this.leaves + (i >> BLOCK_BITS);
    const min = this.tree[leaf]!;
    if (rank < min) this.raise(leaf, rank);
    else if (old === min) this.raise(leaf, this.blockMin(i >> BLOCK_BITS));
  }

  /** The leftmost position of the lowest rank, or -1 when no position has a rank. */
  peek(): number {
    const tree = this.tree;
    const min = tree[1]!;
    if (min === NO_RANK) return -1;
    let node = 1;
    while (node < this.leaves) node = tree[2 * node] === min ? 2 * node : 2 * node + 1;
    const ranks = this.ranks;
    for (let i = (node - this.leaves) << BLOCK_BITS; ; i++) if (ranks[i] === min) return i;
  }

  private blockMin(block: number): number {
    const ranks = this.ranks;
    const end = Math.min(this.length, (block + 1) << BLOCK_BITS);
    let min = NO_RANK;
    for (let i = block << BLOCK_BITS; i < end; i++) if (ranks[i]! < min) min = ranks[i]!;
    return min;
  }

  /** Writes a block's new minimum and carries it up as far as it changes a node. */
  private raise(leaf: number, value: number): void {
    const tree = this.tree;
    if (tree[leaf] === value) return;
    tree[leaf] = value;
    for (let node = leaf >> 1; node >= 1; node >>= 1) {
      const min = Math.min(tree[2 * node]!, tree[2 * node + 1]!);
      if (tree[node] === min) return;
      tree[node] = min;
    }
  }
}
