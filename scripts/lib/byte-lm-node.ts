// The committed byte LM (public/models/byte-lm.onnx) in Node, through onnxruntime-web's WebAssembly
// backend — the same runtime the page uses — behind src/core's ByteLanguageModel interface.
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as ort from "onnxruntime-web";
import type { ByteLmCard } from "../../src/core/lm/model-card";
import { byteModelFromSession } from "../../src/core/lm/session-byte-model";
import type { ByteLanguageModel } from "../../src/core/lm/surprisal";

export type { ByteLmCard } from "../../src/core/lm/model-card";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The committed model, its card and the training fixture. */
export const BYTE_LM_PATH = join(ROOT, "public", "models", "byte-lm.onnx");
export const BYTE_LM_CARD_PATH = join(ROOT, "public", "models", "byte-lm.card.json");
export const BYTE_LM_FIXTURE_PATH = join(ROOT, "src", "core", "lm", "fixtures", "byte-lm-fixture.json");

/** A loaded model that can be released. */
export interface NodeByteLanguageModel extends ByteLanguageModel {
  release(): Promise<void>;
}

/** Reads the model card. */
export async function readByteLmCard(path = BYTE_LM_CARD_PATH): Promise<ByteLmCard> {
  return JSON.parse(await readFile(path, "utf8")) as ByteLmCard;
}

/**
 * Opens the ONNX model with onnxruntime-web (WebAssembly, one thread) and wraps it: contexts of equal
 * length share one batched run; each input is BOS followed by the context bytes.
 */
export async function loadByteLmNode(
  modelPath = BYTE_LM_PATH,
  card?: Pick<ByteLmCard, "name" | "bos" | "contextLength" | "onnx">,
): Promise<NodeByteLanguageModel> {
  const info = card ?? (await readByteLmCard());
  ort.env.wasm.numThreads = 1;
  const bytes = await readFile(modelPath);
  const session = await ort.InferenceSession.create(new Uint8Array(bytes), { executionProviders: ["wasm"] });
  const model = byteModelFromSession(session, (ids, dims) => new ort.Tensor("int64", ids, dims), {
    name: info.name,
    bos: info.bos,
    contextLength: info.contextLength,
    input: info.onnx.input,
    output: info.onnx.output,
  });
  return {
    ...model,
    release: () => session.release(),
  };
}
