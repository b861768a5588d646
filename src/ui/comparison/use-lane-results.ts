import { keepPreviousData, queryOptions, useQueries } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { LaneViewData } from "../../core/compare/lane-view-data";
import type { ChatRole } from "../../core/chat/messages";
import type { Encoding, TokenizerInfo } from "../../core/tokenizers/types";
import type { ChatSettings } from "../../core/url-state/share-state";
import { PATCH_LANE_ID } from "../../core/lm/patch-encoding";
import { patchLaneEncodingOptions, patchLaneLoadOptions } from "../../queries/patch-lane-queries";
import { chatEncodingOptions, encodingOptions, tokenizerLoadOptions } from "../../queries/tokenizer-queries";
import { usePatching, type LaneSetting } from "../../state/comparison-store";
import type { TokenizerListing } from "../../../workers/tokenizer/api";

/** What a lane shows of a conversation beyond its tokens. */
export interface LaneChat {
  roles: ChatRole[];
  messageTokens: number[];
  generationPromptTokens: number;
  /** Which template rendered the text. */
  format: string;
  notes: string[];
}

/** One lane's state: what loaded, what it computed, and for which text. */
export interface LaneResult {
  setting: LaneSetting;
  listing: TokenizerListing | undefined;
  info: TokenizerInfo | undefined;
  /** The latest encoding; may belong to an older text while the new one is computed. */
  encoding: Encoding | undefined;
  /** Display data for `encoding` (blocks, flag counts, special look-alikes). */
  view: LaneViewData | undefined;
  /** The text `encoding` was computed for (in chat mode, the conversation as this lane's template renders it). */
  encodedText: string | undefined;
  /** Per-message counts in chat mode. */
  chat: LaneChat | undefined;
  status: "loading" | "ready" | "error";
  error: Error | null;
  retry(): void;
}

/** What the lanes tokenize: the shared text, or a conversation each lane renders with its own template. */
export type LaneInput =
  { kind: "text"; text: string; parseSpecials: boolean } | { kind: "chat"; chat: ChatSettings };

/** The patch lane needs the byte LM's entropies of one plain text. */
const patchLaneInChat = queryOptions({
  queryKey: ["patch-lane-chat"] as const,
  queryFn: (): Promise<{ view: LaneViewData; text: string }> =>
    Promise.reject(new Error("The byte-LM patch lane works on plain text; switch to Text to see it.")),
  retry: false,
  staleTime: Infinity,
});

/** What one lane's encoding query returns (text or chat). */
interface LaneData {
  view: LaneViewData;
  text: string;
  messageTokens?: number[];
  generationPromptTokens?: number;
  format?: string;
  notes?: string[];
}

/** Loads every lane's tokenizer and tokenizes the text (or the conversation) with each, in the workers. */
export function useLaneResults(
  lanes: readonly LaneSetting[],
  input: LaneInput,
  listings: readonly TokenizerListing[] | undefined,
): LaneResult[] {
  const listingOf = (id: string) => listings?.find((entry) => entry.id === id);
  const patching = usePatching();
  // The byte-LM patch lane is computed from the byte LM's entropies, not by a tokenizer worker.
  const loads = useQueries({
    queries: lanes.map((lane) =>
      lane.tokenizer === PATCH_LANE_ID
        ? patchLaneLoadOptions()
        : tokenizerLoadOptions(lane.tokenizer, listingOf(lane.tokenizer)?.approximateBytes),
    ),
  });
  const encodings = useQueries({
    queries: lanes.map((lane, i) => {
      const options =
        input.kind === "chat"
          ? lane.tokenizer === PATCH_LANE_ID
            ? patchLaneInChat
            : chatEncodingOptions(lane.tokenizer, input.chat.messages, input.chat.addGenerationPrompt)
          : lane.tokenizer === PATCH_LANE_ID
            ? patchLaneEncodingOptions(input.text, patching)
            : encodingOptions(lane.tokenizer, input.text, input.parseSpecials);
      return {
        ...(options as ReturnType<typeof encodingOptions>),
        enabled: loads[i]?.isSuccess === true,
        placeholderData: keepPreviousData,
      };
    }),
  });
  // `keepPreviousData` keeps data only within one query observer, and `useQueries` makes a new observer for every
  // new key (a new text): a lane would have nothing to show while its new text is encoded, unmount its body (losing
  // its scroll position) and mount it again. So the lanes' last results are kept here, per lane and input kind.
  const lastData = useRef(new Map<string, LaneData>());
  const slotOf = (setting: LaneSetting) => `${input.kind}|${setting.key}|${setting.tokenizer}`;
  useEffect(() => {
    const kept = new Map<string, LaneData>();
    lanes.forEach((setting, i) => {
      const data = (encodings[i]?.data as LaneData | undefined) ?? lastData.current.get(slotOf(setting));
      if (data) kept.set(slotOf(setting), data);
    });
    lastData.current = kept;
  });
  return lanes.map((setting, i) => {
    const load = loads[i]!;
    const encode = encodings[i]!;
    const own = encode.data as LaneData | undefined;
    // Read during render: the map is only written after commit (above), for the next text.
    const data = own ?? lastData.current.get(slotOf(setting));
    const error = (load.error ?? encode.error) as Error | null;
    const current =
      own !== undefined && !encode.isPlaceholderData && (input.kind === "chat" || own.text === input.text);
    return {
      setting,
      listing: listingOf(setting.tokenizer),
      info: load.data,
      encoding: data?.view.encoding,
      view: data?.view,
      encodedText: data?.text,
      chat:
        input.kind === "chat" && data?.messageTokens
          ? {
              roles: input.chat.messages.map((m) => m.role),
              messageTokens: data.messageTokens,
              generationPromptTokens: data.generationPromptTokens ?? 0,
              format: data.format ?? "",
              notes: data.notes ?? [],
            }
          : undefined,
      status: error ? "error" : current && !encode.isFetching ? "ready" : "loading",
      error,
      retry: () => void (load.isError ? load.refetch() : encode.refetch()),
    };
  });
}
