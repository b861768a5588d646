import { sniffFileKind, type FileKind } from "../../core/bpe/binary/file-types";
import type { BinaryItem } from "../../state/binary-store";

/** The largest file binary mode opens. */
export const MAX_BINARY_FILE_BYTES = 64 * 1024 * 1024;

let nextId = 1;

/** A binary item with a fresh id (ids never repeat in a tab, so cached encodings never mix files up). */
export function binaryItem(
  name: string,
  bytes: Uint8Array,
  kind: FileKind = sniffFileKind(bytes),
): BinaryItem {
  return { id: `bin-${nextId++}`, name, bytes, kind };
}

/** Reads files as raw bytes (never as text); each file that cannot be used gets a message instead. */
export async function readBinaryFiles(
  files: Iterable<File>,
): Promise<{ items: BinaryItem[]; errors: string[] }> {
  const items: BinaryItem[] = [];
  const errors: string[] = [];
  for (const file of files) {
    if (file.size > MAX_BINARY_FILE_BYTES) {
      errors.push(
        `${file.name} is ${(file.size / 1048576).toFixed(1)} MB; binary mode opens files up to ${MAX_BINARY_FILE_BYTES / 1048576} MB.`,
      );
      continue;
    }
    try {
      items.push(binaryItem(file.name, new Uint8Array(await file.arrayBuffer())));
    } catch (error) {
      errors.push(`Could not read ${file.name}: ${(error as Error).message}`);
    }
  }
  return { items, errors };
}
