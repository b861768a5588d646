import loadHighs from "highs";
import wasmUrl from "highs/runtime?url";
import { highsSolver } from "../../src/core/bpe/mixture/highs-solver";
import type { LpSolver } from "../../src/core/bpe/mixture/lp";

let solver: Promise<LpSolver> | undefined;

/**
 * HiGHS in the worker. The .wasm is bundled as an asset of our own origin and handed to the loader
 * explicitly (its default, a URL next to the module, does not survive dependency pre-bundling).
 */
export function browserLpSolver(): Promise<LpSolver> {
  solver ??= loadHighs({ locateFile: () => new URL(wasmUrl, self.location.href).href }).then(highsSolver);
  solver.catch(() => (solver = undefined));
  return solver;
}
