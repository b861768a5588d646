import { notifyManager, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { coalescingScheduler } from "./queries/coalescing-scheduler";
import { startLanePrefetch } from "./queries/lane-prefetch";
import { preloadByteLmIfShown } from "./queries/lm-preload";
import { readLinkOnLoad, startUrlSync } from "./state/url-sync";
import { installTestApi } from "./test-api";
import "./styles.css";

const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } });
// Results that arrive within a few milliseconds of each other (one per lane) are rendered together; the last
// one (no query left fetching) at once.
notifyManager.setScheduler(coalescingScheduler(8, () => queryClient.isFetching() === 0));

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
