import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { dropFileProps, FileButton } from "../files/file-input";
import { PATCH_LANE_ID } from "../../core/lm/patch-encoding";
import { addTokenizerFile, tokenizerListOptions } from "../../queries/tokenizer-queries";
import { useComparisonActions } from "../../state/comparison-store";
import { VariantAdder } from "./VariantAdder";

/** Adds a built-in tokenizer, or a tokenizer.json / .tiktoken file, as a new lane. */
export function LaneAdder() {
  const listing = useQuery(tokenizerListOptions());
  const { addLane, notify } = useComparisonActions();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState("");
  const [busy, setBusy] = useState(false);

  const addFile = async (file: File) => {
    setBusy(true);
    try {
      const info = await addTokenizerFile(queryClient, file.name, new Uint8Array(await file.arrayBuffer()));
      addLane(info.id);
      notify({
        kind: "info",
        text: `Added ${file.name} (${info.algorithm}, ${info.vocabSize?.toLocaleString() ?? "?"} ids) as a lane.`,
      });
    } catch (error) {
      notify({ kind: "error", text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="lane-adder" data-testid="lane-adder" {...dropFileProps((file) => void addFile(file))}>
      <label>
        Add tokenizer{" "}
        <select
          value={choice}
          onChange={(event) => setChoice(event.target.value)}
          data-testid="add-lane-select"
        >
          <option value="">choose…</option>
          {listing.data?.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.name}
              {entry.approximateBytes > 4_000_000 ? ` (${Math.round(entry.approximateBytes / 1e6)} MB)` : ""}
            </option>
          ))}
          <option value={PATCH_LANE_ID}>Byte-LM entropy patches (BLT)</option>
        </select>
      </label>
      <button
        type="button"
        disabled={!choice}
        onClick={() => {
          addLane(choice);
          setChoice("");
        }}
      >
        Add lane
      </button>
      <FileButton
        label={busy ? "Reading file…" : "Add tokenizer.json / .tiktoken…"}
        accept=".json,.tiktoken,application/json"
        testId="tokenizer-file-input"
        disabled={busy}
        onFile={(file) => void addFile(file)}
      />
      <span className="muted">or drop a tokenizer file here</span>
      <VariantAdder listings={listing.data ?? []} />
    </div>
  );
}
