import { WorkerConnection } from "../shared/worker-connection";
import type { ShareApi } from "./api";

/** The link worker (started on first call): {@link ShareApi} over the one worker-call layer. */
export const shareWorker = new WorkerConnection<ShareApi>(
  () => new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "share" }),
  "link",
);
