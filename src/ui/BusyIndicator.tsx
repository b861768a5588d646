import { useIsFetching } from "@tanstack/react-query";
import { useEffect } from "react";

/**
 * Mirrors "is any work pending" onto `<body data-status>` (idle / busy) for tests and tools: queries in
 * flight, or typed text not yet handed to the tokenizers.
 */
export function BusyIndicator({ pending }: { pending: boolean }) {
  const fetching = useIsFetching();
  const busy = pending || fetching > 0;
  useEffect(() => {
    document.body.dataset.status = busy ? "busy" : "idle";
  }, [busy]);
  return null;
}
