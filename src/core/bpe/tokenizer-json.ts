import { TIKTOKEN_PATTERNS } from "../tokenizers/tiktoken/patterns";
import { fromByteLevel, toByteLevel } from "./byte-chars";
import type { BpeModel, BpeSpecialToken } from "./model";
import { NO_PRETOKENIZATION } from "./pretokenize";

/** The Hugging Face `tokenizer.json` this module writes (the subset of fields it sets). */
export interface BpeTokenizerJson {
  version: "1.0";
  truncation: null;
  padding: null;
  added_tokens: {
    id: number;
    content: string;
    single_word: false;
    lstrip: false;
    rstrip: false;
    normalized: false;
    special: true;
  }[];
  normalizer: null;
  pre_tokenizer: { type: "Sequence"; pretokenizers: Record<string, unknown>[] } | typeof BYTE_LEVEL;
  post_processor: null;
  decoder: Record<string, unknown>;
  model: {
    type: "BPE";
    dropout: null;
    unk_token: null;
    continuing_subword_prefix: null;
    end_of_word_suffix: null;
    fuse_unk: false;
    byte_fallback: false;
    ignore_merges: boolean;
    vocab: Record<string, number>;
    merges: string[];
  };
}

const BYTE_LEVEL = {
  type: "ByteLevel" as const,
  add_prefix_space: false,
  trim_offsets: true,
  use_regex: false,
};

/**
 * A `tokenizer.json` for a byte-level BPE model, in the shape of GPT-4o's: a `Split` pre-tokenizer carrying
 * the regex (behaviour "Isolated", so text the regex does not match is kept as chunks too), then
 * `ByteLevel` without its own regex; a `ByteLevel` decoder; merges as `"left right"` strings in rank order.
 * A model without pre-tokenization ({@link NO_PRETOKENIZATION}, binary BPE) gets the lone `ByteLevel`.
 */
