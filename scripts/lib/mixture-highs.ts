import loadHighs from "highs";
import { highsSolver } from "../../src/core/bpe/mixture/highs-solver";
import type { LpSolver } from "../../src/core/bpe/mixture/lp";

let solver: Promise<LpSolver> | undefined;

/** The HiGHS WebAssembly solver in Node (the loader finds `highs.wasm` beside itself), loaded once. */
export function nodeLpSolver(): Promise<LpSolver> {
  solver ??= loadHighs().then(highsSolver);
  return solver;
}
