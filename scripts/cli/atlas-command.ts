import { findDeclaration, REFERENCE_LANG } from "../../src/core/corpus/udhr-corpus";
import { toCsv } from "../../src/core/export/csv";
import { ATLAS_CSV_HEADER, atlasCsvRow, atlasRows } from "../../src/core/metrics/atlas";
import { loadUdhrCorpus } from "../build-udhr-corpus";
import { loadTokenizer } from "../lib/load-tokenizer";
import { parseArgs, UsageError } from "./args";
import { countCorpus, tokenCount } from "../../src/core/metrics/count-corpus";
import { uninterruptedHooks } from "../../src/core/jobs/job-hooks";

/** `atlas --tokenizers <id,...> [--langs <lang,...>]`: the parity atlas as CSV. */
export async function atlasCommand(argv: readonly string[]): Promise<string> {
  const args = parseArgs(argv);
  const ids = args.options.get("tokenizers");
  if (typeof ids !== "string")
    throw new UsageError("usage: atlas --tokenizers <id,...> [--langs <lang,...>]");
  const corpus = loadUdhrCorpus();
  const langs = args.options.get("langs");
  const declarations =
    typeof langs === "string"
      ? langs.split(",").map((lang) => {
          const found = findDeclaration(corpus, lang.trim());
          if (!found) throw new UsageError(`No UDHR declaration for "${lang}".`);
          return found;
        })
      : corpus.declarations;
  const reference = findDeclaration(corpus, REFERENCE_LANG)!;
  const rows = [];
  for (const id of ids.split(",").map((s) => s.trim())) {
    const tokenizer = await loadTokenizer(id);
    // The atlas view's counting job, run without interruption.
    const tokens = await countCorpus(
      tokenizer,
      declarations.map((d) => d.text),
      uninterruptedHooks(),
    );
    rows.push(...atlasRows(declarations, id, tokens, tokenCount(tokenizer, reference.text)).map(atlasCsvRow));
  }
  return toCsv([...ATLAS_CSV_HEADER], rows).trimEnd();
}
