import type { UseQueryResult } from "@tanstack/react-query";
import { useModelDownload } from "../../state/lm-progress-store";
import type { LmBackend, LmInfo } from "../../../workers/lm/api";
import { parameterPhrase } from "../../core/lm/model-card";

const BACKEND_NAMES: Record<LmBackend, string> = { wasm: "WebAssembly", webgpu: "WebGPU" };

interface LmStatusProps {
  load: UseQueryResult<LmInfo>;
  preference: LmBackend | "auto";
  onPreference(preference: LmBackend | "auto"): void;
}

/** The model, its size and quality, and which backend runs it (and why). */
export function LmStatus({ load, preference, onPreference }: LmStatusProps) {
  const download = useModelDownload();
  const info = load.data;
  return (
    <div className="lm-status" data-testid="lm-status" data-backend={info?.backend ?? ""}>
      {load.isPending && (
        <p>
          Loading the byte model…{" "}
          {download?.total ? (
            <progress value={download.loaded} max={download.total} aria-label="Model download" />
          ) : null}
        </p>
      )}
      {load.error && (
        <p className="error" role="alert">
          The byte model could not be started: {(load.error as Error).message}{" "}
          <button type="button" onClick={() => void load.refetch()}>
            Retry
          </button>
        </p>
      )}
      {info && (
        <p>
          <strong>{info.card.name}</strong> · {parameterPhrase(info.card)} · context{" "}
          {info.card.contextLength - 1} bytes · validation {info.card.evaluation.bitsPerByte.toFixed(3)}{" "}
          bits/byte · running on <strong data-testid="lm-backend">{BACKEND_NAMES[info.backend]}</strong>
          {info.backend === "wasm" ? ` (${info.wasmThreads} thread${info.wasmThreads > 1 ? "s" : ""})` : ""}
          {Object.keys(info.timings).length > 1
            ? ` — chosen by timing a batch: ${Object.entries(info.timings)
                .map(([b, ms]) => `${BACKEND_NAMES[b as LmBackend]} ${ms.toFixed(0)} ms`)
                .join(", ")}`
            : Object.keys(info.timings).length === 1 && preference === "auto" && info.skipped.length === 0
              ? " — the only backend here (no WebGPU adapter)"
              : ""}
          {info.skipped.length > 0 && (
            <span data-testid="lm-skipped">
              {" "}
              — not used:{" "}
              {info.skipped.map(({ backend, reason }) => `${BACKEND_NAMES[backend]}: ${reason}`).join("; ")}
            </span>
          )}
          {" · "}
          <label>
            Backend{" "}
            <select value={preference} onChange={(e) => onPreference(e.target.value as LmBackend | "auto")}>
              <option value="auto">fastest (measured)</option>
              <option value="wasm">WebAssembly</option>
              <option value="webgpu">WebGPU</option>
            </select>
          </label>
        </p>
      )}
    </div>
  );
}
