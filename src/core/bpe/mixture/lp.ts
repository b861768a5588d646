/** One sparse constraint row: `lower ≤ Σ values[k] · x[indices[k]] ≤ upper` (sides may be ±Infinity). */
export interface LpRow {
  indices: number[];
  values: number[];
  lower: number;
  upper: number;
}

/** Objective coefficients and bounds of a block of columns (bounds may be ±Infinity). */
export interface LpColumns {
  cost: ArrayLike<number>;
  lower: ArrayLike<number>;
  upper: ArrayLike<number>;
}

/** What a solver reports: only `"optimal"` carries a usable `colValues`. */
export interface LpSolution {
  status: "optimal" | "infeasible" | "unbounded" | "error";
  /** The solver's own words for a status other than optimal. */
  message?: string;
  colValues: Float64Array;
  objective: number;
}

/** A minimization program built up and re-solved (lazy constraint generation), warm-started where the solver can. */
export interface LpSession {
  /** Appends columns with no matrix entries yet; they take the next column indices. */
  addColumns(columns: LpColumns): void;
  /** Appends rows over existing columns. */
  addRows(rows: readonly LpRow[]): void;
  /** Solves the program as it now stands. */
  solve(): Promise<LpSolution>;
  /** Frees the solver's memory; the session is unusable afterwards. */
  dispose(): void;
}

/**
 * A linear-program solver, injected so that `src/core` stays free of any particular runtime: the HiGHS
 * WebAssembly build in a worker or in Node (see `highs-solver.ts`), or anything else with this shape.
 */
export interface LpSolver {
  open(): LpSession;
}

/** Solves one whole program (minimize cost · x over the rows and bounds) in a fresh session. */
export async function solveLinearProgram(
  solver: LpSolver,
  columns: LpColumns,
  rows: readonly LpRow[],
): Promise<LpSolution> {
  const session = solver.open();
  try {
    session.addColumns(columns);
    session.addRows(rows);
    return await session.solve();
  } finally {
    session.dispose();
  }
}