export function toTokenizerJson(model: BpeModel): BpeTokenizerJson {
  const spelled = model.tokens.map((bytes) => toByteLevel(bytes));
  const vocab: Record<string, number> = {};
  spelled.forEach((token, id) => {
    if (token === "") return; // an id the vocabulary skips
    if (token in vocab) throw new Error(`Two ids spell the same token ${JSON.stringify(token)}.`);
    vocab[token] = id;
  });
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: (model.specialTokens ?? []).map((s) => ({
      id: s.id,
      content: s.content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: null,
    pre_tokenizer:
      model.pattern === NO_PRETOKENIZATION
        ? BYTE_LEVEL
        : {
            type: "Sequence",
            pretokenizers: [
              { type: "Split", pattern: { Regex: model.pattern }, behavior: "Isolated", invert: false },
              BYTE_LEVEL,
            ],
          },
    post_processor: null,
    decoder: { type: "ByteLevel", add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: {
      type: "BPE",
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: null,
      end_of_word_suffix: null,
      fuse_unk: false,
      byte_fallback: false,
      ignore_merges: model.ignoreMerges ?? false,
      vocab,
      merges: model.merges.map(([left, right]) => `${spelled[left]!} ${spelled[right]!}`),
    },
  };
}

type Json = Record<string, unknown>;

const EMPTY = new Uint8Array(0);

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function unsupported(what: string): Error {
  return new Error(`Unsupported tokenizer.json for byte-level BPE: ${what}.`);
}

/**
 * The regex a byte-level pre-tokenizer tree splits with (one Split + ByteLevel, or ByteLevel's own GPT-2
 * regex), or {@link NO_PRETOKENIZATION} for a lone ByteLevel without its regex.
 */
function patternOf(preTokenizer: unknown): string {
  if (!isRecord(preTokenizer)) throw unsupported("no pre-tokenizer");
  const steps = preTokenizer.type === "Sequence" ? preTokenizer.pretokenizers : [preTokenizer];
  if (!Array.isArray(steps)) throw unsupported("a Sequence pre-tokenizer without steps");
  const splits = steps.filter((s): s is Json => isRecord(s) && s.type === "Split");
  const byteLevel = steps.find((s): s is Json => isRecord(s) && s.type === "ByteLevel");
  if (!byteLevel) throw unsupported("no ByteLevel pre-tokenizer");
  if (byteLevel.add_prefix_space === true) throw unsupported("ByteLevel add_prefix_space");
  if (steps.length !== splits.length + 1) throw unsupported("pre-tokenizers other than Split and ByteLevel");
  const ownRegex = byteLevel.use_regex !== false;
  if (splits.length === 0) return ownRegex ? TIKTOKEN_PATTERNS.r50k : NO_PRETOKENIZATION;
  if (splits.length !== 1 || ownRegex) throw unsupported("more than one splitting regex");
  const split = splits[0]!;
  const regex = isRecord(split.pattern) ? split.pattern.Regex : undefined;
  if (typeof regex !== "string") throw unsupported("a Split without a regex");
  const behavior = String(split.behavior ?? "").toLowerCase();
  const isolated = behavior === "isolated" && split.invert !== true;
  // "Removed" + invert keeps only the matches; identical to "Isolated" for regexes that match every character.
  const matchesOnly = behavior === "removed" && split.invert === true;
  if (!isolated && !matchesOnly) throw unsupported(`Split behaviour ${String(split.behavior)}`);
  return regex;
}

/**
 * Reads a Hugging Face `tokenizer.json` with a byte-level BPE model (GPT-2, GPT-4o, Llama 3, or one written by
 * {@link toTokenizerJson}) into a {@link BpeModel}. Added tokens become {@link BpeModel.specialTokens}.
 * @throws Error with a message meant for the user when the file is not byte-level BPE in a supported shape.
 */
export function fromTokenizerJson(json: unknown): BpeModel {
  if (!isRecord(json) || !isRecord(json.model)) throw unsupported('no "model"');
  const model = json.model;
  if ((model.type ?? "BPE") !== "BPE") throw unsupported(`model type ${String(model.type)}`);
  if (json.normalizer != null) throw unsupported("a normalizer");
  if (!isRecord(model.vocab) || !Array.isArray(model.merges)) throw unsupported("no vocab or merges");
  const pattern = patternOf(json.pre_tokenizer);
  const entries = Object.entries(model.vocab);
  let size = 0;
  for (const [, id] of entries) {
    if (typeof id !== "number" || !Number.isInteger(id) || id < 0 || id > 10_000_000)
      throw unsupported(`vocabulary id ${String(id)}`);
    size = Math.max(size, id + 1);
  }
  // Ids the vocabulary skips (GPT-4o's reserved ones) hold empty byte strings, which no encoder produces.
  const tokens: Uint8Array[] = Array.from({ length: size }, () => EMPTY);
  const ids = new Map<string, number>();
  for (const [token, id] of entries as [string, number][]) {
    const bytes = fromByteLevel(token);
    if (!bytes || bytes.length === 0) throw unsupported(`token ${JSON.stringify(token)} is not byte-level`);
    if (tokens[id] !== EMPTY) throw unsupported(`id ${id} appears twice`);
    tokens[id] = bytes;
    ids.set(token, id);
  }
  const merges = (model.merges as unknown[]).map((merge): [number, number] => {
    const [left, right] = typeof merge === "string" ? merge.split(" ", 2) : Array.isArray(merge) ? merge : [];
    const a = typeof left === "string" ? ids.get(left) : undefined;
    const b = typeof right === "string" ? ids.get(right) : undefined;
    if (a === undefined || b === undefined)
      throw unsupported(`merge ${JSON.stringify(merge)} names unknown tokens`);
    return [a, b];
  });
  const specialTokens: BpeSpecialToken[] = [];
  for (const added of Array.isArray(json.added_tokens) ? json.added_tokens : []) {
    if (isRecord(added) && typeof added.id === "number" && typeof added.content === "string")
      specialTokens.push({ id: added.id, content: added.content });
  }
  return { tokens, merges, pattern, ignoreMerges: model.ignore_merges === true, specialTokens };
}
