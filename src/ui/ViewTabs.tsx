import type { View } from "../core/url-state/share-state";
import { useComparisonActions, useView } from "../state/comparison-store";

const TABS: { view: View; label: string }[] = [
  { view: "compare", label: "Compare" },
  { view: "atlas", label: "Parity atlas" },
  { view: "lm", label: "Byte LM" },
  { view: "lab", label: "Tokenizer lab" },
];

/** The app's screens; the one shown is part of the link. */
export function ViewTabs() {
  const view = useView();
  const { setView } = useComparisonActions();
  return (
    <div className="view-tabs" role="tablist" aria-label="Views">
      {TABS.map((tab) => (
        <button
          key={tab.view}
          type="button"
          role="tab"
          aria-selected={view === tab.view}
          className={view === tab.view ? "active" : undefined}
          onClick={() => setView(tab.view)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
