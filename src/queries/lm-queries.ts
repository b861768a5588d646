import { queryOptions } from "@tanstack/react-query";
import { textDigest } from "../core/text/digest";
import { utf8Encode } from "../core/text/utf8";
import { reportModelDownload, reportScoring } from "../state/lm-progress-store";
import type { BiasPoint } from "../core/lm/byte-token/bias-scan";
import { lmWorker } from "../../workers/lm/client";
import { callback } from "../../workers/shared/worker-connection";
import type { LmBackend } from "../../workers/lm/api";
import type { SampleStep } from "../../workers/lm/token-api";
import { defineJob } from "./job-mutation";

/** Query and mutation keys of the language models. */
export const lmKeys = {
  all: ["lm"] as const,
  load: (backend: LmBackend | "auto") => ["lm", "load", backend] as const,
  surprisalAll: ["lm", "surprisal"] as const,
  surprisal: (backend: LmBackend | "auto", text: string) =>
    ["lm", "surprisal", backend, textDigest(text)] as const,
  nextByte: (backend: LmBackend | "auto", text: string, byteOffset: number) =>
    ["lm", "next-byte", backend, textDigest(text), byteOffset] as const,
  tokenLoad: ["lm", "token-load"] as const,
  tokenNextBytes: (text: string, byteOffset: number) =>
    ["lm", "token-next-bytes", textDigest(text), byteOffset] as const,
  biasScan: ["lm", "bias-scan"] as const,
  exactSample: ["lm", "exact-sample"] as const,
};

/** Loads the byte LM once; `auto` picks the faster of the available backends by timing both. */
export function lmLoadOptions(backend: LmBackend | "auto") {
  return queryOptions({
    queryKey: lmKeys.load(backend),
    queryFn: () => lmWorker.call((r) => r.load(backend, callback(reportModelDownload))),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });
}

/** Per-byte surprisal of a text (already cut to the scored length), cancellable. */
export function surprisalOptions(text: string, backend: LmBackend | "auto") {
  return queryOptions({
    queryKey: lmKeys.surprisal(backend, text),
    queryFn: ({ signal }) =>
      lmWorker.cancellable(signal, (r, id) => r.surprisal(utf8Encode(text), id, callback(reportScoring))),
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
    structuralSharing: false,
  });
}

/** The next-byte distribution after the first `byteOffset` bytes of a text. */
export function nextByteOptions(text: string, byteOffset: number, backend: LmBackend | "auto") {
  return queryOptions({
    queryKey: lmKeys.nextByte(backend, text, byteOffset),
    queryFn: () => lmWorker.call((r) => r.nextByte(utf8Encode(text).subarray(0, byteOffset))),
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
    structuralSharing: false,
  });
}

/** Loads the token LM and its tokenizer once. */
export function tokenLmLoadOptions() {
  return queryOptions({
    queryKey: lmKeys.tokenLoad,
    queryFn: () => lmWorker.call((r) => r.loadTokenLm()),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });
}

/** The token LM's exact, naive and healed next-byte distributions after the first `byteOffset` bytes. */
export function tokenNextBytesOptions(text: string, byteOffset: number) {
  return queryOptions({
    queryKey: lmKeys.tokenNextBytes(text, byteOffset),
    queryFn: () => lmWorker.call((r) => r.tokenNextBytes(utf8Encode(text).subarray(0, byteOffset))),
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
    structuralSharing: false,
  });
}

/** A bias scan's input: the text's bytes (the scan covers at most `limit` of them). */
export interface BiasScanInput {
  text: string;
  limit: number;
}

/** After every character of the text's start, the distance between naive and exact next-byte distributions. */
export const biasScanJob = defineJob<
  BiasScanInput,
  { points: BiasPoint[]; text: string },
  { done: number; total: number }
>(lmKeys.biasScan, async ({ text, limit }, signal, onProgress) => ({
  points: await lmWorker.cancellable(signal, (r, id) =>
    r.biasScan(
      utf8Encode(text),
      limit,
      id,
      callback((done: number, total: number) => onProgress({ done, total })),
    ),
  ),
  text,
}));

/** An exact sampling run: the prompt bytes, how many bytes to sample and the seed. */
export interface ExactSampleInput {
  prompt: Uint8Array;
  count: number;
  seed: number;
}

/** Samples bytes one at a time from the token LM's exact next-byte distribution; each step is a progress report. */
export const exactSampleJob = defineJob<ExactSampleInput, Uint8Array, SampleStep>(
  lmKeys.exactSample,
  ({ prompt, count, seed }, signal, onStep) =>
    lmWorker.cancellable(signal, (r, id) => r.sampleExact(prompt, count, seed, id, callback(onStep))),
);
