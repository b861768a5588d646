import { keepPreviousData, useQueries } from "@tanstack/react-query";
import type { LaneViewData } from "../../core/compare/lane-view-data";
import type { Encoding, TokenizerInfo } from "../../core/tokenizers/types";
import { PATCH_LANE_ID } from "../../core/lm/patch-encoding";
import { patchLaneEncodingOptions, patchLaneLoadOptions } from "../../queries/patch-lane-queries";
import { encodingOptions, tokenizerLoadOptions } from "../../queries/tokenizer-queries";
import { usePatching, type LaneSetting } from "../../state/comparison-store";
import type { TokenizerListing } from "../../../workers/tokenizer/api";

/** One lane's state: what loaded, what it computed, and for which text. */
export interface LaneResult {
  setting: LaneSetting;
  listing: TokenizerListing | undefined;
  info: TokenizerInfo | undefined;
  /** The latest encoding; may belong to an older text while the new one is computed. */
  encoding: Encoding | undefined;
  /** Display data for `encoding` (blocks, flag counts, special look-alikes). */
  view: LaneViewData | undefined;
  /** The text `encoding` was computed for. */
  encodedText: string | undefined;
  status: "loading" | "ready" | "error";
  error: Error | null;
  retry(): void;
}

/** Loads every lane's tokenizer and tokenizes the text with each, in the workers. */
export function useLaneResults(
  lanes: readonly LaneSetting[],
  text: string,
  parseSpecials: boolean,
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
    queries: lanes.map((lane, i) => ({
      ...(lane.tokenizer === PATCH_LANE_ID
        ? patchLaneEncodingOptions(text, patching)
        : encodingOptions(lane.tokenizer, text, parseSpecials)),
      enabled: loads[i]?.isSuccess === true,
      placeholderData: keepPreviousData,
    })),
  });
  return lanes.map((setting, i) => {
    const load = loads[i]!;
    const encode = encodings[i]!;
    const error = (load.error ?? encode.error) as Error | null;
    const current = encode.data !== undefined && !encode.isPlaceholderData && encode.data.text === text;
    return {
      setting,
      listing: listingOf(setting.tokenizer),
      info: load.data,
      encoding: encode.data?.view.encoding,
      view: encode.data?.view,
      encodedText: encode.data?.text,
      status: error ? "error" : current && !encode.isFetching ? "ready" : "loading",
      error,
      retry: () => void (load.isError ? load.refetch() : encode.refetch()),
    };
  });
}
