/**
 * The one validation protocol shared by `training/train.py` (model card) and the TypeScript tests: from
 * every validation document, its first `bytesPerDocument` UTF-8 bytes, cut into non-overlapping windows of
 * `windowBytes`; each window is scored from the model's start state (BOS), so its first byte has no
 * context. Bits per byte = the mean of −log2 p over all scored bytes.
 */
export interface EvalProtocol {
  windowBytes: number;
  bytesPerDocument: number;
}

/**
 * The protocol the committed model card reports: one 256-byte window (the document's start) per
 * validation document, small enough for a Node test on onnxruntime's WebAssembly backend.
 */
export const EVAL_PROTOCOL: EvalProtocol = { windowBytes: 256, bytesPerDocument: 256 };

/** One scored window of the protocol. */
export interface EvalWindow {
  /** Index of the validation document it comes from. */
  document: number;
  bytes: Uint8Array;
}

/** The windows of the protocol over the validation documents (as UTF-8 bytes), in order. */
export function evaluationWindows(
  documents: readonly Uint8Array[],
  protocol: EvalProtocol = EVAL_PROTOCOL,
): EvalWindow[] {
  const windows: EvalWindow[] = [];
  documents.forEach((doc, document) => {
    const head = doc.subarray(0, Math.min(doc.length, protocol.bytesPerDocument));
    for (let start = 0; start < head.length; start += protocol.windowBytes)
      windows.push({ document, bytes: head.subarray(start, start + protocol.windowBytes) });
  });
  return windows;
}
