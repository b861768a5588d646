import { Template } from "@huggingface/jinja";
import type { ChatFormat } from "./chat-formats";
import type { ChatMessage } from "./messages";

/** A part of the rendered text, in UTF-16 units: one message with the template text around it. */
export interface ChatTextRange {
  start: number;
  end: number;
}

/** A conversation rendered by a chat template. */
export interface RenderedChat {
  text: string;
  /** Message i's part of `text` (with its template tokens); parts tile `text` up to the generation prompt. */
  messages: ChatTextRange[];
  /** The assistant header the template appends when asked to, or null. */
  generationPrompt: ChatTextRange | null;
  notes: string[];
}

export interface RenderOptions {
  addGenerationPrompt: boolean;
}

/** A template that could not be compiled, or that refused the conversation (raise_exception). */
export class ChatTemplateError extends Error {
  override name = "ChatTemplateError";
}

const compiled = new Map<string, Template>();

function compile(source: string): Template {
  let template = compiled.get(source);
  if (!template) {
    try {
      template = new Template(source);
    } catch (error) {
      throw new ChatTemplateError(`The chat template cannot be read: ${(error as Error).message}`, {
        cause: error,
      });
    }
    if (compiled.size > 32) compiled.clear();
    compiled.set(source, template);
  }
  return template;
}

function renderWith(
  format: ChatFormat,
  messages: readonly ChatMessage[],
  addGenerationPrompt: boolean,
): string {
  try {
    return compile(format.template).render({
      messages: messages.map(({ role, content }) => ({ role, content })),
      add_generation_prompt: addGenerationPrompt,
      bos_token: format.bosToken,
      eos_token: format.eosToken,
    });
  } catch (error) {
    if (error instanceof ChatTemplateError) throw error;
    throw new ChatTemplateError(`The chat template refused this conversation: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

function renderOrNull(format: ChatFormat, messages: readonly ChatMessage[], add: boolean): string | null {
  try {
    return renderWith(format, messages, add);
  } catch {
    return null;
  }
}

/** Where each message's (trimmed) content appears in the text, in order; null where it is not found. */
function locateContents(
  text: string,
  messages: readonly ChatMessage[],
): ({ start: number; end: number } | null)[] {
  let cursor = 0;
  return messages.map((message) => {
    const content = message.content.trim();
    const found = content ? text.indexOf(content, cursor) : -1;
    if (found < 0) return null;
    cursor = found + content.length;
    return { start: found, end: cursor };
  });
}

/**
 * Renders a conversation with a chat template and finds each message's part of the text. Message i ends where
 * the rendering of the first i + 1 messages ends, when that rendering is a prefix of the whole and falls between
 * the message's content and the next one's (true of most templates); otherwise where the next message's content
 * starts (templates that fold a system prompt into the first user turn).
 * @throws ChatTemplateError when the template cannot be read or refuses the conversation.
 */
export function renderChat(
  format: ChatFormat,
  messages: readonly ChatMessage[],
  options: RenderOptions,
): RenderedChat {
  const text = renderWith(format, messages, options.addGenerationPrompt);
  const notes: string[] = [];
  const other = renderOrNull(format, messages, !options.addGenerationPrompt);
  if (messages.length > 0 && other === text)
    notes.push("This template ignores “add generation prompt”: it renders the same text either way.");

  const withoutPrompt = options.addGenerationPrompt ? other : text;
  const conversationEnd =
    withoutPrompt !== null && text.startsWith(withoutPrompt) ? withoutPrompt.length : text.length;
  const contents = locateContents(text, messages);
  const ranges: ChatTextRange[] = [];
  let cursor = 0;
  messages.forEach((_, index) => {
    let end = conversationEnd;
    if (index < messages.length - 1) {
      const low = contents[index]?.end ?? cursor;
      const high = contents[index + 1]?.start ?? conversationEnd;
      const prefix = renderOrNull(format, messages.slice(0, index + 1), false);
      const boundary = prefix !== null && text.startsWith(prefix) ? prefix.length : -1;
      end = boundary >= low && boundary <= high ? boundary : (contents[index + 1]?.start ?? low);
    }
    end = Math.min(Math.max(end, cursor), conversationEnd);
    ranges.push({ start: cursor, end });
    cursor = end;
  });
  const generationPrompt =
    options.addGenerationPrompt && conversationEnd < text.length
      ? { start: conversationEnd, end: text.length }
      : null;
  return { text, messages: ranges, generationPrompt, notes };
}
