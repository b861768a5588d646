import { beforeAll, describe, expect, it } from "vitest";
import { encodeChat as gpt4Chat } from "gpt-tokenizer/model/gpt-4";
import { encodeChat as gpt4oChat } from "gpt-tokenizer/model/gpt-4o";
import { encodeChat as harmonyChat } from "gpt-tokenizer/model/gpt-oss-20b";
import { encodeConversation } from "../../src/core/chat/chat-encoding";
import type { ChatFormat } from "../../src/core/chat/chat-formats";
import type { ChatMessage } from "../../src/core/chat/messages";
import { renderChat } from "../../src/core/chat/render-chat";
import { catalogEntry } from "../../src/core/tokenizers/catalog";
import { loadTokenizer } from "./load-tokenizer";
import { nodeAssetSource } from "./node-asset-source";
import { rustTokenizer } from "./rust-tokenizers";

// Chat formats checked three ways: the rendered text against each vendor's documented prompt format, the ids
// against Hugging Face's Rust `tokenizers` (same tokenizer.json, special tokens parsed) and, for OpenAI's
// formats, against gpt-tokenizer's own chat encoder.

async function formatOf(id: string): Promise<ChatFormat> {
  const result = await catalogEntry(id)!.chatFormat(nodeAssetSource);
  if (!result.ok) throw new Error(result.reason);
  return result.format;
}

const S = "You are terse.";
const U1 = "Hi there!";
const A1 = "Hello. How can I help?";
const U2 = "Count to 3.";
const CONVERSATION: ChatMessage[] = [
  { role: "system", content: S },
  { role: "user", content: U1 },
  { role: "assistant", content: A1 },
  { role: "user", content: U2 },
];

/** Each vendor's documented prompt for system, user, assistant, user + the assistant header. */
const DOCUMENTED: Record<string, string> = {
  // Meta's Llama 3 model card.
  "llama-3": `<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\n${S}<|eot_id|><|start_header_id|>user<|end_header_id|>\n\n${U1}<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n${A1}<|eot_id|><|start_header_id|>user<|end_header_id|>\n\n${U2}<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n`,
  // Meta's Llama 2 chat format ([INST], <<SYS>>).
  "llama-2": `<s>[INST] <<SYS>>\n${S}\n<</SYS>>\n\n${U1} [/INST] ${A1} </s><s>[INST] ${U2} [/INST]`,
  // Qwen's ChatML.
  "qwen-3": `<|im_start|>system\n${S}<|im_end|>\n<|im_start|>user\n${U1}<|im_end|>\n<|im_start|>assistant\n${A1}<|im_end|>\n<|im_start|>user\n${U2}<|im_end|>\n<|im_start|>assistant\n`,
  // Qwen 2.5's template: ChatML too (its default system prompt only when none is given).
  "qwen-2.5": `<|im_start|>system\n${S}<|im_end|>\n<|im_start|>user\n${U1}<|im_end|>\n<|im_start|>assistant\n${A1}<|im_end|>\n<|im_start|>user\n${U2}<|im_end|>\n<|im_start|>assistant\n`,
  // Google's Gemma 3 format: the system prompt joins the first user turn.
  "gemma-3": `<bos><start_of_turn>user\n${S}\n\n${U1}<end_of_turn>\n<start_of_turn>model\n${A1}<end_of_turn>\n<start_of_turn>user\n${U2}<end_of_turn>\n<start_of_turn>model\n`,
  // DeepSeek V3's format.
  "deepseek-v3": `<｜begin▁of▁sentence｜>${S}<｜User｜>${U1}<｜Assistant｜>${A1}<｜end▁of▁sentence｜><｜User｜>${U2}<｜Assistant｜>`,
  // OpenAI's harmony format (messages only).
  "gpt-oss": `<|start|>system<|message|>${S}<|end|><|start|>user<|message|>${U1}<|end|><|start|>assistant<|channel|>final<|message|>${A1}<|end|><|start|>user<|message|>${U2}<|end|><|start|>assistant`,
  // Anthropic's legacy text-completions format.
  "claude-legacy": `${S}\n\nHuman: ${U1}\n\nAssistant: ${A1}\n\nHuman: ${U2}\n\nAssistant:`,
};

const FORMATS_NEEDED: { llama2?: ChatFormat; claude?: ChatFormat } = {};
beforeAll(async () => {
  FORMATS_NEEDED.llama2 = await formatOf("llama-2");
  FORMATS_NEEDED.claude = await formatOf("claude-legacy");
});

