// The committed token LM (public/models/token-lm.*) in Node, through onnxruntime-web's WebAssembly backend
// (the page's runtime), with the BPE it was trained with, behind src/core's lemma interfaces.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import * as ort from "onnxruntime-web";
import { fromTokenizerJson } from "../../src/core/bpe/tokenizer-json";
import type { BpeModel } from "../../src/core/bpe/model";
import { bpeLemmaTokenizer } from "../../src/core/lm/byte-token/bpe-lemma-tokenizer";
import type { LemmaTokenizer } from "../../src/core/lm/byte-token/lemma-tokenizer";
import type { TokenLanguageModel } from "../../src/core/lm/byte-token/token-lm";
import type { TokenLmCard } from "../../src/core/lm/model-card";
import { tokenModelFromSession, tokenModelSpec } from "../../src/core/lm/session-token-model";
import { TOKEN_LM_CARD_PATH, TOKEN_LM_PATH, TOKEN_LM_TOKENIZER_PATH } from "./model-paths";

export { TOKEN_LM_FIXTURE_PATH, TOKEN_LM_TOKENIZER_PATH } from "./model-paths";

/** A token LM with the tokenizer it was trained with. */
export interface TokenLmBundle {
  lm: TokenLanguageModel;
  tokenizer: LemmaTokenizer;
  release?(): Promise<void>;
}

/** The loaded model, its card, its BPE and a handle on the raw session (for fixture checks). */
export interface NodeTokenLm extends TokenLmBundle {
  card: TokenLmCard;
  bpe: BpeModel;
  session: ort.InferenceSession;
  release(): Promise<void>;
}

/** Reads the committed token LM's BPE. */
export async function readTokenLmBpe(): Promise<BpeModel> {
  return fromTokenizerJson(JSON.parse(await readFile(TOKEN_LM_TOKENIZER_PATH, "utf8")));
}

/**
 * Opens `token-lm.onnx` with onnxruntime-web (WebAssembly, one thread).
 * @throws Error naming what is missing when the model files are absent.
 */
export async function loadTokenLmNode(): Promise<NodeTokenLm> {
  const missing = [TOKEN_LM_PATH, TOKEN_LM_TOKENIZER_PATH, TOKEN_LM_CARD_PATH].filter((p) => !existsSync(p));
  if (missing.length > 0)
    throw new Error(
      `The token LM is not available: missing ${missing.join(", ")}. Train it (training/README.md, token mode).`,
    );
  const card = JSON.parse(await readFile(TOKEN_LM_CARD_PATH, "utf8")) as TokenLmCard;
  const bpe = await readTokenLmBpe();
  ort.env.wasm.numThreads = 1;
  const session = await ort.InferenceSession.create(new Uint8Array(await readFile(TOKEN_LM_PATH)), {
    executionProviders: ["wasm"],
  });
  const lm = tokenModelFromSession(
    session,
    (ids, dims) => new ort.Tensor("int64", ids, dims),
    tokenModelSpec(card, bpe.tokens.length),
  );
  return { lm, tokenizer: bpeLemmaTokenizer(bpe), card, bpe, session, release: () => session.release() };
}
