import { computeSurprisal } from "../../src/core/lm/surprisal";
import { loadByteLmNode, readByteLmCard } from "../lib/byte-lm-node";
import { parseArgs, UsageError } from "./args";
import { readInput } from "./read-input";

const USAGE = "usage: lm surprisal [--stride <bytes>] <file | ->";

/**
 * `lm surprisal [--stride <bytes>] <file | ->`: the byte LM's surprisal of every input byte, as
 * `{"model", "bits_per_byte", "bits"}` (bits rounded to 1e-4; `bits_per_byte` is null for empty input). Windows of the model's context length,
 * each from BOS; `--stride` (default: the context length) scores fewer bytes per window after the first,
 * giving each more context.
 */
export async function lmCommand(argv: readonly string[]): Promise<string> {
  const [sub, ...rest] = argv;
  const args = parseArgs(rest);
  const file = args.positional[0];
  if (sub !== "surprisal" || file === undefined || args.positional.length > 1) throw new UsageError(USAGE);
  const card = await readByteLmCard();
  const strideOption = args.options.get("stride");
  const stride = strideOption === undefined ? card.contextLength : Number(strideOption);
  if (!Number.isInteger(stride) || stride < 1 || stride > card.contextLength)
    throw new UsageError(`--stride must be an integer from 1 to ${card.contextLength}`);
  const bytes = new Uint8Array(await readInput(file));
  const model = await loadByteLmNode(undefined, card);
  try {
    const result = await computeSurprisal(model, bytes, { stride, batchSize: 16 });
    return JSON.stringify({
      model: card.name,
      // No bytes, no mean: null, not 0 (which would read as "perfectly predictable").
      bits_per_byte: bytes.length === 0 ? null : Math.round(result.bitsPerByte * 1e4) / 1e4,
      bits: Array.from(result.bits, (b) => Math.round(b * 1e4) / 1e4),
    });
  } finally {
    await model.release();
  }
}
