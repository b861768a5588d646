import { advanceExactSampler, startExactSampler } from "./byte-sampler";
import { BYTE_EOS } from "./next-byte";
import type { TokenContextModel } from "./token-lm";

/**
 * Σ_i log P(x_{i+1} | x_1^i) + log P(end | x) with exact next-byte probabilities, stepping the incremental
 * sampler through `bytes` (one LM context per byte). By the lemma this equals {@link encodedLogProb}.
 */
export async function telescopedLogProb(model: TokenContextModel, bytes: Uint8Array): Promise<number> {
  let state = await startExactSampler(model, new Uint8Array(0));
  let total = 0;
  for (const byte of bytes) {
    total += state.logProbs[byte]!;
    if (total === -Infinity) return total;
    state = await advanceExactSampler(model, state, byte);
  }
  return total + state.logProbs[BYTE_EOS]!;
}

/**
 * log P(encode(x), EOS) by the chain rule under the model's normalization (with `"local"`, the LM
 * renormalized over canonical continuations at every step): the right-hand side of the telescoping check.
 */
export async function encodedLogProb(model: TokenContextModel, bytes: Uint8Array): Promise<number> {
  const ids = model.tokenizer.encode(bytes);
  const contexts = Array.from({ length: ids.length + 1 }, (_, j) => ids.subarray(0, j));
  await model.ensure(contexts);
  let total = 0;
  contexts.forEach((context, j) => (total += model.next(context)[j < ids.length ? ids[j]! : model.eos]!));
  return total;
}
