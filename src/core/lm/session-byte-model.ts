import { batchInput, groupByLength } from "./session-batches";
import type { ByteLanguageModel } from "./surprisal";

/** The part of an onnxruntime `InferenceSession` the byte LM needs (core does not import onnxruntime). */
export interface LogitsSession {
  run(feeds: Record<string, unknown>): Promise<Record<string, { data: unknown } | undefined>>;
}

/** What a session needs to know about its model: input/output names, BOS id and context length. */
export interface ByteModelSpec {
  name: string;
  bos: number;
  contextLength: number;
  input: string;
  output: string;
}

/**
 * Wraps an ONNX session (int64 `[batch, seq]` in, float32 `[batch, seq, 256]` out) as a
 * {@link ByteLanguageModel}: each input is BOS followed by the context bytes, and contexts of equal
 * length share one batched run. `tensor` builds the runtime's int64 tensor.
 */
export function byteModelFromSession(
  session: LogitsSession,
  tensor: (ids: BigInt64Array, dims: [number, number]) => unknown,
  spec: ByteModelSpec,
): ByteLanguageModel {
  const { bos, contextLength } = spec;
  return {
    name: spec.name,
    contextLength,
    async logits(contexts) {
      const results = new Array<Float32Array>(contexts.length);
      for (const context of contexts)
        if (context.length > contextLength - 1)
          throw new RangeError(`context of ${context.length} bytes exceeds ${contextLength - 1}`);
      for (const [length, members] of groupByLength(contexts)) {
        const seq = length + 1;
        const ids = batchInput(contexts, members, length, bos);
        const output = await session.run({ [spec.input]: tensor(ids, [members.length, seq]) });
        const logits = output[spec.output]?.data;
        if (!(logits instanceof Float32Array)) throw new Error(`the model gave no float32 "${spec.output}"`);
        members.forEach(
          (index, row) => (results[index] = logits.slice(row * seq * 256, (row + 1) * seq * 256)),
        );
      }
      return results;
    },
  };
}
