import * as ort from "onnxruntime-web";
import { describe, expect, it } from "vitest";
import { identityModelBytes } from "./ort-warm-up";

describe("the warm-up model", () => {
  it("is a valid ONNX model that onnxruntime-web runs: y = x", async () => {
    ort.env.wasm.numThreads = 1;
    const session = await ort.InferenceSession.create(identityModelBytes(), { executionProviders: ["wasm"] });
    try {
      expect(session.inputNames).toEqual(["x"]);
      expect(session.outputNames).toEqual(["y"]);
      const { y } = await session.run({ x: new ort.Tensor("float32", Float32Array.of(3.25), [1]) });
      expect(Array.from(y!.data as Float32Array)).toEqual([3.25]);
    } finally {
      await session.release();
    }
  });

  it("hands out a fresh copy each time (a runtime may keep or detach the buffer it is given)", () => {
    const first = identityModelBytes();
    first.fill(0);
    expect(identityModelBytes().some((b) => b !== 0)).toBe(true);
  });
});
