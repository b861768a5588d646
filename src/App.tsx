import { AtlasView } from "./ui/atlas/AtlasView";
import { ByteLmView } from "./ui/lm/ByteLmView";
import { LabView } from "./ui/lab/LabView";
import { ComparisonView } from "./ui/comparison/ComparisonView";
import { ErrorBoundary } from "./ui/ErrorBoundary";
import { RenderDrill } from "./ui/RenderDrill";
import { NoticeBanner } from "./ui/NoticeBanner";
import { CopyLinkButton } from "./ui/share/CopyLinkButton";
import { ThemeToggle } from "./ui/theme/ThemeToggle";
import { ViewTabs } from "./ui/ViewTabs";
import { useView } from "./state/comparison-store";

const VIEW_LABELS = {
  compare: "The comparison view",
  atlas: "The parity atlas",
  lm: "The byte LM view",
  lab: "The tokenizer lab",
} as const;

/** Tokenprism: header, messages, and the screen chosen in the tabs. */
export function App() {
  const view = useView();
  return (
    <>
      <header className="app-header">
        <h1>
          Tokenprism <span className="tagline">how LLM tokenizers cut your text</span>
        </h1>
        <ViewTabs />
        <nav className="header-actions">
          <CopyLinkButton />
          <ThemeToggle />
        </nav>
      </header>
      {/* A class, not `.app:has(.compare-layout)`: that selector made every keystroke's DOM change re-check it. */}
      <main className={view === "compare" ? "app app-compare" : "app"}>
        <NoticeBanner />
        {/* Keyed by view: switching tabs leaves a failed view behind. */}
        <ErrorBoundary key={view} label={VIEW_LABELS[view]}>
          <RenderDrill view={view} />
          {view === "atlas" ? (
            <AtlasView />
          ) : view === "lm" ? (
            <ByteLmView />
          ) : view === "lab" ? (
            <LabView />
          ) : (
            <ComparisonView />
          )}
        </ErrorBoundary>
      </main>
    </>
  );
}
