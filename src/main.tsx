import { notifyManager, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { coalescingScheduler } from "./queries/coalescing-scheduler";
import { fetchingTrackerOf } from "./queries/fetching-tracker";
import { startLanePrefetch } from "./queries/lane-prefetch";
import { preloadByteLmIfShown } from "./queries/lm-preload";
import { readLinkOnLoad, startUrlSync } from "./state/url-sync";
import { installTestApi } from "./test-api";
import "./styles.css";

const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } });
// Results that arrive within a few milliseconds of each other (one per lane) are rendered together; the last
// one (no query left fetching) at once.
const fetching = fetchingTrackerOf(queryClient.getQueryCache());
notifyManager.setScheduler(coalescingScheduler(8, () => !fetching.anyFetching()));

readLinkOnLoad();
preloadByteLmIfShown(queryClient);
startUrlSync();
startLanePrefetch(queryClient);
installTestApi(queryClient);

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
