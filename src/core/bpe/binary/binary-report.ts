import type { BpeModel } from "../model";
import { binaryEncoder } from "./binary-encoding";
import { sniffFileKind, type FileKind } from "./file-types";

/** A file as binary BPE sees it: a name for people, its bytes, and its kind (sniffed when omitted). */
export interface BinaryFile {
  name: string;
  bytes: Uint8Array;
  kind?: FileKind;
}

/** A file with its kind decided. */
export type KindedFile = BinaryFile & { kind: FileKind };

/** Every file of a kind whose index within that kind (in input order) is ≡ 1 mod this is held out. */
export const HELD_OUT_EVERY = 4;

/** The kind of each file (sniffed from its bytes unless given). */
export function withKinds(files: readonly BinaryFile[]): KindedFile[] {
  return files.map((file) => ({ ...file, kind: file.kind ?? sniffFileKind(file.bytes) }));
}

/**
 * Splits files into training and held-out files per kind, deterministically: within each kind, in input
 * order, files 1, 5, 9, … (0-based) are held out, so every kind with two or more files has a held-out file and
 * about a quarter are held out.
 */
export function splitHeldOut(files: readonly BinaryFile[]): {
  train: KindedFile[];
  heldOut: KindedFile[];
  /** Whether each input file (by index) is held out. */
  isHeldOut: boolean[];
} {
  const seen = new Map<FileKind, number>();
  const train: KindedFile[] = [];
  const heldOut: KindedFile[] = [];
  const isHeldOut: boolean[] = [];
  for (const file of withKinds(files)) {
    const index = seen.get(file.kind) ?? 0;
    seen.set(file.kind, index + 1);
    const held = index % HELD_OUT_EVERY === 1;
    isHeldOut.push(held);
    (held ? heldOut : train).push(file);
  }
  return { train, heldOut, isHeldOut };
}

/** Bytes and tokens of a set of files. */
export interface FileSetStats {
  files: number;
  bytes: number;
  tokens: number;
  /** bytes / tokens, or null without bytes. */
  bytesPerToken: number | null;
}

/** One kind's compression on its training and its held-out files. */
export interface KindReport {
  kind: FileKind | "all";
  train: FileSetStats;
  heldOut: FileSetStats;
}

function stats(files: readonly KindedFile[], tokenCount: (file: KindedFile) => number): FileSetStats {
  let bytes = 0;
  let tokens = 0;
  for (const file of files) {
    bytes += file.bytes.length;
    tokens += tokenCount(file);
  }
  return { files: files.length, bytes, tokens, bytesPerToken: tokens > 0 ? bytes / tokens : null };
}

/**
 * Bytes per token of a binary BPE model per file kind, on the files it was trained on and on held-out ones,
 * kinds in first-seen order, then the row `all`.
 */
export function compressionByKind(
  model: BpeModel,
  train: readonly KindedFile[],
  heldOut: readonly KindedFile[],
): KindReport[] {
  const encode = binaryEncoder(model);
  const counts = new Map<BinaryFile, number>();
  const tokenCount = (file: KindedFile) => {
    let count = counts.get(file);
    if (count === undefined) counts.set(file, (count = encode(file.bytes).ids.length));
    return count;
  };
  const kinds = [...new Set([...train, ...heldOut].map((file) => file.kind))];
  const rows: KindReport[] = kinds.map((kind) => ({
    kind,
    train: stats(
      train.filter((f) => f.kind === kind),
      tokenCount,
    ),
    heldOut: stats(
      heldOut.filter((f) => f.kind === kind),
      tokenCount,
    ),
  }));
  rows.push({ kind: "all", train: stats(train, tokenCount), heldOut: stats(heldOut, tokenCount) });
  return rows;
}
