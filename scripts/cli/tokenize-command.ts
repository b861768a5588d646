import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import type { Writable } from "node:stream";
import {
  binaryEncoder,
  byteIdentityEncoding,
  isBinaryModel,
  NotBinaryModelError,
} from "../../src/core/bpe/binary/binary-encoding";
import type { SpannedIds } from "../../src/core/bpe/text-encoder";
import { fromTokenizerJson } from "../../src/core/bpe/tokenizer-json";
import { BYTES_LANE_ID_OFFSET } from "../../src/core/tokenizers/baselines/baselines";
import { decodeInput, InputDecodingError } from "../../src/core/text/decode-input";
import { tokenizerFromFile } from "../../src/core/tokenizers/custom-file";
import type { Encoding, Tokenizer } from "../../src/core/tokenizers/types";
import { loadTokenizer } from "../lib/load-tokenizer";
import { parseArgs, UsageError } from "./args";
import { readInput } from "./read-input";

async function resolveTokenizer(idOrPath: string): Promise<Tokenizer> {
  if (existsSync(idOrPath) && /\.(json|tiktoken)$/.test(idOrPath)) {
    return tokenizerFromFile(
      basename(idOrPath),
      new Uint8Array(await readFile(idOrPath)),
      basename(idOrPath),
    );
  }
  return loadTokenizer(idOrPath);
}

/** Writes a chunk, waiting for the stream to drain when its buffer is full (bounded memory on big output). */
function write(out: Writable, chunk: string): Promise<void> | void {
  if (out.write(chunk)) return;
  return new Promise((resolve) => out.once("drain", resolve));
}

const ROWS_PER_CHUNK = 65_536;

/** `{"tokenizer", "ids", "spans"}` written in chunks, so that tens of MB of output never form one string. */
export async function writeEncodingJson(
  out: Writable,
  tokenizer: string,
  encoding: Pick<Encoding, "ids" | "starts" | "ends">,
): Promise<void> {
  const n = encoding.ids.length;
  await write(out, `{"tokenizer":${JSON.stringify(tokenizer)},"ids":[`);
  for (let from = 0; from < n; from += ROWS_PER_CHUNK) {
    const to = Math.min(n, from + ROWS_PER_CHUNK);
    await write(out, (from > 0 ? "," : "") + Array.from(encoding.ids.subarray(from, to)).join(","));
  }
  await write(out, `],"spans":[`);
  for (let from = 0; from < n; from += ROWS_PER_CHUNK) {
    const to = Math.min(n, from + ROWS_PER_CHUNK);
    const parts: string[] = [];
    for (let i = from; i < to; i++) parts.push(`[${encoding.starts[i]},${encoding.ends[i]}]`);
    await write(out, (from > 0 ? "," : "") + parts.join(","));
  }
  await write(out, "]}\n");
}

/**
 * `tokenize --binary --tokenizer <tokenizer.json | bytes> <file | ->`: the file's raw bytes (any file; no
 * decoding) with a binary BPE tokenizer.json (`bpe train --binary`: no pre-tokenization) or `bytes` (one token
 * per byte, the bytes lane's ids); spans are offsets of the file's bytes.
 */
async function tokenizeBinary(out: Writable, id: string, file: string): Promise<void> {
  const bytes = new Uint8Array(await readInput(file));
  let encoding: SpannedIds;
  if (id === "bytes") encoding = byteIdentityEncoding(bytes, BYTES_LANE_ID_OFFSET);
  else {
    if (!existsSync(id) || !id.endsWith(".json"))
      throw new UsageError("--binary needs a tokenizer.json from `bpe train --binary` (or `bytes`).");
    let model;
    try {
      model = fromTokenizerJson(JSON.parse(await readFile(id, "utf8")));
    } catch (error) {
      throw new UsageError(`${basename(id)}: ${(error as Error).message}`);
    }
    if (!isBinaryModel(model)) throw new UsageError(new NotBinaryModelError(model.pattern).message);
    encoding = binaryEncoder(model)(bytes);
  }
  await writeEncodingJson(out, id, encoding);
}

/**
 * `tokenize --tokenizer <id | tokenizer.json | .tiktoken> [--specials] [--lossy] <file | ->`: writes
 * `{"tokenizer", "ids", "spans"}` to standard output, spans in UTF-8 byte offsets of the input. The file's
 * bytes are tokenized as they are (a BOM is text); invalid UTF-8 is refused (exit 2) unless `--lossy`.
 */
export async function tokenizeCommand(
  argv: readonly string[],
  out: Writable = process.stdout,
): Promise<void> {
  const args = parseArgs(argv, ["specials", "lossy", "binary"]);
  const id = args.options.get("tokenizer");
  const file = args.positional[0];
  if (typeof id !== "string" || file === undefined)
    throw new UsageError(
      "usage: tokenize --tokenizer <id> [--specials] [--lossy] <file | ->\n" +
        "       tokenize --binary --tokenizer <tokenizer.json | bytes> <file | ->",
    );
  if (args.options.get("binary") === true) return tokenizeBinary(out, id, file);
  const tokenizer = await resolveTokenizer(id);
  let decoded;
  try {
    decoded = decodeInput(new Uint8Array(await readInput(file)), args.options.get("lossy") === true);
  } catch (error) {
    if (error instanceof InputDecodingError) throw new UsageError(error.message);
    throw error;
  }
  const encoding = tokenizer.encode(decoded.text, { parseSpecials: args.options.get("specials") === true });
  for (const note of [...decoded.notes, ...encoding.notes]) process.stderr.write(`note: ${note}\n`);
  await writeEncodingJson(out, id, encoding);
}
