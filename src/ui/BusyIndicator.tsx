import { useIsFetching } from "@tanstack/react-query";
import { useEffect } from "react";

/** Mirrors "is any work pending" onto `<body data-status>`, for tests and assistive tech alike. */
export function BusyIndicator() {
  const fetching = useIsFetching();
  useEffect(() => {
    document.body.dataset.status = fetching > 0 ? "busy" : "idle";
  }, [fetching]);
  return null;
}
