import { existsSync } from "node:fs";

/** Where Debian (or the developer, through CHROMIUM_PATH) put a Chromium we can drive. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((path): path is string => Boolean(path) && existsSync(path as string)) ?? null;
}

/** Flags for headless Chromium here: root needs --no-sandbox; the rest keep it off a closed network. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-gpu",
];
