import { queryOptions } from "@tanstack/react-query";
import { proxy } from "comlink";
import { textDigest } from "../core/text/digest";
import type { ProgressCallback } from "../core/tokenizers/catalog";
import { tokenizerWorker } from "../../workers/tokenizer/client";

/** The built-in tokenizers (static, fetched once). */
export function tokenizerListOptions() {
  return queryOptions({
    queryKey: ["tokenizers"],
    queryFn: () => tokenizerWorker().listTokenizers(),
    staleTime: Infinity,
  });
}

/** Loads a tokenizer's files in the worker; `onProgress` sees the download. */
export function tokenizerLoadOptions(id: string, onProgress?: ProgressCallback) {
  return queryOptions({
    queryKey: ["tokenizer", id],
    queryFn: () => tokenizerWorker().loadTokenizer(id, onProgress ? proxy(onProgress) : undefined),
    staleTime: Infinity,
    retry: false,
  });
}

/** One tokenization; deterministic, so it never goes stale. Keyed by a digest, not the whole text. */
export function encodingOptions(id: string, text: string, parseSpecials: boolean) {
  return queryOptions({
    queryKey: ["encoding", id, parseSpecials, textDigest(text)],
    queryFn: () => tokenizerWorker().encode(id, text, { parseSpecials }),
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
  });
}
