import { WorkerConnection } from "../shared/worker-connection";
import type { LmApi } from "./api";

/**
 * The language-model worker (byte LM and token LM; started on first call): {@link LmApi} over the one
 * worker-call layer. A crashed worker is replaced and its models load again on the next call.
 */
export const lmWorker = new WorkerConnection<LmApi>(
  () => new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "byte-lm" }),
  "language-model",
);
