import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { textDigest } from "../core/text/digest";
import { reportLoadProgress } from "../state/load-progress-store";
import type { TokenizerInfo } from "../core/tokenizers/types";
import { tokenizerClient } from "../../workers/tokenizer/client";
import type { ChatMessage } from "../core/chat/messages";
import { hubRepoOfId } from "../core/hub/hub-repo";
import { currentHubEndpoint } from "../state/hub-settings";

/** Query keys of the tokenizer workers. */
export const tokenizerKeys = {
  list: ["tokenizers"] as const,
  load: (id: string) => ["tokenizer", id] as const,
  encoding: (id: string, parseSpecials: boolean, text: string) =>
    ["encoding", id, parseSpecials, textDigest(text)] as const,
  encodingsOf: (id: string) => ["encoding", id] as const,
  chatEncoding: (id: string, messages: readonly ChatMessage[], addGenerationPrompt: boolean) =>
    ["chat-encoding", id, addGenerationPrompt, textDigest(JSON.stringify(messages))] as const,
  decoded: (id: string, ids: readonly number[]) => ["decode", id, textDigest(ids.join(","))] as const,
  textAnalysis: (text: string) => ["text-analysis", textDigest(text)] as const,
  explanation: (laneId: string, tokenId: number, text: string, byteStart: number) =>
    ["explain", laneId, tokenId, textDigest(text), byteStart] as const,
};

/**
 * How long a lane's encoding of a text nobody shows any more stays cached. Typing makes a new one per lane per
 * keystroke, each a full copy of the lane's arrays (a patch applied to the last version is a new encoding).
 * Measured in Chromium (`measureUserAgentSpecificMemory`, both builds in one session), the page's memory with 30 s
 * and with 5 s: after 12 keystrokes 0.7 s apart in the middle of a 1 MB text (4 lanes), 783 and 281 MB; after 150
 * keystrokes in 12 s in a 10 KB text with 8 lanes, 254 and 196 MB. 1 s instead of 5 s changed nothing more. The lanes hold their last result themselves
 * (`useLaneResults`); a text typed again is encoded again from the worker's last encoding, a window around the edit.
 */
const SUPERSEDED_ENCODING_GC_MS = 5_000;

/** The built-in tokenizers (static, fetched once). */
export function tokenizerListOptions() {
  return queryOptions({
    queryKey: tokenizerKeys.list,
    queryFn: () => tokenizerClient().listTokenizers(),
    staleTime: Infinity,
  });
}

/** Loads a tokenizer's files in its worker, reporting download progress. */
export function tokenizerLoadOptions(id: string, approximateBytes = 1) {
  return queryOptions({
    queryKey: tokenizerKeys.load(id),
    queryFn: async () => {
      // A Hub tokenizer downloads from the endpoint chosen now (re-fetched when a link is opened).
      if (hubRepoOfId(id)) await tokenizerClient().setHubEndpoint(currentHubEndpoint());
      return tokenizerClient().loadTokenizer(id, Math.max(1, approximateBytes), (loaded, total) =>
        reportLoadProgress(id, loaded, total),
      );
    },
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });
}

/** One tokenization. Deterministic, so never stale; keyed by a digest, not the whole text. */
export function encodingOptions(id: string, text: string, parseSpecials: boolean) {
  return queryOptions({
    queryKey: tokenizerKeys.encoding(id, parseSpecials, text),
    // The text travels with the result, so a lane showing a previous result draws it over its own text.
    queryFn: async ({ signal }) => ({
      view: await tokenizerClient().encode(id, text, { parseSpecials }, signal),
      text,
    }),
    staleTime: Infinity,
    gcTime: SUPERSEDED_ENCODING_GC_MS,
    retry: false,
    // Encodings are typed arrays: nothing to share structurally, and comparing would cost time.
    structuralSharing: false,
  });
}

/** A conversation rendered with a lane's chat template and tokenized. */
export function chatEncodingOptions(id: string, messages: ChatMessage[], addGenerationPrompt: boolean) {
  return queryOptions({
    queryKey: tokenizerKeys.chatEncoding(id, messages, addGenerationPrompt),
    queryFn: ({ signal }) => tokenizerClient().encodeChat(id, messages, addGenerationPrompt, signal),
    staleTime: Infinity,
    gcTime: SUPERSEDED_ENCODING_GC_MS,
    retry: false,
    structuralSharing: false,
  });
}

/** Ids turned back into text with a tokenizer. */
export function decodeIdsOptions(id: string, ids: number[]) {
  return queryOptions({
    queryKey: tokenizerKeys.decoded(id, ids),
    queryFn: () => tokenizerClient().decodeIds(id, ids),
    staleTime: Infinity,
    gcTime: 30_000,
    retry: false,
  });
}

/** Counts and per-script profile of the text (computed once, in a worker, for every lane). */
export function textAnalysisOptions(text: string) {
  return queryOptions({
    queryKey: tokenizerKeys.textAnalysis(text),
    queryFn: ({ signal }) => tokenizerClient().analyzeText(text, signal),
    structuralSharing: false,
    staleTime: Infinity,
    gcTime: 30_000,
  });
}

/** A BPE lane's token explained (merge tree, merge list vs. least tokens on its chunk), or null without merges. */
export function laneTokenExplanationOptions(
  laneId: string,
  tokenId: number,
  text: string,
  byteStart: number,
) {
  return queryOptions({
    queryKey: tokenizerKeys.explanation(laneId, tokenId, text, byteStart),
    queryFn: () => tokenizerClient().explainToken(laneId, tokenId, text, byteStart),
    staleTime: Infinity,
    gcTime: 60_000,
  });
}

/**
 * Registers a dropped tokenizer file with the workers (the bytes are copied: the caller keeps its buffer). A lane
 * already waiting for this file (opened from a link) loads again: its failed queries are reset.
 */
export async function addTokenizerFile(
  queryClient: QueryClient,
  fileName: string,
  bytes: Uint8Array,
): Promise<TokenizerInfo> {
  const info = await tokenizerClient().addCustomTokenizer(fileName, bytes);
  await queryClient.resetQueries({ queryKey: tokenizerKeys.load(info.id) });
  await queryClient.resetQueries({ queryKey: tokenizerKeys.encodingsOf(info.id) });
  return info;
}
