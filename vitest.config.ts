import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.{ts,tsx}", "workers/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    setupFiles: ["scripts/lib/fast-check-seed.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Both cores: the slow files (tokenizers against the Rust library) are CPU-bound and independent. Vitest's
    // default leaves one core idle on a 2-core machine (one file at a time, ~8 minutes instead of ~5).
    maxWorkers: 2,
  },
});
