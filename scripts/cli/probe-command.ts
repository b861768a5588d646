import { countingProbe } from "../../src/core/probes/counting";
import { DEFAULT_NUMBERS, numbersProbe } from "../../src/core/probes/numbers";
import { loadTokenizer } from "../lib/load-tokenizer";
import { parseArgs, UsageError } from "./args";

const USAGE =
  "usage: probe numbers --tokenizer <id> [--numbers <n,n,...>] | probe count --tokenizer <id> [--letter <c>] [<text>]";

/**
 * `probe numbers --tokenizer <id> [--numbers 1234567,3.14159]`: each number's chunks (the token texts covering it,
 * from the engine's spans) and the share aligned with place value: `{"tokenizer","numbers":[{"text","chunks"}],
 * "aligned_share","grouping"}`. `probe count --tokenizer <id> --letter r strawberry`: the tokens of the word as typed
 * and with separators, with the letters each holds.
 */
export async function probeCommand(argv: string[]): Promise<string> {
  const [kind, ...rest] = argv;
  const args = parseArgs(rest);
  const id = args.options.get("tokenizer");
  if (typeof id !== "string") throw new UsageError(USAGE);
  if (kind === "numbers") {
    const list = args.options.get("numbers");
    const numbers = typeof list === "string" ? list.split(",").filter((n) => n.length > 0) : DEFAULT_NUMBERS;
    const probe = numbersProbe(await loadTokenizer(id), numbers);
    return JSON.stringify({
      tokenizer: probe.tokenizer,
      numbers: probe.numbers.map(({ text, chunks, aligned }) => ({ text, chunks, aligned })),
      aligned_share: Number(probe.alignedShare.toFixed(4)),
      grouping: probe.grouping,
    });
  }
  if (kind === "count") {
    const letter = args.options.get("letter") ?? "r";
    if (typeof letter !== "string") throw new UsageError("--letter needs a character");
    const text = args.positional.join(" ") || "strawberry";
    const probe = countingProbe(await loadTokenizer(id), text, letter);
    return JSON.stringify({
      tokenizer: probe.tokenizer,
      text: probe.text,
      letter: probe.letter,
      letter_count: probe.letterCount,
      spellings: probe.spellings.map((s) => ({
        label: s.label,
        tokens: s.tokens.map((t) => t.text),
        tokens_with_letter: s.tokensWithLetter,
      })),
    });
  }
  throw new UsageError(USAGE);
}
