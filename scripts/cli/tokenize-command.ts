import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { tokenizerFromFile } from "../../src/core/tokenizers/custom-file";
import type { Tokenizer } from "../../src/core/tokenizers/types";
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

/**
 * `tokenize --tokenizer <id | tokenizer.json | .tiktoken> [--specials] <file | ->`: prints
 * `{"tokenizer", "ids", "spans"}` with UTF-8 byte offsets into the input.
 */
export async function tokenizeCommand(argv: readonly string[]): Promise<string> {
  const args = parseArgs(argv, ["specials"]);
  const id = args.options.get("tokenizer");
  const file = args.positional[0];
  if (typeof id !== "string" || file === undefined)
    throw new UsageError("usage: tokenize --tokenizer <id> [--specials] <file | ->");
  const tokenizer = await resolveTokenizer(id);
  const bytes = await readInput(file);
  const text = new TextDecoder("utf-8").decode(bytes);
  const encoding = tokenizer.encode(text, { parseSpecials: args.options.get("specials") === true });
  const spans = Array.from(encoding.ids, (_, i) => [encoding.starts[i], encoding.ends[i]]);
  for (const note of encoding.notes) process.stderr.write(`note: ${note}\n`);
  return JSON.stringify({ tokenizer: id, ids: Array.from(encoding.ids), spans });
}
