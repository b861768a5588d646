import { findDeclaration } from "../../src/core/corpus/udhr-corpus";
import { loadUdhrCorpus } from "../build-udhr-corpus";
import { UsageError } from "./args";

/** `corpus udhr <lang>`: the clean text of one declaration. */
export async function corpusCommand(argv: readonly string[]): Promise<string> {
  const [name, lang] = argv;
  if (name !== "udhr" || !lang) throw new UsageError("usage: corpus udhr <lang>");
  const declaration = findDeclaration(loadUdhrCorpus(), lang);
  if (!declaration)
    throw new UsageError(
      `No UDHR declaration for "${lang}". Language ids are BCP 47 tags such as en, hi, my, shn.`,
    );
  return declaration.text;
}
