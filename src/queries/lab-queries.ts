import { queryOptions } from "@tanstack/react-query";
import { bpeClient } from "../../workers/bpe/client";
import { tokenizerClient } from "../../workers/tokenizer/client";
import type { InferenceMethod, ModelRef } from "../../workers/bpe/api";

/** The text segmented by each inference method of a model (deterministic: cached for good). */
export function methodEncodingsOptions(ref: ModelRef | null, text: string, methods: InferenceMethod[]) {
  return queryOptions({
    queryKey: ["lab-methods", ref, methods, text],
    queryFn: () => bpeClient().encodeMethods(ref!, text, methods),
    enabled: ref !== null,
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
    structuralSharing: false,
  });
}

/** The merge tree of the token at a byte offset, and the least-tokens view of its chunk. */
export function tokenExplanationOptions(ref: ModelRef | null, text: string, byteStart: number | null) {
  return queryOptions({
    queryKey: ["lab-explain", ref, byteStart, text],
    queryFn: () => bpeClient().explainToken(ref!, text, byteStart!),
    enabled: ref !== null && byteStart !== null,
    staleTime: Infinity,
    retry: false,
  });
}

/** The text of one UDHR declaration (from the atlas corpus). */
export function udhrTextOptions(lang: string) {
  return queryOptions({
    queryKey: ["udhr-text", lang],
    queryFn: () => tokenizerClient().udhrText(lang),
    staleTime: Infinity,
    retry: false,
  });
}
