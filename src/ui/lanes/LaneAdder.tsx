import { useQuery, useQueryClient } from "@tanstack/react-query";
import { memo, useState } from "react";
import { HubAdder } from "../hub/HubAdder";
import { ModelPicker } from "../models/ModelPicker";
import { dropFileProps, FileButton } from "../files/file-input";
import { PATCH_LANE_ID } from "../../core/lm/patch-encoding";
import { addTokenizerFile, tokenizerListOptions } from "../../queries/tokenizer-queries";
import { useComparisonActions } from "../../state/comparison-store";
import { VariantAdder } from "./VariantAdder";
import { formatCount } from "../format-count";

/** Lanes the picker offers beside the catalogue. */
const EXTRA_LANES = [{ id: PATCH_LANE_ID, name: "Byte-LM entropy patches (BLT)" }];

/** Adds a built-in tokenizer, or a tokenizer.json / .tiktoken file, as a new lane. */
export const LaneAdder = memo(function LaneAdder() {
  const listing = useQuery(tokenizerListOptions());
  const { addLane, notify } = useComparisonActions();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);

  const addFile = async (file: File) => {
    setBusy(true);
    try {
      const info = await addTokenizerFile(queryClient, file.name, new Uint8Array(await file.arrayBuffer()));
      addLane(info.id);
      notify({
        kind: "info",
        text: `Added ${file.name} (${info.algorithm}, ${info.vocabSize == null ? "?" : formatCount(info.vocabSize)} ids) as a lane.`,
      });
    } catch (error) {
      notify({ kind: "error", text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="lane-adder" data-testid="lane-adder" {...dropFileProps((file) => void addFile(file))}>
      <ModelPicker listings={listing.data ?? []} extras={EXTRA_LANES} />
      <FileButton
        label={busy ? "Reading file…" : "Add tokenizer.json / .tiktoken…"}
        accept=".json,.tiktoken,application/json"
        testId="tokenizer-file-input"
        disabled={busy}
        onFile={(file) => void addFile(file)}
      />
      <span className="muted">or drop a tokenizer file here</span>
      <HubAdder />
      <VariantAdder listings={listing.data ?? []} />
    </div>
  );
});
