// Counts every built-in tokenizer over the atlas corpus (public/corpora/udhr.json) with the app's own engine
// and writes public/corpora/atlas-counts.json, which the atlas shows for built-in columns instead of counting
// them in the page (see src/core/metrics/bundled-atlas.ts). Run by `npm run build` after `npm run corpus`;
// skipped when the file was made from the same corpus, code and dependencies. Two processes share the
// tokenizers (the machine has two cores).
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CATALOG } from "../src/core/tokenizers/catalog";
import type { UdhrCorpus } from "../src/core/corpus/udhr-corpus";
import { countCorpus } from "../src/core/metrics/count-corpus";
import { BUNDLED_ATLAS_FORMAT, type BundledAtlas } from "../src/core/metrics/bundled-atlas";
import { parseArgs } from "./cli/args";
import { UDHR_CORPUS_FILE } from "./build-udhr-corpus";
import { loadTokenizer } from "./lib/load-tokenizer";
import { sourceDigest } from "./lib/source-digest";

const OUT = join(UDHR_CORPUS_FILE, "..", "atlas-counts.json");
const ROOT = join(UDHR_CORPUS_FILE, "..", "..", "..");

/** What the counts depend on: the corpus, the engine (all of src/core), the models and the dependencies. */
function inputsKey(): string {
  const files = [
    join("public", "corpora", "udhr.json"),
    "package-lock.json",
    join("public", "models", "token-lm.tokenizer.json"),
    join("scripts", "build-atlas-counts.ts"),
  ];
  return sourceDigest(ROOT, files, [join("src", "core")]);
}

/** Counts some tokenizers (a child process's share) and prints `{ id: counts }` as JSON. */
async function countShare(ids: string[]): Promise<void> {
  const corpus = JSON.parse(readFileSync(UDHR_CORPUS_FILE, "utf8")) as UdhrCorpus;
  const texts = corpus.declarations.map((d) => d.text);
  const columns: Record<string, number[]> = {};
  for (const id of ids) {
    const counts = await countCorpus(await loadTokenizer(id), texts, { checkpoint: async () => {} });
    columns[id] = Array.from(counts);
  }
  process.stdout.write(JSON.stringify(columns));
}

function runShare(ids: string[]): Promise<Record<string, number[]>> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "scripts/build-atlas-counts.ts", "--share", ids.join(",")],
      { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
    );
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve(JSON.parse(out) as Record<string, number[]>)
        : reject(new Error(`counting ${ids.join(", ")} failed (exit ${code})`)),
    );
  });
}

const args = parseArgs(process.argv.slice(2), ["force"]);
const share = args.options.get("share");
if (typeof share === "string") await countShare(share.split(","));
else {
  if (!existsSync(UDHR_CORPUS_FILE))
    execFileSync("npm", ["run", "-s", "corpus"], { cwd: ROOT, stdio: "inherit" });
  const key = inputsKey();
  const previous = existsSync(OUT) ? (JSON.parse(readFileSync(OUT, "utf8")) as { key?: string }) : null;
  if (previous?.key === key && args.options.get("force") !== true) {
    console.log("atlas counts are current");
  } else {
    const started = performance.now();
    const corpus = JSON.parse(readFileSync(UDHR_CORPUS_FILE, "utf8")) as UdhrCorpus;
    // Alternate the catalog between two processes (similar tokenizers sit together in it).
    const ids = CATALOG.map((entry) => entry.id);
    const shares = [ids.filter((_, i) => i % 2 === 0), ids.filter((_, i) => i % 2 === 1)];
    const parts = await Promise.all(shares.map(runShare));
    const columns = Object.fromEntries(ids.map((id) => [id, parts[0]![id] ?? parts[1]![id]!]));
    const atlas: BundledAtlas & { key: string } = {
      format: BUNDLED_ATLAS_FORMAT,
      corpusSource: corpus.source,
      corpusVersion: corpus.version,
      key,
      columns,
    };
    writeFileSync(OUT, JSON.stringify(atlas));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `atlas counts: ${ids.length} tokenizers × ${corpus.declarations.length} declarations in ${seconds} s`,
    );
  }
}
