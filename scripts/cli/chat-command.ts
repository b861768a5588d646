import { encodeConversation } from "../../src/core/chat/chat-encoding";
import { parseConversation } from "../../src/core/chat/messages";
import { MODELS, modelEntry } from "../../src/core/models/models";
import { catalogEntry } from "../../src/core/tokenizers/catalog";
import { loadTokenizer } from "../lib/load-tokenizer";
import { nodeAssetSource } from "../lib/node-asset-source";
import { parseArgs, UsageError } from "./args";
import { readInput } from "./read-input";

const USAGE = "usage: chat --model <model-or-tokenizer-id> [--no-generation-prompt] <messages.json|->";

/** `models`: one `model-id<TAB>tokenizer-id<TAB>name` line per model. */
export async function modelsCommand(): Promise<string> {
  return MODELS.map((model) => `${model.id}\t${model.tokenizer}\t${model.name}`).join("\n");
}

/**
 * `chat --model <id> <messages.json>`: renders OpenAI-style messages with the model's chat format and encodes
 * the text with special tokens parsed: `{"model","tokenizer","text","ids"}`.
 */
export async function chatCommand(argv: string[]): Promise<string> {
  const args = parseArgs(argv, ["no-generation-prompt"]);
  const requested = args.options.get("model");
  const file = args.positional[0];
  if (typeof requested !== "string" || file === undefined || args.positional.length > 1)
    throw new UsageError(USAGE);
  const model = modelEntry(requested);
  const tokenizerId = model?.tokenizer ?? requested;
  const entry = catalogEntry(tokenizerId);
  if (!entry)
    throw new UsageError(
      `Unknown model or tokenizer "${requested}". \`npm run -s cli -- models\` lists the models, \`list\` the tokenizers.`,
    );
  const messages = parseConversation((await readInput(file)).toString("utf8"));
  const format = await entry.chatFormat(nodeAssetSource);
  if (!format.ok) throw new Error(format.reason);
  const chat = encodeConversation(await loadTokenizer(tokenizerId), format.format, messages, {
    addGenerationPrompt: !args.options.has("no-generation-prompt"),
  });
  return JSON.stringify({
    model: model?.id ?? null,
    tokenizer: tokenizerId,
    text: chat.rendered.text,
    ids: Array.from(chat.encoding.ids),
  });
}
