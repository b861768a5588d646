import { useQueries } from "@tanstack/react-query";
import { binaryEncodingOptions } from "../../queries/binary-queries";
import type { BinaryItem } from "../../state/binary-store";
import { HexLanes } from "./HexLanes";

/** A binary BPE lane: the model and its name. `laneId` names the lane for tests (`hex-lane-<laneId>`). */
export interface BinaryModelLane {
  modelId: string;
  laneId: string;
  label: string;
}

/** The bytes lane and one lane per binary BPE model, over one file. */
export function BinaryFileLanes({ item, models }: { item: BinaryItem; models: BinaryModelLane[] }) {
  const encodings = useQueries({
    queries: models.map((m) => binaryEncodingOptions(m.modelId, item.id, item.bytes)),
  });
  return (
    <HexLanes
      key={item.id}
      item={item}
      lanes={[
        { kind: "bytes", id: "bytes", label: "Bytes (hex)" },
        ...models.map((m, i) => ({
          kind: "tokens" as const,
          id: m.laneId,
          label: m.label,
          encoding: encodings[i]?.data ?? null,
          error: encodings[i]?.error
            ? `Could not tokenize the file: ${encodings[i].error.message}`
            : undefined,
        })),
      ]}
    />
  );
}
