import { CATALOG } from "../src/core/tokenizers/catalog";
import { UsageError } from "./cli/args";
import { atlasCommand } from "./cli/atlas-command";
import { bpeCommand } from "./cli/bpe-command";
import { chatCommand, modelsCommand } from "./cli/chat-command";
import { lmCommand } from "./cli/lm-command";
import { lmNextByteCommand } from "./cli/lm-next-byte";
import { mixtureCommand } from "./cli/mixture-command";
import { corpusCommand } from "./cli/corpus-command";
import { probeCommand } from "./cli/probe-command";
import { tokenizeCommand } from "./cli/tokenize-command";

const USAGE = `usage: npm run -s cli -- <command>
  list                                               tokenizer ids and names
  models                                             model-id<TAB>tokenizer-id<TAB>name
  chat --model <model-or-tokenizer-id> [--no-generation-prompt] <messages.json|->
                                                     the conversation in the model's chat format: {"model","tokenizer","text","ids"}
  tokenize --tokenizer <id|file> [--specials] [--lossy] <file|->
                                                     ids and UTF-8 byte spans of the file's exact bytes as JSON
  tokenize --binary --tokenizer <tokenizer.json|bytes> <file|->
                                                     any file's raw bytes with binary BPE (bpe train --binary): ids and byte spans
  corpus udhr <lang>                                 clean text of one UDHR declaration
  atlas --tokenizers <id,...> [--langs <lang,...>]   parity atlas as CSV (premium vs. English)
  bpe train --vocab <n> [--superbpe <t>] --out <tokenizer.json> <files...>
                                                     train byte-level BPE (or SuperBPE) into a tokenizer.json
  bpe train --binary --vocab <n> --out <tokenizer.json> <files...>
                                                     binary BPE on raw bytes: no pre-tokenization, no UTF-8 assumption
  lm surprisal [--stride <bytes>] <file|->          the byte LM's bits per byte: {"model","bits_per_byte","bits"}
  lm next-byte --model <byte|token> --method <exact|naive|healing> (--prompt <text> | --prompt-file <file|->)
                                                     next-byte distribution: {"dist": {...}, "covers": n}
  mixture --tokenizer <id|tokenizer.json> --category <name>=<file> ... [--merges n] [--time-limit s] [--verbose]
                                                     data-mixture inference: byte proportions of the categories
  probe numbers --tokenizer <id> [--numbers <n,...>] how each number is chunked, and the share aligned with place value
  probe count --tokenizer <id> [--letter <c>] [text] the tokens of a word (default strawberry) with the letters they hold`;

/** A command returns its output, or writes it to standard output itself (and returns nothing). */
const commands: Record<string, (argv: string[]) => Promise<string | void>> = {
  list: async () => CATALOG.map((entry) => `${entry.id}\t${entry.name}`).join("\n"),
  models: modelsCommand,
  chat: chatCommand,
  tokenize: tokenizeCommand,
  corpus: corpusCommand,
  atlas: atlasCommand,
  bpe: bpeCommand,
  mixture: mixtureCommand,
  probe: probeCommand,
  lm: (argv) => (argv[0] === "next-byte" ? lmNextByteCommand(argv) : lmCommand(argv)),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : commands[name];
  if (!command) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  try {
    const output = await command(rest);
    if (output !== undefined) process.stdout.write(`${output}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
