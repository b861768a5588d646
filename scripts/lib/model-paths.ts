// Where the committed models and their fixtures live (no runtime imports, so any script can use them).
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const MODELS = join(ROOT, "public", "models");
const FIXTURES = join(ROOT, "src", "core", "lm", "fixtures");

export const TOKEN_LM_PATH = join(MODELS, "token-lm.onnx");
export const TOKEN_LM_TOKENIZER_PATH = join(MODELS, "token-lm.tokenizer.json");
export const TOKEN_LM_CARD_PATH = join(MODELS, "token-lm.card.json");
export const TOKEN_LM_FIXTURE_PATH = join(FIXTURES, "token-lm-fixture.json");
