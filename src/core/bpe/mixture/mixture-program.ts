import type { MixtureConstraint } from "./constraint-scan";
import type { LpRow, LpSession } from "./lp";

/** One solve's weights (normalized α), objective and raw column values. */
export interface SolvedMixture {
  alpha: number[];
  objective: number;
  x: Float64Array;
}

/**
 * The LP of ALGORITHMS §5.2 in a solver session, grown by {@link MixtureProgram.add}. Columns: α (n, in
 * [0, 1], one row Σα = 1), then a slack ≥ 0 (cost 1) for each step and each pair some constraint names.
 */
export class MixtureProgram {
  private readonly stepCol = new Map<number, number>();
  private readonly pairCol = new Map<number, number>();
  private cols: number;

  constructor(
    private readonly session: LpSession,
    private readonly n: number,
  ) {
    session.addColumns({
      cost: new Float64Array(n),
      lower: new Float64Array(n),
      upper: new Float64Array(n).fill(1),
    });
    const all = Array.from({ length: n }, (_, i) => i);
    session.addRows([{ indices: all, values: all.map(() => 1), lower: 1, upper: 1 }]);
    this.cols = n;
  }

  /** Adds constraint rows, and slack columns for steps and pairs not seen before. */
  add(constraints: readonly MixtureConstraint[]): void {
    let fresh = 0;
    const column = (map: Map<number, number>, key: number) => {
      if (!map.has(key)) {
        map.set(key, this.cols++);
        fresh++;
      }
      return map.get(key)!;
    };
    const rows: LpRow[] = constraints.map((c) => {
      const indices: number[] = [];
      const values: number[] = [];
      c.coefficients.forEach((value, i) => {
        if (value !== 0) {
          indices.push(i);
          values.push(value);
        }
      });
      indices.push(column(this.stepCol, c.step), column(this.pairCol, c.pair));
      values.push(1, 1);
      return { indices, values, lower: 0, upper: Infinity };
    });
    this.session.addColumns({
      cost: new Float64Array(fresh).fill(1),
      lower: new Float64Array(fresh),
      upper: new Float64Array(fresh).fill(Infinity),
    });
    this.session.addRows(rows);
  }

  /** Solves the program as it stands; throws unless the solver reports an optimum. */
  async solve(): Promise<SolvedMixture> {
    const result = await this.session.solve();
    if (result.status !== "optimal")
      throw new Error(
        `The mixture LP was not solved (${result.status}${result.message ? `: ${result.message}` : ""}).`,
      );
    const x = result.colValues;
    const raw = Array.from({ length: this.n }, (_, i) => Math.max(0, x[i]!));
    const sum = raw.reduce((a, b) => a + b, 0) || 1;
    return { alpha: raw.map((a) => a / sum), objective: result.objective, x };
  }

  /** Slack v(t) per step (0 for steps no constraint names). */
  stepSlack(x: Float64Array, steps: number): Float64Array {
    const slack = new Float64Array(steps);
    for (const [step, col] of this.stepCol) slack[step] = Math.max(0, x[col]!);
    return slack;
  }

  /** Positive slacks v_p by pair key. */
  pairSlack(x: Float64Array): Map<number, number> {
    const slack = new Map<number, number>();
    for (const [pair, col] of this.pairCol) if (x[col]! > 0) slack.set(pair, x[col]!);
    return slack;
  }

  /** Frees the solver session. */
  dispose(): void {
    this.session.dispose();
  }
}
