import { queryOptions } from "@tanstack/react-query";
import { textDigest } from "../core/text/digest";
import { utf8Encode } from "../core/text/utf8";
import { reportModelDownload, reportScoring } from "../state/lm-progress-store";
import { lmClient } from "../../workers/lm/client";
import type { LmBackend } from "../../workers/lm/api";

/** Loads the byte LM once; `auto` picks the faster of the available backends by timing both. */
export function lmLoadOptions(backend: LmBackend | "auto") {
  return queryOptions({
    queryKey: ["lm", "load", backend],
    queryFn: () => lmClient().load(backend, reportModelDownload),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });
}

/** Per-byte surprisal of a text (already cut to the scored length), cancellable. */
export function surprisalOptions(text: string, backend: LmBackend | "auto") {
  return queryOptions({
    queryKey: ["lm", "surprisal", backend, textDigest(text)],
    queryFn: ({ signal }) => lmClient().surprisal(utf8Encode(text), signal, reportScoring),
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
    structuralSharing: false,
  });
}

/** The next-byte distribution after the first `byteOffset` bytes of a text. */
export function nextByteOptions(text: string, byteOffset: number, backend: LmBackend | "auto") {
  return queryOptions({
    queryKey: ["lm", "next-byte", backend, textDigest(text), byteOffset],
    queryFn: () => lmClient().nextByte(utf8Encode(text).subarray(0, byteOffset)),
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
    structuralSharing: false,
  });
}

/** Loads the token LM and its tokenizer once. */
export function tokenLmLoadOptions() {
  return queryOptions({
    queryKey: ["lm", "token-load"],
    queryFn: () => lmClient().loadTokenLm(),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });
}

/** The token LM's exact, naive and healed next-byte distributions after the first `byteOffset` bytes. */
export function tokenNextBytesOptions(text: string, byteOffset: number) {
  return queryOptions({
    queryKey: ["lm", "token-next-bytes", textDigest(text), byteOffset],
    queryFn: () => lmClient().tokenNextBytes(utf8Encode(text).subarray(0, byteOffset)),
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
    structuralSharing: false,
  });
}
