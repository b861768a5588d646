import type { TokenLanguageModel } from "./byte-token/token-lm";
import type { TokenLmCard } from "./model-card";
import { batchInput, paddedBatches } from "./session-batches";
import type { LogitsSession } from "./session-byte-model";

/** What a session needs to know about a token LM: ids, input/output names and context length. */
export interface TokenModelSpec {
  name: string;
  /** Ordinary token ids 0 … vocabSize − 1 (the tokenizer's). */
  vocabSize: number;
  /** The id fed first (BOS). */
  bos: number;
  /** The output column of end-of-text (the LM's EOS). */
  eos: number;
  contextLength: number;
  input: string;
  /** The input naming which positions to compute (`[batch, k]`), when the graph has one. */
  positions?: string;
  output: string;
}

/** The session spec a token LM card describes, for a tokenizer of `vocabSize` ordinary ids. */
export function tokenModelSpec(card: TokenLmCard, vocabSize: number): TokenModelSpec {
  return {
    name: card.name,
    vocabSize,
    bos: card.bos,
    eos: card.eos,
    contextLength: card.contextLength,
    input: card.onnx.input,
    positions: card.onnx.positions,
    output: card.onnx.output,
  };
}

/**
 * Wraps an ONNX session (int64 `[batch, seq]` in, float32 `[batch, seq, width]` out) as a
 * {@link TokenLanguageModel}: each input is BOS followed by the prefix (its last `contextLength − 1` tokens
 * when longer), prefixes of close lengths share one right-padded run (the model is causal), and each row is
 * the log-softmax of the prefix's last position over the ordinary ids and EOS (placed at index `vocabSize`). `tensor` builds the runtime's int64
 * tensor.
 */
export function tokenModelFromSession(
  session: LogitsSession,
  tensor: (ids: BigInt64Array, dims: [number, number]) => unknown,
  spec: TokenModelSpec,
): TokenLanguageModel {
  const { bos, eos, vocabSize, contextLength } = spec;
  return {
    name: spec.name,
    vocabSize,
    async logProbs(prefixes) {
      const rows = new Array<Float64Array>(prefixes.length);
      const contexts = prefixes.map((ids) => ids.subarray(Math.max(0, ids.length - (contextLength - 1))));
      for (const [length, members] of paddedBatches(contexts)) {
        const seq = length + 1;
        const ids = batchInput(contexts, members, length, bos);
        const feeds: Record<string, unknown> = { [spec.input]: tensor(ids, [members.length, seq]) };
        // Only each row's last real position when the graph can be asked for it (the output head is the
        // costliest layer with a 4,097-token vocabulary); else every position, read at the last one.
        const perRow = spec.positions ? 1 : seq;
        if (spec.positions) {
          const last = BigInt64Array.from(members, (index) => BigInt(contexts[index]!.length));
          feeds[spec.positions] = tensor(last, [members.length, 1]);
        }
        const output = await session.run(feeds);
        const logits = output[spec.output]?.data;
        if (!(logits instanceof Float32Array)) throw new Error(`the model gave no float32 "${spec.output}"`);
        const width = logits.length / (members.length * perRow);
        if (!Number.isInteger(width) || width <= Math.max(vocabSize - 1, eos))
          throw new Error(`the model's rows hold ${width} logits, fewer than its ids`);
        members.forEach((index, row) => {
          const last = (row * perRow + (spec.positions ? 0 : contexts[index]!.length)) * width;
          rows[index] = logSoftmaxRow(logits, last, vocabSize, eos);
        });
      }
      return rows;
    },
  };
}

/** Ordinary ids then EOS, as natural-log probabilities normalized over those entries. */
function logSoftmaxRow(logits: Float32Array, offset: number, vocabSize: number, eos: number): Float64Array {
  const row = new Float64Array(vocabSize + 1);
  for (let id = 0; id < vocabSize; id++) row[id] = logits[offset + id]!;
  row[vocabSize] = logits[offset + eos]!;
  let max = -Infinity;
  for (const v of row) if (v > max) max = v;
  let sum = 0;
  for (const v of row) sum += Math.exp(v - max);
  const logZ = max + Math.log(sum);
  for (let i = 0; i < row.length; i++) row[i] = row[i]! - logZ;
  return row;
}
