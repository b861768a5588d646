import type { Encoding, EncodeOptions, Tokenizer } from "../tokenizers/types";
import type { ChatFormat } from "./chat-formats";
import type { ChatMessage } from "./messages";
import { renderChat, type RenderedChat, type RenderOptions } from "./render-chat";

/** A conversation as one lane sees it: the template's text, its tokens, and how many tokens each message costs. */
export interface ChatEncoding {
  rendered: RenderedChat;
  encoding: Encoding;
  /** Tokens starting inside message i's part of the text (its template tokens included). */
  messageTokens: number[];
  /** Tokens of the appended assistant header. */
  generationPromptTokens: number;
}

const withChatTokens = new WeakMap<Tokenizer, Map<string, Tokenizer>>();

/** The tokenizer that encodes a format's text: the lane's own, plus the format's extra special tokens. */
export function chatTokenizer(tokenizer: Tokenizer, format: ChatFormat): Tokenizer {
  const extra = Object.keys(format.extraSpecialTokens);
  if (extra.length === 0) return tokenizer;
  if (!tokenizer.withSpecialTokens)
    throw new Error(
      `${tokenizer.info.name} cannot take the chat format's special tokens (${extra.join(" ")}).`,
    );
  const key = JSON.stringify(format.extraSpecialTokens);
  let variants = withChatTokens.get(tokenizer);
  if (!variants) withChatTokens.set(tokenizer, (variants = new Map()));
  let variant = variants.get(key);
  if (!variant) variants.set(key, (variant = tokenizer.withSpecialTokens(format.extraSpecialTokens)));
  return variant;
}

/** How many tokens start in each range (UTF-16 ranges in order, tiling a prefix of the text). */
function tokensPerRange(encoding: Encoding, ranges: readonly { start: number; end: number }[]): number[] {
  const counts = new Array<number>(ranges.length).fill(0);
  let range = 0;
  for (let token = 0; token < encoding.ids.length; token++) {
    const start = encoding.utf16Starts[token]!;
    while (range < ranges.length && start >= ranges[range]!.end) range++;
    if (range === ranges.length) break;
    if (start >= ranges[range]!.start) counts[range]!++;
  }
  return counts;
}

/**
 * Renders a conversation with a lane's chat format and encodes the text with special tokens parsed (template
 * tokens become specials; the same strings typed inside a message do too, as in the models' own pipelines).
 */
export function encodeConversation(
  tokenizer: Tokenizer,
  format: ChatFormat,
  messages: readonly ChatMessage[],
  options: RenderOptions,
): ChatEncoding {
  const rendered = renderChat(format, messages, options);
  const encodeOptions: EncodeOptions = { parseSpecials: true };
  const encoding = chatTokenizer(tokenizer, format).encode(rendered.text, encodeOptions);
  const ranges = rendered.generationPrompt
    ? [...rendered.messages, rendered.generationPrompt]
    : rendered.messages;
  const counts = tokensPerRange(encoding, ranges);
  return {
    rendered,
    encoding,
    messageTokens: counts.slice(0, rendered.messages.length),
    generationPromptTokens: rendered.generationPrompt ? counts[rendered.messages.length]! : 0,
  };
}
