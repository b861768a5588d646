import { readFile } from "node:fs/promises";

/** Reads a file path, or standard input for `-`. */
export async function readInput(path: string): Promise<Buffer> {
  if (path !== "-") return readFile(path);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
