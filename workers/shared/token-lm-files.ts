import type { TokenLmCard } from "../../src/core/lm/model-card";
import { fetchBytes, fetchFreshBytes } from "./cached-fetch";

/** The models live in `public/models/` (same origin; nothing is fetched from anywhere else). */
const MODEL_DIR = `${import.meta.env.BASE_URL}models/`;

function modelUrl(name: string, sha256?: string): string {
  return new URL(`${MODEL_DIR}${name}${sha256 ? `?sha256=${sha256.slice(0, 16)}` : ""}`, self.location.href)
    .href;
}

function parseJson(bytes: Uint8Array): unknown {
  return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
}

/** The token LM's card, fresh from the network when it answers (it names the other files' digests). */
export async function fetchTokenLmCard(): Promise<TokenLmCard> {
  return parseJson(await fetchFreshBytes(modelUrl("token-lm.card.json"))) as TokenLmCard;
}

/** The token LM's tokenizer.json, versioned by the card's digest (so a cached copy is never stale). */
export async function fetchTokenLmTokenizer(card: TokenLmCard): Promise<unknown> {
  return parseJson(await fetchBytes(modelUrl(card.tokenizer.file, card.tokenizer.sha256)));
}

/** The token LM's ONNX file, versioned by the card's digest. */
export function fetchTokenLmOnnx(
  card: TokenLmCard,
  onProgress?: (loaded: number, total: number | null) => void,
) {
  return fetchBytes(modelUrl(card.onnx.file, card.onnx.sha256), onProgress);
}
