import { ComparisonView } from "./ui/comparison/ComparisonView";
import { NoticeBanner } from "./ui/NoticeBanner";
import { CopyLinkButton } from "./ui/share/CopyLinkButton";
import { ThemeToggle } from "./ui/theme/ThemeToggle";

/** Tokenprism: header, messages, and the comparison view. */
export function App() {
  return (
    <>
      <header className="app-header">
        <h1>
          Tokenprism <span className="tagline">how LLM tokenizers cut your text</span>
        </h1>
        <nav className="header-actions">
          <CopyLinkButton />
          <ThemeToggle />
        </nav>
      </header>
      <main className="app">
        <NoticeBanner />
        <ComparisonView />
      </main>
    </>
  );
}
