import { wrap, type Remote } from "comlink";
import type { ShareApi } from "./api";

let remote: Remote<ShareApi> | undefined;

/** The link worker, started on first use. */
export function shareWorker(): Remote<ShareApi> {
  remote ??= wrap<ShareApi>(
    new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "share" }),
  );
  return remote;
}
