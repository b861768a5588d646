import { notifyManager, useQueryClient } from "@tanstack/react-query";
import { useCallback, useLayoutEffect, useSyncExternalStore } from "react";
import { fetchingTrackerOf } from "../queries/fetching-tracker";

/** `useIsFetching() > 0` without its scan of every cached query on each cache event (see `trackFetching`). */
function useAnyFetching(): boolean {
  const tracker = fetchingTrackerOf(useQueryClient().getQueryCache());
  const subscribe = useCallback(
    (onChange: () => void) => tracker.subscribe(notifyManager.batchCalls(onChange)),
    [tracker],
  );
  return useSyncExternalStore(subscribe, tracker.anyFetching, tracker.anyFetching);
}

/**
 * Mirrors "is any work pending" onto `<body data-status>` (idle / busy) for tests and tools: queries in
 * flight, or typed text not yet handed to the tokenizers.
 */
export function BusyIndicator({ pending }: { pending: boolean }) {
  const anyFetching = useAnyFetching();
  const busy = pending || anyFetching;
  // Written in the commit that changes it (a passive effect would wait for the frame after: the lanes drawn with
  // a new text would be painted while the page still said "busy").
  useLayoutEffect(() => {
    document.body.dataset.status = busy ? "busy" : "idle";
  }, [busy]);
  return null;
}
