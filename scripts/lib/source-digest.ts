import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** Every non-test `.ts` file under `dir`, sorted. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return sourceFiles(path);
      return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
    })
    .sort();
}

/**
 * A digest of some files and of every source file under some folders (names relative to `root`, and contents):
 * build steps that cache what they derive from the engine (compiled tokenizers, the atlas's bundled counts) key
 * the cache by it, so that any change to the code they ran derives it again.
 */
export function sourceDigest(root: string, files: readonly string[], folders: readonly string[]): string {
  const hash = createHash("sha256");
  const all = [
    ...files.map((file) => join(root, file)),
    ...folders.flatMap((dir) => sourceFiles(join(root, dir))),
  ];
  for (const file of all) hash.update(relative(root, file)).update("\u0000").update(readFileSync(file));
  return hash.digest("hex");
}
