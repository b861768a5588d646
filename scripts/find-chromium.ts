import { existsSync } from "node:fs";

/** Where Debian (or the developer, through CHROMIUM_PATH) put a Chromium we can drive. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((path): path is string => Boolean(path) && existsSync(path as string)) ?? null;
}
