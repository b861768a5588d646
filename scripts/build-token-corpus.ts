// Builds the token LM's data from the byte LM's split (run `npm run lm:corpus` first): trains a 4,096-token
// byte-level BPE on the train documents with src/core/bpe, writes it as public/models/token-lm.tokenizer.json,
// and writes every document's canonical encoding (the lemma tokenizer's) as little-endian uint16 ids:
// training/data/{train,valid}.tokens.bin (each document followed by EOS) and valid-head.tokens.bin (the
// encoding of each validation document's first 256 bytes, the evaluation protocol's window). The committed
// training/token-data-manifest.json records sizes, counts and hashes. Deterministic.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { format, resolveConfig } from "prettier";
import { fromTokenizerJson, toTokenizerJson } from "../src/core/bpe/tokenizer-json";
import type { BpeModel } from "../src/core/bpe/model";
import { trainBpe } from "../src/core/bpe/train-bpe";
import { bpeLemmaTokenizer } from "../src/core/lm/byte-token/bpe-lemma-tokenizer";
import { DOCUMENT_SEPARATOR } from "../src/core/lm/corpus-split";
import { LM_DATA_DIR, LM_MANIFEST_PATH, type LmCorpusManifest } from "./build-lm-corpus";
import { TOKEN_LM_TOKENIZER_PATH } from "./lib/model-paths";

/** Ordinary tokens of the token LM's tokenizer (256 bytes + merges); the LM adds EOS (= BOS) at this index. */
export const TOKEN_VOCAB_SIZE = 4096;
/** Bytes of each validation document the protocol scores (as the byte LM's protocol). */
export const PROTOCOL_BYTES = 256;
export const TOKEN_MANIFEST_PATH = join(LM_DATA_DIR, "..", "token-data-manifest.json");

function sha256(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

function readSplit(name: "train" | "valid", manifest: LmCorpusManifest): string[] {
  const data = readFileSync(join(LM_DATA_DIR, `${name}.txt`));
  if (sha256(data) !== manifest.files[name].sha256)
    throw new Error(`training/data/${name}.txt does not match the manifest: run \`npm run lm:corpus\`.`);
  const text = data.toString("utf8");
  return text.slice(0, text.endsWith("\n") ? -1 : undefined).split(DOCUMENT_SEPARATOR);
}

function toBin(ids: number[]): Buffer {
  const out = Buffer.alloc(ids.length * 2);
  ids.forEach((id, i) => out.writeUInt16LE(id, i * 2));
  return out;
}

/** Trains the tokenizer (or reads the committed one with `--reuse-tokenizer`) and writes the token files. */
export async function buildTokenCorpus(reuseTokenizer: boolean): Promise<Record<string, unknown>> {
  const manifest = JSON.parse(readFileSync(LM_MANIFEST_PATH, "utf8")) as LmCorpusManifest;
  const train = readSplit("train", manifest);
  const valid = readSplit("valid", manifest);
  let model: BpeModel;
  let trainSeconds: number | null = null;
  if (reuseTokenizer && existsSync(TOKEN_LM_TOKENIZER_PATH)) {
    model = fromTokenizerJson(JSON.parse(readFileSync(TOKEN_LM_TOKENIZER_PATH, "utf8")));
  } else {
    const start = performance.now();
    model = trainBpe(train, { vocabSize: TOKEN_VOCAB_SIZE }).model;
    trainSeconds = Number(((performance.now() - start) / 1000).toFixed(1));
    writeFileSync(TOKEN_LM_TOKENIZER_PATH, JSON.stringify(toTokenizerJson(model)));
  }
  if (model.tokens.length !== TOKEN_VOCAB_SIZE)
    throw new Error(`The tokenizer has ${model.tokens.length} tokens, not ${TOKEN_VOCAB_SIZE}.`);
  const tokenizer = bpeLemmaTokenizer(model);
  const eos = TOKEN_VOCAB_SIZE;
  const encodeDocuments = (docs: string[]) => {
    const ids: number[] = [];
    for (const doc of docs) {
      for (const id of tokenizer.encode(Buffer.from(doc, "utf8"))) ids.push(id);
      ids.push(eos);
    }
    return ids;
  };
  const trainIds = encodeDocuments(train);
  const validIds = encodeDocuments(valid);
  const heads = valid.map((doc) => {
    const bytes = Buffer.from(doc, "utf8").subarray(0, PROTOCOL_BYTES);
    return { bytes: bytes.length, ids: Array.from(tokenizer.encode(bytes)) };
  });
  const files = {
    train: toBin(trainIds),
    valid: toBin(validIds),
    "valid-head": toBin(heads.flatMap((h) => h.ids)),
  };
  for (const [name, data] of Object.entries(files))
    writeFileSync(join(LM_DATA_DIR, `${name}.tokens.bin`), data);
  const tokenizerJson = readFileSync(TOKEN_LM_TOKENIZER_PATH);
  const record = {
    note: "uint16 little-endian ids; EOS (= BOS) is vocabSize; built by scripts/build-token-corpus.ts",
    vocabSize: TOKEN_VOCAB_SIZE,
    eos,
    tokenizer: {
      path: "public/models/token-lm.tokenizer.json",
      sha256: sha256(tokenizerJson),
      merges: model.merges.length,
      pattern: model.pattern,
      trainSeconds,
    },
    bytesSha256: { train: manifest.files.train.sha256, valid: manifest.files.valid.sha256 },
    files: Object.fromEntries(
      Object.entries(files).map(([name, data]) => [
        name,
        { path: `training/data/${name}.tokens.bin`, tokens: data.length / 2, sha256: sha256(data) },
      ]),
    ),
    train: {
      documents: train.length,
      bytes: manifest.files.train.bytes,
      tokens: trainIds.length - train.length,
    },
    valid: {
      documents: valid.length,
      bytes: manifest.files.valid.bytes,
      tokens: validIds.length - valid.length,
    },
    protocol: {
      bytesPerDocument: PROTOCOL_BYTES,
      documents: heads.map((h) => ({ bytes: h.bytes, tokens: h.ids.length })),
    },
  };
  const options = await resolveConfig(TOKEN_MANIFEST_PATH);
  writeFileSync(
    TOKEN_MANIFEST_PATH,
    await format(JSON.stringify(record), { ...options, filepath: TOKEN_MANIFEST_PATH }),
  );
  return record;
}

if (process.argv[1]?.endsWith("build-token-corpus.ts")) {
  const record = await buildTokenCorpus(process.argv.includes("--reuse-tokenizer"));
  const { train, valid, tokenizer } = record as {
    train: { bytes: number; tokens: number };
    valid: { bytes: number; tokens: number };
    tokenizer: { trainSeconds: number | null };
  };
  console.log(
    `token corpus: train ${train.tokens} tokens (${(train.bytes / train.tokens).toFixed(2)} bytes/token), valid ` +
      `${valid.tokens} tokens (${(valid.bytes / valid.tokens).toFixed(2)} bytes/token); tokenizer trained in ` +
      `${tokenizer.trainSeconds ?? "– (reused)"} s`,
  );
}
