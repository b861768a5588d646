import { countingProbe, type CountingProbe } from "../../src/core/probes/counting";
import {
  numbersInContext,
  numbersProbe,
  type NumberChunks,
  type NumbersProbe,
} from "../../src/core/probes/numbers";
import type { TokenizerRegistry } from "./tokenizer-registry";

/** The numbers probe of one tokenizer, with the numbers of the user's text cut in context. */
export interface NumbersProbeResult extends NumbersProbe {
  inText: NumberChunks[];
}

/** The probes' calls (numbers, counting), one tokenizer at a time. */
export function createProbesApi(registry: TokenizerRegistry) {
  return {
    /** How the tokenizer chunks the probe's numbers (each alone) and the numbers of `text` (in context). */
    async probeNumbers(id: string, text: string, numbers?: string[]): Promise<NumbersProbeResult> {
      const tokenizer = await registry.get(id);
      return { ...numbersProbe(tokenizer, numbers), inText: numbersInContext(tokenizer, text) };
    },

    /** The tokens of a word as typed and spelled out, with the letters each holds. */
    async probeCount(id: string, word: string, letter: string): Promise<CountingProbe> {
      return countingProbe(await registry.get(id), word, letter);
    },
  };
}
