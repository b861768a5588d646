// npm run bench [-- --tokenizers id,id --runs N]
// For each tokenizer on ~1 MB of English (Brown) and ~1 MB of multilingual text (UDHR, all languages),
// measures MB/s of the underlying library's own encode and of our encode with byte spans, interleaved in
// the same run, with the merge cache cold (cleared before every call) and warm (same text encoded before).
// Tokenizers whose library runs below 0.3 MB/s on a 64 KB probe of either text (Llama 2 and Gemma 3:
// SentencePiece BPE over whole lines; Qwen 3 on scripts without spaces) are measured on the first 256 KB
// of each text so that the run ends.
import { mkdirSync, writeFileSync } from "node:fs";
import { CATALOG } from "../src/core/tokenizers/catalog";
import type { Tokenizer } from "../src/core/tokenizers/types";
import { parseArgs } from "./cli/args";
import { readBrown } from "./lib/brown-text";
import { loadTokenizer } from "./lib/load-tokenizer";
import { readDeclarations } from "./lib/udhr-text";

const MB = 1_000_000;
const args = parseArgs(process.argv.slice(2));
const runs = Number(args.options.get("runs") ?? 3);
const only = (args.options.get("tokenizers") as string | undefined)?.split(",");

function multilingual(maxBytes: number): string {
  const parts: string[] = [];
  let bytes = 0;
  for (const declaration of readDeclarations()) {
    const part = declaration.text.slice(0, 2500);
    parts.push(part);
    bytes += Buffer.byteLength(part);
    if (bytes >= maxBytes) break;
  }
  return parts.join("\n");
}

interface Library {
  name: string;
  encode(text: string): unknown;
  clearCache(): void;
}

/** The upstream library call our adapter is compared with. */
async function libraryFor(tokenizer: Tokenizer): Promise<Library | null> {
  if (tokenizer.info.family === "tiktoken") {
    const api = (await import(`gpt-tokenizer/encoding/${tokenizer.info.id}`)) as {
      encode(text: string, options: object): number[];
      clearMergeCache(): void;
    };
    return {
      name: "gpt-tokenizer encode",
      encode: (text) => api.encode(text, { disallowedSpecial: new Set() }),
      clearCache: () => api.clearMergeCache(),
    };
  }
  if (tokenizer.libraryEncode) {
    return {
      name: "@huggingface/tokenizers encode",
      encode: (text) => tokenizer.libraryEncode!(text),
      clearCache: () => tokenizer.clearCache?.(),
    };
  }
  return null;
}

function seconds(action: () => void): number {
  const start = performance.now();
  action();
  return (performance.now() - start) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const corpora = { english: readBrown(MB), multilingual: multilingual(MB) };
const rows: Record<string, string | number>[] = [];
for (const entry of CATALOG) {
  if (only && !only.includes(entry.id)) continue;
  const tokenizer = await loadTokenizer(entry.id);
  const library = await libraryFor(tokenizer);
  const slow = library
    ? 64_000 / MB / seconds(() => library.encode(corpora.english.slice(0, 64_000))) < 0.3
    : false;
  for (const [corpus, fullText] of Object.entries(corpora)) {
    const text = slow ? fullText.slice(0, 256_000) : fullText;
    const megabytes = Buffer.byteLength(text) / MB;
    for (const cache of ["cold", "warm"] as const) {
      const lib: number[] = [];
      const ours: number[] = [];
      if (cache === "warm") {
        library?.encode(text);
        tokenizer.encode(text);
      }
      for (let run = 0; run < runs; run++) {
        if (library) {
          if (cache === "cold") library.clearCache();
          lib.push(seconds(() => library.encode(text)));
        }
        if (cache === "cold") tokenizer.clearCache?.();
        ours.push(seconds(() => tokenizer.encode(text)));
      }
      const libRate = library ? megabytes / median(lib) : NaN;
      const ourRate = megabytes / median(ours);
      const row = {
        tokenizer: entry.id,
        corpus,
        cache,
        "text KB": Math.round(megabytes * 1000),
        library: library?.name ?? "—",
        "library MB/s": Number(libRate.toFixed(2)),
        "ours+spans MB/s": Number(ourRate.toFixed(2)),
        ratio: Number((ourRate / libRate).toFixed(2)),
      };
      rows.push(row);
      console.log(Object.values(row).join("\t"));
    }
  }
}
console.table(rows);
mkdirSync("bench-results", { recursive: true });
writeFileSync(
  "bench-results/tokenizers.json",
  JSON.stringify({ date: new Date().toISOString(), runs, rows }, null, 2),
);
