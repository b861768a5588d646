import { create } from "zustand";
import { DEFAULT_HUB_ENDPOINT, normalizeHubEndpoint } from "../core/hub/hub-repo";

const STORAGE_KEY = "tokenprism.hubEndpoint";

interface HubSettings {
  /** Where "Add from the Hub" downloads from. */
  endpoint: string;
  /** Why `?hub=` in the address was not used, if it was not. */
  problem: string | null;
  /** Sets (and remembers in this browser) the endpoint. @throws Error when it is not an http(s) address. */
  setEndpoint(input: string): void;
}

function stored(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** `?hub=<url>` in the page address wins over the remembered setting (mirrors, `HF_ENDPOINT`-style). */
function initial(): { endpoint: string; problem: string | null } {
  const fromUrl = new URLSearchParams(globalThis.location?.search ?? "").get("hub");
  if (fromUrl) {
    try {
      return { endpoint: normalizeHubEndpoint(fromUrl), problem: null };
    } catch (error) {
      return {
        endpoint: stored() ?? DEFAULT_HUB_ENDPOINT,
        problem: `?hub= was ignored: ${(error as Error).message}`,
      };
    }
  }
  return { endpoint: stored() ?? DEFAULT_HUB_ENDPOINT, problem: null };
}

export const useHubSettings = create<HubSettings>()((set) => ({
  ...initial(),
  setEndpoint(input) {
    const endpoint = normalizeHubEndpoint(input);
    try {
      if (endpoint === DEFAULT_HUB_ENDPOINT) globalThis.localStorage?.removeItem(STORAGE_KEY);
      else globalThis.localStorage?.setItem(STORAGE_KEY, endpoint);
    } catch {
      // Private browsing: the setting lasts for this page only.
    }
    set({ endpoint, problem: null });
  },
}));

/** The endpoint in use now (for query functions). */
export function currentHubEndpoint(): string {
  return useHubSettings.getState().endpoint;
}
