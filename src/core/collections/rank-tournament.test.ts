import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NO_RANK, RankTournament } from "./rank-tournament";

/** The brute-force answer: the leftmost position of the lowest rank, -1 for none. */
function leftmostMin(ranks: readonly number[]): number {
  let best = -1;
  for (let i = 0; i < ranks.length; i++)
    if (ranks[i]! < NO_RANK && (best < 0 || ranks[i]! < ranks[best]!)) best = i;
  return best;
}

describe("RankTournament", () => {
  it("gives the leftmost lowest rank after any sets, clears and bulk fills (against a scan of an array)", () => {
    const length = fc.integer({ min: 1, max: 300 });
    fc.assert(
      fc.property(
        length.chain((n) =>
          fc.record({
            n: fc.constant(n),
            // Few distinct ranks, so that ties are common.
            initial: fc.array(fc.oneof(fc.nat({ max: 6 }), fc.constant(NO_RANK)), {
              minLength: n,
              maxLength: n,
            }),
            operations: fc.array(
              fc.record({
                at: fc.nat({ max: n - 1 }),
                rank: fc.oneof(fc.nat({ max: 6 }), fc.constant(NO_RANK), fc.nat({ max: 0x7ffffffe })),
              }),
              { maxLength: 200 },
            ),
          }),
        ),
        ({ n, initial, operations }) => {
          const tournament = new RankTournament(n);
          initial.forEach((rank, i) => tournament.setQuietly(i, rank));
          tournament.build();
          const model = [...initial];
          expect(tournament.peek()).toBe(leftmostMin(model));
          for (const { at, rank } of operations) {
            tournament.set(at, rank);
            model[at] = rank;
            expect(tournament.rank(at)).toBe(rank);
            expect(tournament.peek()).toBe(leftmostMin(model));
          }
        },
      ),
    );
  });

  it("drains like a merge loop: taking the minimum and clearing it visits ranks in order, leftmost first", () => {
    const n = 1000;
    const tournament = new RankTournament(n);
    const ranks = Array.from({ length: n }, (_, i) => (i * 7919) % 13);
    ranks.forEach((rank, i) => tournament.setQuietly(i, rank));
    tournament.build();
    const order: number[] = [];
    for (let at = tournament.peek(); at >= 0; at = tournament.peek()) {
      order.push(at);
      tournament.set(at, NO_RANK);
    }
    const expected = ranks.map((rank, i) => [rank, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(order).toEqual(expected.map(([, i]) => i));
  });

  it("has no minimum when empty", () => {
    expect(new RankTournament(0).peek()).toBe(-1);
    expect(new RankTournament(5).peek()).toBe(-1);
  });
});
