import { queryOptions } from "@tanstack/react-query";
import { patchLaneInfo } from "../core/lm/patch-encoding";
import { textDigest } from "../core/text/digest";
import { utf8ByteLength } from "../core/text/utf8";
import type { PatchingSettings } from "../core/url-state/share-state";
import { reportModelDownload, reportScoring } from "../state/lm-progress-store";
import { lmWorker } from "../../workers/lm/client";
import { callback } from "../../workers/shared/worker-connection";

/** Query keys of the entropy-patch lane. */
export const patchLaneKeys = {
  load: ["patch-lane", "load"] as const,
  encode: (text: string, patching: PatchingSettings) =>
    ["patch-lane", "encode", textDigest(text), patching] as const,
};

/** The most text the patch lane scores (the byte LM runs at tens of KB per second on WebAssembly). */
export const PATCH_LANE_MAX_BYTES = 1024 * 1024;

/** The `byte-lm-patches` lane's "tokenizer": the byte LM, loaded in its own worker. */
export function patchLaneLoadOptions() {
  return queryOptions({
    queryKey: patchLaneKeys.load,
    queryFn: async () =>
      patchLaneInfo(
        (await lmWorker.call((r) => r.load("auto", callback(reportModelDownload)))).card.name,
        "entropy",
      ),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });
}

/** The text cut into entropy patches, as lane data (computed in the byte LM's worker). */
export function patchLaneEncodingOptions(text: string, patching: PatchingSettings) {
  return queryOptions({
    queryKey: patchLaneKeys.encode(text, patching),
    queryFn: async ({ signal }) => {
      const size = utf8ByteLength(text);
      if (size > PATCH_LANE_MAX_BYTES)
        throw new Error(
          `The byte-LM patch lane scores up to ${PATCH_LANE_MAX_BYTES.toLocaleString()} bytes; this text has ${size.toLocaleString()}.`,
        );
      const view = await lmWorker.cancellable(signal, (r, id) =>
        r.patchLane(text, patching, id, callback(reportScoring)),
      );
      return { view, text };
    },
    staleTime: Infinity,
    gcTime: 30_000,
    retry: false,
    structuralSharing: false,
  });
}
