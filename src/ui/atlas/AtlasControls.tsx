import type { AtlasSort } from "../../core/metrics/atlas-summary";
import { useAtlasSelection, useComparisonActions } from "../../state/comparison-store";
import type { AtlasModel } from "./use-atlas";
import { formatCount } from "../format-count";

/** Which tokenizers and languages the atlas includes, how it is ordered, and the search. */
export function AtlasControls({ model }: { model: AtlasModel }) {
  const selection = useAtlasSelection();
  const { setAtlas } = useComparisonActions();
  const toggle = (id: string, on: boolean) =>
    setAtlas({
      tokenizers: on
        ? model.listings.filter((l) => l.id === id || selection.tokenizers.includes(l.id)).map((l) => l.id)
        : selection.tokenizers.filter((t) => t !== id),
    });
  const total = model.index?.declarations.length ?? 0;
  return (
    <div className="atlas-controls">
      <fieldset>
        <legend>Tokenizers</legend>
        {model.listings.map((l) => (
          <label key={l.id}>
            <input
              type="checkbox"
              checked={selection.tokenizers.includes(l.id)}
              onChange={(e) => toggle(l.id, e.target.checked)}
              data-testid="atlas-tokenizer"
              value={l.id}
            />{" "}
            {l.name}
          </label>
        ))}
      </fieldset>
      <div className="atlas-filter">
        <label>
          Search{" "}
          <input
            type="search"
            value={selection.query}
            placeholder="language, code or script"
            onChange={(e) => setAtlas({ query: e.target.value })}
            data-testid="atlas-search"
          />
        </label>
        <label>
          Sort by{" "}
          <select value={selection.sort} onChange={(e) => setAtlas({ sort: e.target.value as AtlasSort })}>
            <option value="premium">premium (highest first)</option>
            <option value="script">script</option>
            <option value="name">name</option>
          </select>
        </label>
        <span className="muted">
          {formatCount(model.shown.length)} shown · {formatCount(model.included.length)} of{" "}
          {formatCount(total)} languages included
        </span>
        <button
          type="button"
          disabled={model.shown.length === 0 || model.shown.length === model.included.length}
          onClick={() => setAtlas({ langs: model.shown.map((d) => d.lang), query: "" })}
        >
          Include only the shown
        </button>
        <button type="button" disabled={selection.langs === null} onClick={() => setAtlas({ langs: null })}>
          Include all languages
        </button>
      </div>
    </div>
  );
}
