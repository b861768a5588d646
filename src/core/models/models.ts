/**
 * Models people ask about, each mapped to the tokenizer (lane id) that cuts its text. Chat formats belong to the
 * tokenizer lane (see `src/core/chat/chat-formats.ts`): models that share a vocabulary share a lane.
 */
export interface ModelEntry {
  /** Stable id for the CLI and search (kebab case). */
  id: string;
  vendor: string;
  name: string;
  /** The lane id of its tokenizer. */
  tokenizer: string;
  /** Set where the lane's tokenizer or chat format is a stand-in for this model's own (said in the picker). */
  caveat?: string;
}

const openAi = (id: string, name: string, tokenizer: string, caveat?: string): ModelEntry => ({
  id,
  vendor: "OpenAI",
  name,
  tokenizer,
  ...(caveat ? { caveat } : {}),
});

function family(
  vendor: string,
  tokenizer: string,
  models: [id: string, name: string][],
  caveat?: string,
): ModelEntry[] {
  return models.map(([id, name]) => ({ id, vendor, name, tokenizer, ...(caveat ? { caveat } : {}) }));
}

/** Every model the picker offers, by vendor, newest first within a vendor. */
export const MODELS: readonly ModelEntry[] = [
  openAi("gpt-5", "GPT-5", "o200k_base"),
  openAi("gpt-5-mini", "GPT-5 mini", "o200k_base"),
  openAi("gpt-4.1", "GPT-4.1", "o200k_base"),
  openAi("gpt-4.1-mini", "GPT-4.1 mini", "o200k_base"),
  openAi("gpt-4o", "GPT-4o", "o200k_base"),
  openAi("gpt-4o-mini", "GPT-4o mini", "o200k_base"),
  openAi("o4-mini", "o4-mini", "o200k_base"),
  openAi("o3", "o3", "o200k_base"),
  openAi("o1", "o1", "o200k_base"),
  openAi("gpt-oss-120b", "gpt-oss-120b", "gpt-oss"),
  openAi("gpt-oss-20b", "gpt-oss-20b", "gpt-oss"),
  openAi("gpt-4-turbo", "GPT-4 Turbo", "cl100k_base"),
  openAi("gpt-4", "GPT-4", "cl100k_base"),
  openAi("gpt-3.5-turbo", "GPT-3.5 Turbo", "cl100k_base"),
  openAi("text-embedding-3-large", "text-embedding-3-large", "cl100k_base"),
  openAi("text-embedding-3-small", "text-embedding-3-small", "cl100k_base"),
  openAi("text-davinci-003", "text-davinci-003", "p50k_base"),
  openAi("code-davinci-002", "Codex (code-davinci-002)", "p50k_base"),
  openAi("davinci", "GPT-3 (davinci)", "r50k_base"),
  openAi("gpt-2", "GPT-2", "r50k_base"),
  ...family(
    "Meta",
    "llama-3.1",
    [
      ["llama-3.3-70b-instruct", "Llama 3.3 70B Instruct"],
      ["llama-3.2-3b-instruct", "Llama 3.2 3B Instruct"],
      ["llama-3.2-1b-instruct", "Llama 3.2 1B Instruct"],
      ["llama-3.1-405b-instruct", "Llama 3.1 405B Instruct"],
      ["llama-3.1-70b-instruct", "Llama 3.1 70B Instruct"],
      ["llama-3.1-8b-instruct", "Llama 3.1 8B Instruct"],
    ],
    "Meta's own Llama 3.1 template adds a dated system header (“Cutting Knowledge Date …”); the template shipped with this vocabulary does not",
  ),
  ...family("Meta", "llama-3", [
    ["llama-3-70b-instruct", "Llama 3 70B Instruct"],
    ["llama-3-8b-instruct", "Llama 3 8B Instruct"],
  ]),
  ...family("Meta", "llama-2", [
    ["llama-2-70b-chat", "Llama 2 70B Chat"],
    ["llama-2-13b-chat", "Llama 2 13B Chat"],
    ["llama-2-7b-chat", "Llama 2 7B Chat"],
    ["code-llama-7b-instruct", "Code Llama 7B Instruct"],
  ]),
  ...family("Alibaba (Qwen)", "qwen-3", [
    ["qwen3-235b-a22b", "Qwen3 235B A22B"],
    ["qwen3-32b", "Qwen3 32B"],
    ["qwen3-8b", "Qwen3 8B"],
    ["qwen3-0.6b", "Qwen3 0.6B"],
  ]),
  ...family("Alibaba (Qwen)", "qwen-2.5", [
    ["qwen2.5-72b-instruct", "Qwen2.5 72B Instruct"],
    ["qwen2.5-7b-instruct", "Qwen2.5 7B Instruct"],
    ["qwen2.5-coder-7b-instruct", "Qwen2.5 Coder 7B Instruct"],
  ]),
  ...family("Google", "gemma-3", [
    ["gemma-3-27b-it", "Gemma 3 27B IT"],
    ["gemma-3-12b-it", "Gemma 3 12B IT"],
    ["gemma-3-4b-it", "Gemma 3 4B IT"],
    ["gemma-3-1b-it", "Gemma 3 1B IT"],
  ]),
  ...family("DeepSeek", "deepseek-v3", [
    ["deepseek-v3", "DeepSeek V3"],
    ["deepseek-r1", "DeepSeek R1"],
  ]),
  ...family(
    "Anthropic",
    "claude-legacy",
    [
      ["claude-2", "Claude 2 (legacy tokenizer)"],
      ["claude-3-approximate", "Claude 3 and later (approximation)"],
    ],
    "Anthropic's published tokenizer is the Claude 1/2 one; later models use an unpublished one, so counts are approximate",
  ),
];

/** A model by id. */
export function modelEntry(id: string): ModelEntry | undefined {
  return MODELS.find((model) => model.id === id);
}

/** Folds case and drops separators, so that "gpt4o", "GPT-4o" and "gpt 4o" match. */
function searchKey(text: string): string {
  return text.toLowerCase().replace(/[\s._-]+/g, "");
}

/** The models whose vendor, name, id or tokenizer contains every word of `query` (all of them for ""). */
export function searchModels(query: string, models: readonly ModelEntry[] = MODELS): ModelEntry[] {
  const words = query.split(/\s+/).map(searchKey).filter(Boolean);
  return models.filter((model) => {
    const haystack = searchKey(`${model.vendor} ${model.name} ${model.id} ${model.tokenizer}`);
    return words.every((word) => haystack.includes(word));
  });
}
