/** Bits per byte over some bytes of some documents. */
export interface BitsPerByteFigure {
  bitsPerByte: number;
  bytes: number;
  documents: number;
}

/** The parts of a byte LM's model card (`public/models/<name>.card.json`) that code reads. */
export interface ByteLmCard {
  name: string;
  /** Every parameter, the hash n-gram table's included. */
  parameters: number;
  /** The hash n-gram table's entries (looked up, not multiplied); absent or null without one. */
  hashNgramParameters?: number | null;
  bos: number;
  contextLength: number;
  onnx: { file: string; opset: number; bytes: number; sha256: string; input: string; output: string };
  evaluation: BitsPerByteFigure & {
    protocol: { windowBytes: number; bytesPerDocument: number };
    byGroup: Record<string, BitsPerByteFigure>;
  };
  /** The held-out English set: whole held-out Brown documents in sliding windows (`training/lmtrain/evaluation.py`). */
  english: {
    windows: { context: number; stride: number };
    documents: number;
    bytes: number;
    bitsPerByte: number;
    insideWord: { bytes: number; bitsPerByte: number };
    perDocument: {
      id: string;
      bytes: number;
      bits: number;
      insideWordBytes: number;
      insideWordBits: number;
    }[];
  };
}

/** The parts of the token LM's card (`public/models/token-lm.card.json`) that code reads. */
export interface TokenLmCard {
  name: string;
  parameters: number;
  bos: number;
  eos: number;
  contextLength: number;
  tokenizer: { file: string; sha256: string; vocabSize: number; merges: number };
  onnx: {
    file: string;
    opset: number;
    bytes: number;
    sha256: string;
    input: string;
    positions?: string;
    output: string;
  };
  evaluation: BitsPerByteFigure & {
    bitsPerToken: number;
    tokens: number;
    protocol: { bytesPerDocument: number; windowTokens: number };
    byGroup: Record<string, BitsPerByteFigure>;
  };
  fullValidation: BitsPerByteFigure & { bitsPerToken: number; tokens: number };
  byteLmBitsPerByte: number | null;
  /** The same held-out English documents as the byte LM's, in sliding windows of tokens. */
  english: {
    windows: { context: number; stride: number };
    documents: number;
    bytes: number;
    tokens: number;
    bitsPerByte: number;
  };
  byteLmEnglishBitsPerByte: number | null;
}

/** "0.77 M parameters", and the hash n-gram table apart (rows looked up, not multiplied) when the model has one. */
export function parameterPhrase(card: Pick<ByteLmCard, "parameters" | "hashNgramParameters">): string {
  const table = card.hashNgramParameters ?? 0;
  const computed = `${((card.parameters - table) / 1e6).toFixed(2)} M parameters`;
  return table > 0 ? `${computed} + ${(table / 1e6).toFixed(2)} M in a hash n-gram table` : computed;
}
