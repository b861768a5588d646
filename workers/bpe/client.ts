import { WorkerConnection } from "../shared/worker-connection";
import type { BpeApi } from "./api";

/** The BPE lab's worker (started on first call): {@link BpeApi} over the one worker-call layer. */
export const bpeWorker = new WorkerConnection<BpeApi>(
  () => new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "bpe" }),
  "tokenizer lab",
);
