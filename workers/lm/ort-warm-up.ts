/**
 * The smallest ONNX model there is: `y = Identity(x)`, x and y float32 [1] (opset 17, IR version 8; written by
 * `onnx.helper` and checked by `onnx.checker`). Opening a session on it makes onnxruntime-web download,
 * compile and initialise its WebAssembly runtime, which the byte LM's worker does while the model file itself
 * is still downloading (see `LmRuntime.warmUp`).
 */
const IDENTITY_MODEL_BASE64 =
  "CAgSADo3ChAKAXgSAXkiCElkZW50aXR5EgFnWg8KAXgSCgoICAESBAoCCAFiDwoBeRIKCggIARIECgIIAUIECgAQEQ==";

/** The bytes of the identity model (a fresh copy: onnxruntime-web may take ownership of the buffer). */
export function identityModelBytes(): Uint8Array {
  return Uint8Array.from(atob(IDENTITY_MODEL_BASE64), (c) => c.charCodeAt(0));
}
