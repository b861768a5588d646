import { atlasCsv, atlasJson } from "../../core/export/atlas-export";
import { downloadText } from "../summary/download";
import { AtlasControls } from "./AtlasControls";
import { AtlasHeatmap } from "./AtlasHeatmap";
import { AtlasStatus } from "./AtlasStatus";
import { AtlasSummary } from "./AtlasSummary";
import { useAtlas } from "./use-atlas";

/** The parity atlas: every UDHR language × the chosen tokenizers, premiums relative to English. */
export function AtlasView() {
  const model = useAtlas();
  const names = new Map(model.columns.map((c) => [c.tokenizer, c.name]));
  return (
    <section className="atlas" aria-label="Parity atlas" data-testid="atlas">
      <div className="summary-head">
        <h2>Parity atlas</h2>
        <span className="muted">
          The Universal Declaration of Human Rights in {model.index?.declarations.length ?? "…"} languages
          {model.index ? ` (${model.index.source})` : ""}. Premium = a language&apos;s tokens ÷ English&apos;s
          tokens for the same declaration, same tokenizer (Petrov et al., 2023).
        </span>
        <span className="exports">
          <button
            type="button"
            disabled={model.rows.length === 0}
            onClick={() => downloadText("tokenprism-atlas.csv", atlasCsv(model.rows), "text/csv")}
          >
            CSV
          </button>
          <button
            type="button"
            disabled={model.rows.length === 0 || !model.index}
            onClick={() =>
              model.index &&
              downloadText(
                "tokenprism-atlas.json",
                JSON.stringify(atlasJson(model.index, model.rows), null, 1),
                "application/json",
              )
            }
          >
            JSON
          </button>
        </span>
      </div>
      <AtlasControls model={model} />
      <AtlasStatus model={model} />
      {model.columns.length === 0 ? (
        <p className="empty-state">Pick at least one tokenizer above.</p>
      ) : (
        <>
          <AtlasSummary rows={model.rows} names={names} />
          {model.shown.length === 0 && model.index ? (
            <p className="empty-state">No language matches the search.</p>
          ) : (
            <AtlasHeatmap
              languages={model.shown}
              columns={model.columns}
              rows={model.rows}
              orderedBy={model.sort}
            />
          )}
        </>
      )}
    </section>
  );
}
