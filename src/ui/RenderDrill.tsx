import type { View } from "../core/url-state/share-state";
import { useRenderDrill } from "../state/render-drill";

/** Throws while its view is told to fail (test API only); renders nothing otherwise. */
export function RenderDrill({ view }: { view: View }) {
  const failing = useRenderDrill((s) => s.failing.includes(view));
  if (failing) throw new Error(`A render error forced in the ${view} view (test API).`);
  return null;
}
