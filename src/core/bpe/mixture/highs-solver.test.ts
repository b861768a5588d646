import { describe, expect, it } from "vitest";
import { nodeLpSolver } from "../../../../scripts/lib/mixture-highs";
import { solveLinearProgram } from "./lp";

describe("HiGHS solver adapter", () => {
  it("solves a textbook LP, and re-solves after rows are added", async () => {
    const solver = await nodeLpSolver();
    // maximize x + y  s.t.  x + 2y ≤ 4,  3x + y ≤ 6  →  x = 8/5, y = 6/5 (the two lines cross there).
    const session = solver.open();
    session.addColumns({ cost: [-1, -1], lower: [0, 0], upper: [Infinity, Infinity] });
    session.addRows([
      { indices: [0, 1], values: [1, 2], lower: -Infinity, upper: 4 },
      { indices: [0, 1], values: [3, 1], lower: -Infinity, upper: 6 },
    ]);
    const first = await session.solve();
    expect(first.status).toBe("optimal");
    expect(first.colValues[0]).toBeCloseTo(1.6, 9);
    expect(first.colValues[1]).toBeCloseTo(1.2, 9);
    // Adding x ≤ 1 moves the optimum along x + 2y = 4 to (1, 1.5).
    session.addRows([{ indices: [0], values: [1], lower: -Infinity, upper: 1 }]);
    const second = await session.solve();
    expect(second.objective).toBeCloseTo(-2.5, 9);
    expect(Array.from(second.colValues)).toEqual([expect.closeTo(1, 9), expect.closeTo(1.5, 9)]);
    session.dispose();
  });

  it("reports an infeasible program", async () => {
    const solver = await nodeLpSolver();
    const result = await solveLinearProgram(solver, { cost: [1], lower: [0], upper: [1] }, [
      { indices: [0], values: [1], lower: 2, upper: Infinity },
    ]);
    expect(result.status).toBe("infeasible");
  });
});
