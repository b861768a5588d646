import { queryOptions } from "@tanstack/react-query";
import { bpeWorker } from "../../workers/bpe/client";
import { callback } from "../../workers/shared/worker-connection";
import type {
  BinaryTrainedSummary,
  BinaryTrainProgress,
  BinaryTrainRequestFiles,
} from "../../workers/bpe/api";
import { defineJob } from "./job-mutation";

/** Query and mutation keys of binary BPE. */
export const binaryKeys = {
  train: ["binary", "train"] as const,
  encode: (modelId: string | null, fileId: string) => ["binary", "encode", modelId, fileId] as const,
};

/** Trains binary BPE on files in the BPE worker (a quarter of each kind held out). */
export const trainBinaryJob = defineJob<BinaryTrainRequestFiles, BinaryTrainedSummary, BinaryTrainProgress>(
  binaryKeys.train,
  (request, signal, onProgress) =>
    bpeWorker.cancellable(signal, (r, id) => r.trainBinary(request, id, callback(onProgress))),
);

/** A file's bytes tokenized by a binary BPE model trained in the worker (file ids are unique per content). */
export function binaryEncodingOptions(modelId: string | null, fileId: string, bytes: Uint8Array) {
  return queryOptions({
    queryKey: binaryKeys.encode(modelId, fileId),
    queryFn: () => bpeWorker.call((r) => r.encodeBinary(modelId!, bytes)),
    enabled: modelId !== null,
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
    structuralSharing: false,
  });
}
