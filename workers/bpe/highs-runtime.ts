import loadHighs from "highs";
import wasmUrl from "highs/runtime?url";
import { highsSolver } from "../../src/core/bpe/mixture/highs-solver";
import type { LpSolver } from "../../src/core/bpe/mixture/lp";
import { AsyncOnce } from "../../src/core/collections/async-memo";

const solver = new AsyncOnce<LpSolver>();

/**
 * HiGHS in the worker. The .wasm is bundled as an asset of our own origin and handed to the loader
 * explicitly (its default, a URL next to the module, does not survive dependency pre-bundling).
 */
export function browserLpSolver(): Promise<LpSolver> {
  return solver.get(() =>
    loadHighs({ locateFile: () => new URL(wasmUrl, self.location.href).href }).then(highsSolver),
  );
}
