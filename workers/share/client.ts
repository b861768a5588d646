import type { ShareState } from "../../src/core/url-state/share-state";
import { WorkerConnection } from "../shared/worker-connection";
import type { ShareApi } from "./api";

/** Main-thread access to the link worker over one {@link WorkerConnection}. */
class ShareClient {
  private readonly connection = new WorkerConnection<ShareApi>(
    () => new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "share" }),
    "link",
  );

  encodeLink(state: ShareState): Promise<string> {
    return this.connection.call((r) => r.encodeLink(state));
  }
}

let client: ShareClient | undefined;

/** The link worker, started on first use. */
export function shareClient(): ShareClient {
  client ??= new ShareClient();
  return client;
}