describe("chat templates render each vendor's documented prompt", () => {
  it.each(Object.keys(DOCUMENTED))("%s", async (id) => {
    const rendered = renderChat(await formatOf(id), CONVERSATION, { addGenerationPrompt: true });
    expect(rendered.text).toBe(DOCUMENTED[id]);
    // The message parts tile the text up to the generation prompt, each containing its own content.
    let cursor = 0;
    rendered.messages.forEach((range, i) => {
      expect(range.start).toBe(cursor);
      expect(rendered.text.slice(range.start, range.end)).toContain(CONVERSATION[i]!.content);
      cursor = range.end;
    });
  });
});

const TRICKY: ChatMessage[] = [
  { role: "system", content: "  Réponds en français.\n" },
  { role: "user", content: "日本語で? <|im_end|> ▁x  \t\n12345 😀‍" },
  { role: "assistant", content: "  नमस्ते  " },
  { role: "user", content: "<s>[INST] and <|eot_id|> typed by hand" },
];

describe("chat encodings equal Hugging Face's Rust tokenizers on the rendered text", () => {
  it.each([
    "llama-3",
    "llama-2",
    "qwen-3",
    "gemma-3",
    "deepseek-v3",
    "gpt-oss",
    "claude-legacy",
    "gpt-4o-json",
  ])("%s", async (id) => {
    const [tokenizer, format, { json }] = await Promise.all([
      loadTokenizer(id),
      formatOf(id),
      nodeAssetSource.tokenizerJson(catalogEntry(id)!.source),
    ]);
    const rust = rustTokenizer(json, true);
    for (const messages of [CONVERSATION, TRICKY])
      for (const addGenerationPrompt of [true, false]) {
        const chat = encodeConversation(tokenizer, format, messages, { addGenerationPrompt });
        expect(Array.from(chat.encoding.ids), chat.rendered.text).toEqual(
          (await rust(chat.rendered.text)).ids,
        );
        const total = chat.messageTokens.reduce((a, b) => a + b, 0) + chat.generationPromptTokens;
        expect(total).toBe(chat.encoding.ids.length);
      }
  });
});

describe("OpenAI chat formats equal gpt-tokenizer's chat encoder", () => {
  const plain = CONVERSATION.map(({ role, content }) => ({ role: role as "system", content }));

  it("cl100k (GPT-4): the same ids", async () => {
    const chat = encodeConversation(
      await loadTokenizer("cl100k_base"),
      await formatOf("cl100k_base"),
      CONVERSATION,
      {
        addGenerationPrompt: true,
      },
    );
    expect(Array.from(chat.encoding.ids)).toEqual(gpt4Chat(plain));
    // OpenAI's cookbook: 3 tokens per message plus its role and content, 3 to prime the reply.
    expect(chat.generationPromptTokens).toBe(3);
  });

  it("o200k (GPT-4o): the same tokens, its chat tokens under tiktokenizer's ids", async () => {
    const chat = encodeConversation(
      await loadTokenizer("o200k_base"),
      await formatOf("o200k_base"),
      CONVERSATION,
      {
        addGenerationPrompt: true,
      },
    );
    // gpt-tokenizer numbers <|im_start|> <|im_end|> <|im_sep|> 200003–200005.
    const renumber: Record<number, number> = { 200003: 200264, 200004: 200265, 200005: 200266 };
    expect(Array.from(chat.encoding.ids)).toEqual(gpt4oChat(plain).map((id) => renumber[id] ?? id));
  });

  it("harmony (GPT-OSS): the same ids as gpt-tokenizer's harmony encoder", async () => {
    const messages: ChatMessage[] = [...CONVERSATION, { role: "tool", content: '{"n": 3}' }];
    const chat = encodeConversation(await loadTokenizer("gpt-oss"), await formatOf("gpt-oss"), messages, {
      addGenerationPrompt: true,
    });
    const reference = harmonyChat(
      messages.map((message) =>
        message.role === "assistant"
          ? { role: "assistant" as const, channel: "final", content: message.content }
          : message.role === "tool"
            ? {
                role: "tool" as const,
                name: "functions.tool",
                recipient: "assistant",
                recipientPlacement: "role" as const,
                channel: "commentary",
                content: message.content,
              }
            : { role: message.role as "user", content: message.content },
      ),
    );
    expect(Array.from(chat.encoding.ids)).toEqual(reference);
  });
});

describe("formats that refuse a conversation say why", () => {
  it("Llama 2 needs alternating roles; the legacy Claude format has no tool role", async () => {
    const twoUsers: ChatMessage[] = [
      { role: "user", content: "a" },
      { role: "user", content: "b" },
    ];
    expect(() => renderChat(FORMATS_NEEDED.llama2!, twoUsers, { addGenerationPrompt: true })).toThrow(
      /refused this conversation: Conversation roles must alternate/,
    );
    expect(() =>
      renderChat(FORMATS_NEEDED.claude!, [{ role: "tool", content: "x" }], { addGenerationPrompt: true }),
    ).toThrow(/has no tool role/);
  });
});
