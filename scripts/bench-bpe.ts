// npm run bench:bpe [-- --sizes 4096,16384,32768 --mb 5 --superbpe]
// Byte-level BPE training time in Node on ~5 MB of text: Brown (English) mixed with every UDHR declaration,
// one declaration after each ~10 KB of Brown until the byte budget is spent. Counting chunks is timed once;
// each vocabulary size then trains from those counts. With --superbpe, also SuperBPE at t = 3/4 of the size.
import { countChunks, DEFAULT_BPE_PATTERN } from "../src/core/bpe/pretokenize";
import { trainBpeJob } from "../src/core/bpe/lab/train-job";
import { uninterruptedHooks } from "../src/core/jobs/job-hooks";
import { trainBpeOnChunks } from "../src/core/bpe/train-bpe";
import { BpeTextEncoder } from "../src/core/bpe/text-encoder";
import { parseArgs } from "./cli/args";
import { readBrown } from "./lib/brown-text";
import { readDeclarations } from "./lib/udhr-text";

const args = parseArgs(process.argv.slice(2), ["superbpe"]);
const sizes = String(args.options.get("sizes") ?? "4096,16384,32768")
  .split(",")
  .map(Number);
const budget = Number(args.options.get("mb") ?? 5) * 1_000_000;

function mixedCorpus(maxBytes: number): string {
  const brown = readBrown(maxBytes);
  const declarations = readDeclarations().map((d) => d.text);
  const parts: string[] = [];
  let bytes = 0;
  let cursor = 0;
  for (let i = 0; bytes < maxBytes && (cursor < brown.length || i < declarations.length); i++) {
    const piece = brown.slice(cursor, cursor + 10_000);
    cursor += 10_000;
    const declaration = declarations[i] ?? "";
    for (const part of [piece, declaration]) {
      if (!part || bytes >= maxBytes) continue;
      parts.push(part);
      bytes += Buffer.byteLength(part);
    }
  }
  return parts.join("\n");
}

function seconds<T>(action: () => T): [T, number] {
  const start = performance.now();
  const result = action();
  return [result, (performance.now() - start) / 1000];
}

const text = mixedCorpus(budget);
const megabytes = Buffer.byteLength(text) / 1e6;
const [chunks, countSeconds] = seconds(() => countChunks([text], DEFAULT_BPE_PATTERN));
console.log(
  `${megabytes.toFixed(2)} MB, ${chunks.size} distinct chunks, counted in ${countSeconds.toFixed(2)} s`,
);
const rows: Record<string, string | number>[] = [];
for (const vocabSize of sizes) {
  const [{ model }, trainSeconds] = seconds(() => trainBpeOnChunks(chunks, { vocabSize }));
  const ids = new BpeTextEncoder(model).encode(text);
  const row = {
    tokenizer: "BPE",
    "vocab size": model.tokens.length,
    "count s": Number(countSeconds.toFixed(2)),
    "merge s": Number(trainSeconds.toFixed(2)),
    "total s": Number((countSeconds + trainSeconds).toFixed(2)),
    "bytes/token": Number((Buffer.byteLength(text) / ids.length).toFixed(3)),
  };
  rows.push(row);
  console.log(Object.values(row).join("\t"));
}
if (args.options.get("superbpe")) {
  for (const vocabSize of sizes) {
    const transition = Math.round(vocabSize * 0.75);
    const started = performance.now();
    const model = await trainBpeJob({ texts: [text], vocabSize, transition }, uninterruptedHooks());
    const total = (performance.now() - started) / 1000;
    const ids = new BpeTextEncoder(model).encode(text);
    const row = {
      tokenizer: `SuperBPE t=${transition}`,
      "vocab size": model.tokens.length,
      "count s": "—",
      "merge s": "—",
      "total s": Number(total.toFixed(2)),
      "bytes/token": Number((Buffer.byteLength(text) / ids.length).toFixed(3)),
    };
    rows.push(row);
    console.log(Object.values(row).join("\t"));
  }
}
console.table(rows);
