/** Bits per byte over some bytes of some documents. */
export interface BitsPerByteFigure {
  bitsPerByte: number;
  bytes: number;
  documents: number;
}

/** The parts of a byte LM's model card (`public/models/<name>.card.json`) that code reads. */
export interface ByteLmCard {
  name: string;
  parameters: number;
  bos: number;
  contextLength: number;
  onnx: { file: string; opset: number; bytes: number; sha256: string; input: string; output: string };
  evaluation: BitsPerByteFigure & {
    protocol: { windowBytes: number; bytesPerDocument: number };
    byGroup: Record<string, BitsPerByteFigure>;
  };
}
