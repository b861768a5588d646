import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { compiledTokenizers } from "./scripts/vite/compiled-tokenizers";

/** Identifies what computed a cached result: the app's version and every dependency's (the lockfile). */
function buildId(): string {
  const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
  const lock = createHash("sha256").update(readFileSync("package-lock.json")).digest("hex").slice(0, 12);
  return `${version}+${lock}`;
}

/**
 * Cross-origin isolation lets onnxruntime-web use WASM threads; set for dev and preview alike so
 * the two behave the same. Everything the app needs is served from its own origin.
 */
const isolationHeaders = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
};

export default defineConfig({
  plugins: [react(), compiledTokenizers()],
  define: { __BUILD_ID__: JSON.stringify(buildId()) },
  worker: { format: "es", plugins: () => [compiledTokenizers()] },
  build: { target: "es2022", chunkSizeWarningLimit: 30_000, assetsInlineLimit: 0 },
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders, port: 4173, strictPort: true },
});
