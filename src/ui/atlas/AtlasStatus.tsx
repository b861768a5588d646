import { useAtlasProgress } from "../../state/atlas-progress-store";
import type { AtlasModel } from "./use-atlas";

/** Overall progress over the selected tokenizers, with cancel / resume and per-column errors. */
export function AtlasStatus({ model }: { model: AtlasModel }) {
  const progress = useAtlasProgress();
  const total = model.index?.declarations.length ?? 0;
  const columns = model.columns;
  const done = columns.reduce(
    (sum, c) => sum + (c.status === "ready" ? total : Math.min(total, progress[c.tokenizer]?.done ?? 0)),
    0,
  );
  const all = columns.length * total;
  const working = columns.some((c) => c.status === "running" || c.status === "pending");
  const cached = columns.filter((c) => c.origin === "cache").length;
  const bundled = columns.filter((c) => c.origin === "bundled").length;
  const failed = columns.filter((c) => c.status === "error");
  return (
    <div className="atlas-status" data-testid="atlas-status" data-state={working ? "working" : "done"}>
      {model.indexError && (
        <p className="error" role="alert">
          The corpus could not be loaded: {model.indexError.message}
        </p>
      )}
      {all > 0 && (
        <>
          <progress value={done} max={all} aria-label="Atlas progress" />{" "}
          <span>
            {columns.filter((c) => c.status === "ready").length} of {columns.length} tokenizers
            {working && !model.paused ? ` · ${Math.floor((100 * done) / all)} %` : ""}
            {bundled > 0 ? ` · ${bundled} counted when the app was built` : ""}
            {cached > 0 ? ` · ${cached} from this browser's cache` : ""}
          </span>{" "}
          {working && !model.paused && (
            <button type="button" onClick={model.cancel}>
              Cancel
            </button>
          )}
          {model.paused && columns.some((c) => c.status !== "ready") && (
            <>
              <span className="muted">Cancelled. </span>
              <button type="button" onClick={model.resume}>
                Resume
              </button>
            </>
          )}
        </>
      )}
      {failed.map((c) => (
        <p className="error" role="alert" key={c.tokenizer}>
          {c.name}: {c.error?.message ?? "failed"}
        </p>
      ))}
    </div>
  );
}
