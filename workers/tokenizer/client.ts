import { wrap, type Remote } from "comlink";
import type { TokenizerApi } from "./api";

let remote: Remote<TokenizerApi> | undefined;

/** The tokenizer worker, started on first use. */
export function tokenizerWorker(): Remote<TokenizerApi> {
  remote ??= wrap<TokenizerApi>(
    new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "tokenizer" }),
  );
  return remote;
}
