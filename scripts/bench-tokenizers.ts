// npm run bench [-- --tokenizers id,id --runs N]
// For each tokenizer on ~1 MB of English (Brown) and ~1 MB of multilingual text (UDHR, all languages), MB/s
// of our encode with byte spans (merge cache cold: cleared before every call; and warm) against the fastest
// peers, in the same process and the same run, interleaved: Hugging Face's Rust `tokenizers` through its
// npm binding (the same tokenizer.json, offsets included) for the tokenizer.json family; gpt-tokenizer and
// ai-tokenizer for the tiktoken encodings. Ratios are ours (warm) ÷ peer; above 1 means faster.
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { CATALOG } from "../src/core/tokenizers/catalog";
import type { Tokenizer } from "../src/core/tokenizers/types";
import { parseArgs } from "./cli/args";
import { readBrown } from "./lib/brown-text";
import { loadTokenizer } from "./lib/load-tokenizer";
import { nodeAssetSource } from "./lib/node-asset-source";
import { rustTokenizer } from "./lib/rust-tokenizers";
import { readDeclarations } from "./lib/udhr-text";

const MB = 1_000_000;
const args = parseArgs(process.argv.slice(2));
const runs = Number(args.options.get("runs") ?? 3);
const only = (args.options.get("tokenizers") as string | undefined)?.split(",");
const require = createRequire(import.meta.url);

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

interface Peer {
  name: string;
  encode(text: string): unknown;
}

/** The fastest other implementations of the same tokenizer. */
async function peersFor(tokenizer: Tokenizer, source: string): Promise<Peer[]> {
  if (tokenizer.info.family === "tiktoken") {
    const id = tokenizer.info.id;
    const gpt = (await import(`gpt-tokenizer/encoding/${id}`)) as {
      encode(text: string, options: object): number[];
    };
    const peers: Peer[] = [
      { name: "gpt-tokenizer", encode: (text) => gpt.encode(text, { disallowedSpecial: new Set() }) },
    ];
    if (id === "o200k_base" || id === "cl100k_base") {
      const { Tokenizer: AiTokenizer } = require("ai-tokenizer") as {
        Tokenizer: new (encoding: unknown) => {
          encode(text: string, allowed: string[], disallowed: string[]): number[];
        };
      };
      const ai = new AiTokenizer(require(`ai-tokenizer/encoding/${id}`));
      peers.push({ name: "ai-tokenizer", encode: (text) => ai.encode(text, [], []) });
    }
    return peers;
  }
  if (tokenizer.info.family === "huggingface") {
    const { json } = await nodeAssetSource.tokenizerJson(source);
    const rust = rustTokenizer(json);
    return [{ name: "Rust tokenizers (binding)", encode: (text) => rust(text) }];
  }
  return [];
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

async function secondsAsync(action: () => unknown): Promise<number> {
  const start = performance.now();
  await action();
  return (performance.now() - start) / 1000;
}

const corpora = { english: readBrown(MB), multilingual: multilingual(MB) };
const rows: Record<string, string | number>[] = [];
for (const entry of CATALOG) {
  if (only && !only.includes(entry.id)) continue;
  const tokenizer = await loadTokenizer(entry.id);
  const peers = await peersFor(tokenizer, entry.source);
  for (const [corpus, text] of Object.entries(corpora)) {
    const megabytes = Buffer.byteLength(text) / MB;
    const cold: number[] = [];
    const warm: number[] = [];
    const peerTimes = peers.map(() => [] as number[]);
    tokenizer.encode(text); // warm-up (JIT)
    for (const peer of peers) await peer.encode(text);
    // Cold runs first, then warm runs interleaved with the peers': a warm run that followed a cold one paid for
    // the garbage of the cold run's cache filling, which no peer run did (their caches are never cleared).
    for (let run = 0; run < runs; run++) {
      tokenizer.clearCache?.();
      cold.push(seconds(() => tokenizer.encode(text)));
    }
    for (let run = 0; run < runs; run++) {
      warm.push(seconds(() => tokenizer.encode(text)));
      for (let p = 0; p < peers.length; p++)
        peerTimes[p]!.push(await secondsAsync(() => peers[p]!.encode(text)));
    }
    const warmRate = megabytes / median(warm);
    const row: Record<string, string | number> = {
      tokenizer: entry.id,
      corpus,
      "text KB": Math.round(megabytes * 1000),
      "ours cold MB/s": Number((megabytes / median(cold)).toFixed(2)),
      "ours warm MB/s": Number(warmRate.toFixed(2)),
    };
    peers.forEach((peer, p) => {
      const rate = megabytes / median(peerTimes[p]!);
      row[`${peer.name} MB/s`] = Number(rate.toFixed(2));
      row[`ratio vs ${peer.name}`] = Number((warmRate / rate).toFixed(2));
    });
    rows.push(row);
    console.log(
      Object.entries(row)
        .map(([k, v]) => `${k}=${v}`)
        .join("  "),
    );
  }
}
console.table(rows);
mkdirSync("bench-results", { recursive: true });
writeFileSync(
  "bench-results/tokenizers.json",
  JSON.stringify({ date: new Date().toISOString(), runs, rows }, null, 2),
);
