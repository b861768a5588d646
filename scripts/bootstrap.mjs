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

/**
 * The fonts the visual snapshots were taken with (e2e/quality.spec.ts-snapshots): the same files on every machine,
 * so that a snapshot differs only when the layout does.
 */
const SNAPSHOT_FONTS = [
  ["fonts-dejavu-core", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"],
  ["fonts-dejavu-extra", "/usr/share/fonts/truetype/dejavu/DejaVuSans-ExtraLight.ttf"],
  ["fonts-liberation", "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"],
];

/** Debian's chromium drives the browser tests, with the snapshots' fonts; installed through apt when we are root. */
function ensureChromium() {
  const missing = [
    ...(findChromium() ? [] : ["chromium"]),
    ...SNAPSHOT_FONTS.filter(([, file]) => !existsSync(file)).map(([name]) => name),
  ];
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = existsSync("/usr/bin/apt-get");
  if (!isRoot || !hasApt) {
    process.stderr.write(
      `✗ The browser tests need ${missing.join(", ")}. Install Debian's packages (sudo apt-get install ${missing.join(" ")})\n` +
        "  (or point CHROMIUM_PATH at a Chromium binary), then run npm test again.\n",
    );
    process.exit(1);
  }
  process.stdout.write(`• Installing Debian's ${missing.join(", ")} for the browser tests (apt-get)…\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  run("apt-get", ["update", "-qq"], { env });
  run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...missing], { env });
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
