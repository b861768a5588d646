import { queryOptions } from "@tanstack/react-query";
import { textDigest } from "../core/text/digest";
import { reportLoadProgress } from "../state/load-progress-store";
import { tokenizerClient } from "../../workers/tokenizer/client";

/** The built-in tokenizers (static, fetched once). */
export function tokenizerListOptions() {
  return queryOptions({
    queryKey: ["tokenizers"],
    queryFn: () => tokenizerClient().listTokenizers(),
    staleTime: Infinity,
  });
}

/** Loads a tokenizer's files in its worker, reporting download progress. */
export function tokenizerLoadOptions(id: string, approximateBytes = 1) {
  return queryOptions({
    queryKey: ["tokenizer", id],
    queryFn: () =>
      tokenizerClient().loadTokenizer(id, Math.max(1, approximateBytes), (loaded, total) =>
        reportLoadProgress(id, loaded, total),
      ),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });
}

/** One tokenization. Deterministic, so never stale; keyed by a digest, not the whole text. */
export function encodingOptions(id: string, text: string, parseSpecials: boolean) {
  return queryOptions({
    queryKey: ["encoding", id, parseSpecials, textDigest(text)],
    // The text travels with the result, so a lane showing a previous result draws it over its own text.
    queryFn: async ({ signal }) => ({
      view: await tokenizerClient().encode(id, text, { parseSpecials }, signal),
      text,
    }),
    staleTime: Infinity,
    gcTime: 30_000,
    retry: false,
    // Encodings are typed arrays: nothing to share structurally, and comparing would cost time.
    structuralSharing: false,
  });
}

/** Counts and per-script profile of the text (computed once, in a worker, for every lane). */
export function textAnalysisOptions(text: string) {
  return queryOptions({
    queryKey: ["text-analysis", textDigest(text)],
    queryFn: ({ signal }) => tokenizerClient().analyzeText(text, signal),
    structuralSharing: false,
    staleTime: Infinity,
    gcTime: 30_000,
  });
}
