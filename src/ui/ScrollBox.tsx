import type { ReactNode } from "react";

/**
 * A box that scrolls on its own (a wide table or chart) so the page never scrolls sideways; focusable and named,
 * so keyboard users can scroll it too.
 */
export function ScrollBox({
  label,
  kind = "table",
  children,
}: {
  label: string;
  kind?: "table" | "chart" | "heatmap";
  children: ReactNode;
}) {
  return (
    <div className={`${kind}-scroll`} tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
