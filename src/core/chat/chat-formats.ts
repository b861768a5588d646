/**
 * How a tokenizer's models turn a conversation into text: a Jinja chat template (the model's own, from its
 * `tokenizer_config.json`, or a vendor's documented format written as one), plus the special tokens that the
 * rendered text uses and the vocabulary may lack (tiktoken encodings have no chat tokens of their own).
 */
export interface ChatFormat {
  /** What the template is, in words (shown beside the lane). */
  description: string;
  template: string;
  bosToken: string;
  eosToken: string;
  /** Special tokens to add to the vocabulary while encoding a conversation (tiktoken lanes only). */
  extraSpecialTokens: Record<string, number>;
}

/** Why a tokenizer has no chat format, when it has none. */
export type ChatFormatResult = { ok: true; format: ChatFormat } | { ok: false; reason: string };

/**
 * ChatML as OpenAI's cookbook counts it for GPT-3.5/4-era chat models and later (3 tokens per message plus the
 * role, 3 to prime the reply): `<|im_start|>role<|im_sep|>content<|im_end|>`.
 */
const CHATML =
  "{%- for message in messages -%}{{ '<|im_start|>' + message['role'] + '<|im_sep|>' + message['content'] + '<|im_end|>' }}{%- endfor -%}" +
  "{%- if add_generation_prompt -%}{{ '<|im_start|>assistant<|im_sep|>' }}{%- endif -%}";

/** OpenAI's harmony message format (GPT-OSS): assistant replies on the final channel, tools answer on commentary. */
const HARMONY =
  "{%- for message in messages -%}" +
  "{%- if message['role'] == 'assistant' -%}{{ '<|start|>assistant<|channel|>final<|message|>' + message['content'] + '<|end|>' }}" +
  "{%- elif message['role'] == 'tool' -%}{{ '<|start|>functions.tool to=assistant<|channel|>commentary<|message|>' + message['content'] + '<|end|>' }}" +
  "{%- else -%}{{ '<|start|>' + message['role'] + '<|message|>' + message['content'] + '<|end|>' }}{%- endif -%}" +
  "{%- endfor -%}{%- if add_generation_prompt -%}{{ '<|start|>assistant' }}{%- endif -%}";

/** Meta's documented Llama 2 chat format (the template of meta-llama/Llama-2-7b-chat-hf). */
const LLAMA_2 =
  "{% if messages[0]['role'] == 'system' %}{% set loop_messages = messages[1:] %}{% set system_message = messages[0]['content'] %}{% else %}{% set loop_messages = messages %}{% set system_message = false %}{% endif %}" +
  "{% for message in loop_messages %}{% if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}" +
  "{% if loop.index0 == 0 and system_message != false %}{% set content = '<<SYS>>\\n' + system_message + '\\n<</SYS>>\\n\\n' + message['content'] %}{% else %}{% set content = message['content'] %}{% endif %}" +
  "{% if message['role'] == 'user' %}{{ bos_token + '[INST] ' + content.strip() + ' [/INST]' }}{% elif message['role'] == 'assistant' %}{{ ' ' + content.strip() + ' ' + eos_token }}{% endif %}{% endfor %}";

/** Anthropic's legacy text-completions format: a system prompt, then "\n\nHuman:" and "\n\nAssistant:" turns. */
const CLAUDE_LEGACY =
  "{%- for message in messages -%}" +
  "{%- if message['role'] == 'system' -%}{{ message['content'] }}" +
  "{%- elif message['role'] == 'user' -%}{{ '\\n\\nHuman: ' + message['content'] }}" +
  "{%- elif message['role'] == 'assistant' -%}{{ '\\n\\nAssistant: ' + message['content'] }}" +
  "{%- else -%}{{ raise_exception('The legacy Claude format has no ' + message['role'] + ' role.') }}{%- endif -%}" +
  "{%- endfor -%}{%- if add_generation_prompt -%}{{ '\\n\\nAssistant:' }}{%- endif -%}";

const OPENAI_CHATML_NOTE =
  "ChatML as OpenAI's cookbook counts it (OpenAI does not publish its chat template)";

/** Chat formats of the lanes whose files carry no usable `chat_template`, by lane id. */
const DOCUMENTED: Record<string, ChatFormat> = {
  o200k_base: {
    description: `${OPENAI_CHATML_NOTE}; <|im_start|> <|im_end|> <|im_sep|> as ids 200264–200266, as tiktokenizer uses them`,
    template: CHATML,
    bosToken: "",
    eosToken: "<|im_end|>",
    extraSpecialTokens: { "<|im_start|>": 200264, "<|im_end|>": 200265, "<|im_sep|>": 200266 },
  },
  cl100k_base: {
    description: `${OPENAI_CHATML_NOTE}; <|im_start|> <|im_end|> <|im_sep|> as ids 100264–100266 (tiktoken's cl100k_im)`,
    template: CHATML,
    bosToken: "",
    eosToken: "<|im_end|>",
    extraSpecialTokens: { "<|im_start|>": 100264, "<|im_end|>": 100265, "<|im_sep|>": 100266 },
  },
  "gpt-4o-json": {
    description: `${OPENAI_CHATML_NOTE}; this file has no chat tokens, so they read as text`,
    template: CHATML,
    bosToken: "",
    eosToken: "<|im_end|>",
    extraSpecialTokens: {},
  },
  "gpt-oss": {
    description: "OpenAI's harmony format (messages only: no default system message or date)",
    template: HARMONY,
    bosToken: "",
    eosToken: "<|return|>",
    extraSpecialTokens: {},
  },
  "llama-2": {
    description: "Meta's documented Llama 2 chat format ([INST] … [/INST], <<SYS>>)",
    template: LLAMA_2,
    bosToken: "<s>",
    eosToken: "</s>",
    extraSpecialTokens: {},
  },
  "claude-legacy": {
    description: "Anthropic's legacy Human/Assistant text format",
    template: CLAUDE_LEGACY,
    bosToken: "",
    eosToken: "",
    extraSpecialTokens: {},
  },
};

/** A token setting of tokenizer_config.json: a string or `{"content": …}` (an AddedToken). */
function tokenSetting(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && typeof (value as { content?: unknown }).content === "string")
    return (value as { content: string }).content;
  return "";
}

/** The default template of a `chat_template` that is a list of named templates. */
function templateOf(value: unknown): string | null {
  if (typeof value === "string" && value.length > 0) return value;
  if (Array.isArray(value)) {
    const named = value as { name?: unknown; template?: unknown }[];
    const chosen = named.find((item) => item.name === "default") ?? named[0];
    if (chosen && typeof chosen.template === "string") return chosen.template;
  }
  return null;
}

/**
 * The chat format of a lane: the `chat_template` of its `tokenizer_config.json` when it has one, else the
 * vendor's documented format for the built-in lanes that lack one, else a reason.
 */
export function chatFormatFor(
  laneId: string,
  config: Record<string, unknown> | null,
  source: string,
): ChatFormatResult {
  const template = config ? templateOf(config.chat_template) : null;
  if (template)
    return {
      ok: true,
      format: {
        description: `the chat_template of ${source}'s tokenizer_config.json`,
        template,
        bosToken: tokenSetting(config?.bos_token),
        eosToken: tokenSetting(config?.eos_token),
        extraSpecialTokens: {},
      },
    };
  const documented = DOCUMENTED[laneId];
  if (documented) return { ok: true, format: documented };
  return {
    ok: false,
    reason: config
      ? `${source} has no chat template (its tokenizer_config.json has no chat_template).`
      : "No chat format is known for this tokenizer's models.",
  };
}
