#!/usr/bin/env node
// The two set-up commands. `npm start` and `npm test` both land here, so a fresh clone needs nothing else.
// Plain JavaScript on purpose: it runs before node_modules exists.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const stampPath = join(root, "node_modules", ".tokenprism-lock-hash");

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  if (result.status !== 0) {
    process.stderr.write(
      `\n✗ ${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal}).\n`,
    );
    process.exit(result.status ?? 1);
  }
}

function lockHash() {
  return createHash("sha256")
    .update(readFileSync(join(root, "package-lock.json")))
    .digest("hex");
}

/** `npm ci` when node_modules is missing or was installed from another package-lock.json. */
function ensureNodeModules() {
  const fresh = existsSync(stampPath) && readFileSync(stampPath, "utf8") === lockHash();
  if (fresh) return;
  process.stdout.write("• Installing npm packages (npm ci)…\n");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
  writeFileSync(stampPath, lockHash());
}

function findChromium() {
  return [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
    (path) => path && existsSync(path),
  );
}

/** Debian's chromium drives the browser tests; install it through apt when we are root. */
function ensureChromium() {
  if (findChromium()) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = existsSync("/usr/bin/apt-get");
  if (!isRoot || !hasApt) {
    process.stderr.write(
      "✗ The browser tests need Chromium. Install Debian's package (sudo apt-get install chromium)\n" +
        "  or point CHROMIUM_PATH at a Chromium binary, then run npm test again.\n",
    );
    process.exit(1);
  }
  process.stdout.write("• Installing Debian's chromium for the browser tests (apt-get)…\n");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  run("apt-get", ["update", "-qq"], { env });
  run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], { env });
}

const mode = process.argv[2];
ensureNodeModules();
if (mode === "start") {
  run("npm", ["run", "-s", "build"]);
  process.stdout.write("• Serving the production build — open the URL below.\n");
  run("npx", ["vite", "preview", "--port", process.env.PORT ?? "4173", "--strictPort"]);
} else if (mode === "test") {
  ensureChromium();
  run("npm", ["run", "-s", "check"]);
  run("npm", ["run", "-s", "build"]);
  run("npx", ["playwright", "test"]);
} else {
  process.stderr.write("usage: node scripts/bootstrap.mjs start|test\n");
  process.exit(2);
}
