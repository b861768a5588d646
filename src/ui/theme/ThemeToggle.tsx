import { useEffect } from "react";
import { useComparisonActions, useTheme, type Theme } from "../../state/comparison-store";

const NEXT: Record<Theme, Theme> = { system: "light", light: "dark", dark: "system" };
const LABEL: Record<Theme, string> = { system: "Theme: system", light: "Theme: light", dark: "Theme: dark" };

/** Cycles system → light → dark, and applies the choice to the document. */
export function ThemeToggle() {
  const theme = useTheme();
  const { setTheme } = useComparisonActions();
  useEffect(() => {
    if (theme === "system") delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <button
      type="button"
      onClick={() => setTheme(NEXT[theme])}
      aria-label={`${LABEL[theme]} (change)`}
      data-testid="theme-toggle"
    >
      {theme === "dark" ? "☾" : theme === "light" ? "☀" : "◐"} {LABEL[theme].replace("Theme: ", "")}
    </button>
  );
}
