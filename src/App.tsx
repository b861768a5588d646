import { AtlasView } from "./ui/atlas/AtlasView";
import { ByteLmView } from "./ui/lm/ByteLmView";
import { LabView } from "./ui/lab/LabView";
import { ComparisonView } from "./ui/comparison/ComparisonView";
import { NoticeBanner } from "./ui/NoticeBanner";
import { CopyLinkButton } from "./ui/share/CopyLinkButton";
import { ThemeToggle } from "./ui/theme/ThemeToggle";
import { ViewTabs } from "./ui/ViewTabs";
import { useView } from "./state/comparison-store";

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
      <main className="app">
        <NoticeBanner />
        {view === "atlas" ? (
          <AtlasView />
        ) : view === "lm" ? (
          <ByteLmView />
        ) : view === "lab" ? (
          <LabView />
        ) : (
          <ComparisonView />
        )}
      </main>
    </>
  );
}
