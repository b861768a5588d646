import { useIsFetching } from "@tanstack/react-query";
import { useLayoutEffect } from "react";

/**
 * Mirrors "is any work pending" onto `<body data-status>` (idle / busy) for tests and tools: queries in
 * flight, or typed text not yet handed to the tokenizers.
 */
export function BusyIndicator({ pending }: { pending: boolean }) {
  const fetching = useIsFetching();
  const busy = pending || fetching > 0;
  // Written in the commit that changes it (a passive effect would wait for the frame after: the lanes drawn with
  // a new text would be painted while the page still said "busy").
  useLayoutEffect(() => {
    document.body.dataset.status = busy ? "busy" : "idle";
  }, [busy]);
  return null;
}
