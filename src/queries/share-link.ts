import { shareWorker } from "../../workers/share/client";
import type { ShareState } from "../core/url-state/share-state";

/** Encodes a big state into a link fragment in the link worker (compression stays off the main thread). */
export function encodeLinkOffThread(state: ShareState): Promise<string> {
  return shareWorker.call((r) => r.encodeLink(state));
}
