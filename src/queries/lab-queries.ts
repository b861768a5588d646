import { queryOptions } from "@tanstack/react-query";
import { utf8Encode } from "../core/text/utf8";
import { bpeWorker } from "../../workers/bpe/client";
import { callback } from "../../workers/shared/worker-connection";
import { tokenizerClient } from "../../workers/tokenizer/client";
import type {
  ExperimentRequest,
  ExperimentResult,
  InferenceMethod,
  MixtureCategory,
  MixtureProgress,
  MixtureRequestOptions,
  MixtureResult,
  ModelRef,
  SweepPoint,
  SweepProgress,
  SweepRequest,
  TrainedSummary,
  TrainProgress,
  TrainRequest,
} from "../../workers/bpe/api";
import type { TokenizerInfo } from "../core/tokenizers/types";
import { defineJob } from "./job-mutation";

/** Query and mutation keys of the tokenizer lab. */
export const labKeys = {
  all: ["lab"] as const,
  methods: (ref: ModelRef | null, methods: InferenceMethod[], text: string) =>
    ["lab", "methods", ref, methods, text] as const,
  explain: (ref: ModelRef | null, byteStart: number | null, text: string) =>
    ["lab", "explain", ref, byteStart, text] as const,
  udhrText: (lang: string) => ["udhr-text", lang] as const,
  train: ["lab", "train"] as const,
  sweep: ["lab", "sweep"] as const,
  mixture: ["lab", "mixture"] as const,
  experiment: ["lab", "experiment"] as const,
};

/** The text segmented by each inference method of a model (deterministic: cached for good). */
export function methodEncodingsOptions(ref: ModelRef | null, text: string, methods: InferenceMethod[]) {
  return queryOptions({
    queryKey: labKeys.methods(ref, methods, text),
    queryFn: () => bpeWorker.call((r) => r.encodeMethods(ref!, text, methods)),
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
    queryKey: labKeys.explain(ref, byteStart, text),
    queryFn: () => bpeWorker.call((r) => r.explainToken(ref!, text, byteStart!)),
    enabled: ref !== null && byteStart !== null,
    staleTime: Infinity,
    retry: false,
  });
}

/** The text of one UDHR declaration (from the atlas corpus). */
export function udhrTextOptions(lang: string) {
  return queryOptions({
    queryKey: labKeys.udhrText(lang),
    queryFn: () => tokenizerClient().udhrText(lang),
    staleTime: Infinity,
    retry: false,
  });
}

/** Trains BPE or SuperBPE on the lab's corpus. */
export const trainJob = defineJob<TrainRequest, TrainedSummary, TrainProgress>(
  labKeys.train,
  (request, signal, onProgress) =>
    bpeWorker.cancellable(signal, (r, id) => r.train(request, id, callback(onProgress))),
);

/** Bytes/token against SuperBPE's transition point. */
export const sweepJob = defineJob<SweepRequest, SweepPoint[], SweepProgress>(
  labKeys.sweep,
  (request, signal, onProgress) =>
    bpeWorker.cancellable(signal, (r, id) => r.superBpeSweep(request, id, callback(onProgress))),
);

/** What a mixture estimate needs. */
export interface MixtureInput {
  ref: ModelRef;
  categories: MixtureCategory[];
  options: MixtureRequestOptions;
}

/** Estimates a tokenizer's training-data mixture from its merge list. */
export const mixtureJob = defineJob<MixtureInput, MixtureResult, MixtureProgress>(
  labKeys.mixture,
  ({ ref, categories, options }, signal, onProgress) =>
    bpeWorker.cancellable(signal, (r, id) =>
      r.inferMixture(ref, categories, options, id, callback(onProgress)),
    ),
);

/** Trains on known proportions and estimates them back. */
export const experimentJob = defineJob<ExperimentRequest, ExperimentResult, MixtureProgress>(
  labKeys.experiment,
  (request, signal, onProgress) =>
    bpeWorker.cancellable(signal, (r, id) => r.controlledExperiment(request, id, callback(onProgress))),
);

/** A trained model as tokenizer.json text. */
export function exportTrainedTokenizer(modelId: string): Promise<string> {
  return bpeWorker.call((r) => r.exportTokenizerJson(modelId));
}

/** Registers a trained model with the tokenizer workers (through its tokenizer.json), so it can be a lane. */
export async function addTrainedTokenizer(modelId: string): Promise<TokenizerInfo> {
  const json = await exportTrainedTokenizer(modelId);
  return tokenizerClient().addCustomTokenizer(`${modelId}.json`, utf8Encode(json));
}
