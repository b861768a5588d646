/** The parts of a Hugging Face `tokenizer.json` this project reads (the library reads the rest). */
export interface TokenizerJson {
  version?: string;
  added_tokens: AddedTokenJson[];
  normalizer: ComponentJson | null;
  pre_tokenizer: ComponentJson | null;
  decoder?: ComponentJson | null;
  model: {
    type?: string;
    vocab: unknown;
    byte_fallback?: boolean;
    unk_token?: string | null;
    continuing_subword_prefix?: string | null;
    merges?: unknown;
  };
}

/** One added token entry. */
export interface AddedTokenJson {
  id: number;
  content: string;
  special: boolean;
  [key: string]: unknown;
}

/** A normalizer / pre-tokenizer / decoder node. */
export interface ComponentJson {
  type: string;
  [key: string]: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Checks that a parsed JSON value looks like a tokenizer.json and says what is wrong when it does not.
 * @throws Error with a message meant for the user.
 */
export function assertTokenizerJson(value: unknown): asserts value is TokenizerJson {
  if (!isRecord(value)) throw new Error("This is not a tokenizer.json: the file is not a JSON object.");
  const model = value.model;
  if (!isRecord(model)) throw new Error('This is not a tokenizer.json: it has no "model" object.');
  const type = model.type ?? (model.merges ? "BPE" : undefined);
  if (type !== "BPE" && type !== "Unigram" && type !== "WordPiece" && type !== "WordLevel") {
    throw new Error(
      `Unsupported tokenizer.json model type: ${String(model.type)} (BPE, Unigram, WordPiece, WordLevel work).`,
    );
  }
  if (!("vocab" in model)) throw new Error('This is not a tokenizer.json: "model" has no "vocab".');
  if (!Array.isArray(value.added_tokens)) value.added_tokens = [];
  if (!("normalizer" in value)) value.normalizer = null;
  // The library insists on these keys; files written by hand or by older tools may leave them out.
  for (const key of ["pre_tokenizer", "post_processor", "decoder"]) if (!(key in value)) value[key] = null;
}

/** Every component of a node tree (Sequence nodes included), depth first. */
export function components(node: ComponentJson | null | undefined): ComponentJson[] {
  if (!node) return [];
  const children = (node.normalizers ?? node.pretokenizers ?? node.decoders) as ComponentJson[] | undefined;
  return [node, ...(children ?? []).flatMap((child) => components(child))];
}

/** A short human description of a normalizer or pre-tokenizer tree. */
export function describe(node: ComponentJson | null | undefined): string {
  if (!node) return "none";
  const parts = components(node).filter((c) => c.type !== "Sequence");
  if (parts.length === 0) return "none";
  return parts
    .map((c) => {
      if (c.type === "Split") {
        const pattern = c.pattern as { Regex?: string; String?: string } | undefined;
        return `Split(${pattern?.Regex ?? JSON.stringify(pattern?.String ?? "")})`;
      }
      if (c.type === "Replace") {
        const pattern = c.pattern as { String?: string; Regex?: string } | undefined;
        return `Replace(${JSON.stringify(pattern?.String ?? pattern?.Regex)} → ${JSON.stringify(c.content)})`;
      }
      if (c.type === "Prepend") return `Prepend(${JSON.stringify(c.prepend)})`;
      return c.type;
    })
    .join(" + ");
}
