import { utf8Encode } from "../../text/utf8";
import { toWellFormed } from "../../text/well-formed";
import { bpeTablesFromJson, byteLevelTexts, charsBeforeSets, type BpeTables } from "./bpe-tables";
import { asNode, isRecord, optionalBoolean, optionalString, TokenizerFileError } from "./json-fields";

/**
 * A BPE tokenizer.json compiled at build time into one binary asset: the file without its vocabulary and
 * merges (JSON), then the vocabulary as one UTF-8 string with end offsets, the merges as id triples and what
 * the model derives from the vocabulary when it loads (cut characters, whole-token texts for
 * `ignore_merges`). Loading it decodes two strings and copies typed arrays instead of parsing 30 MB of JSON
 * and splitting and looking up half a million merge strings (Gemma 3 in Node: ~3.6 s → ~0.6 s).
 *
 * Layout (little-endian, as every platform the app runs on): the 8 bytes {@link MAGIC}, a u32 header length,
 * the header JSON ({@link Header}), zero padding to a multiple of 4, then u32 arrays — vocabulary ids, token
 * end offsets (UTF-16 units into the token string), merges (left, right, result per rank), text ids, text
 * end offsets — then the token string and the text string, UTF-8.
 */
const MAGIC = "TPBPE\u0000\u0000\u0001";

interface Header {
  /** The tokenizer.json without `model.vocab` and `model.merges`. */
  json: Record<string, unknown>;
  vocabCount: number;
  mergeCount: number;
  textCount: number;
  tokenBytes: number;
  textBytes: number;
  /** Cut character → the characters some token has right before it, or null when the model never cuts. */
  cutBefore: Record<string, string[]> | null;
}

/** A compiled tokenizer read back: what `NativeTokenizer` takes instead of the whole tokenizer.json. */
export interface CompiledTokenizer {
  json: Record<string, unknown>;
  bpeTables: BpeTables;
}

/**
 * Compiles a BPE tokenizer.json (already parsed); its model is read with the same checks as when it loads (the
 * rest of the file is checked when the compiled tokenizer is built, as a tokenizer.json would be).
 */
export function compileTokenizer(json: unknown): Uint8Array {
  if (!isRecord(json) || !isRecord(json.model))
    throw new TokenizerFileError('This is not a tokenizer.json: it has no "model" object.');
  const node = asNode(json.model, "model");
  const type = node.value.type ?? (node.value.merges !== undefined ? "BPE" : undefined);
  if (type !== "BPE")
    throw new TokenizerFileError(`Only BPE models are compiled (this one is ${String(type)}).`);
  const prefix = optionalString(node, "continuing_subword_prefix");
  const suffix = optionalString(node, "end_of_word_suffix");
  const tables = bpeTablesFromJson(node, prefix === "" ? null : prefix);
  const cuts = (prefix ?? "") === "" && (suffix ?? "") === "";
  const texts = optionalBoolean(node, "ignore_merges", false) ? byteLevelTexts(tables.vocab) : new Map();
  const model: Record<string, unknown> = { ...node.value, type: "BPE" };
  delete model.vocab;
  delete model.merges;
  const tokens = [...tables.vocab.keys()];
  if (new Set(tables.vocab.values()).size !== tokens.length)
    throw new TokenizerFileError("Only vocabularies whose ids are all different are compiled.");
  for (const token of [...tokens, ...texts.keys()])
    if (toWellFormed(token) !== token)
      throw new TokenizerFileError(
        `Token ${JSON.stringify(token)} has a lone surrogate, which UTF-8 cannot carry; load this file as JSON.`,
      );
  const tokenBytes = utf8Encode(tokens.join(""));
  const textBytes = utf8Encode([...texts.keys()].join(""));
  const header: Header = {
    json: { ...json, model },
    vocabCount: tokens.length,
    mergeCount: tables.merges.length / 3,
    textCount: texts.size,
    tokenBytes: tokenBytes.length,
    textBytes: textBytes.length,
    cutBefore: cuts
      ? Object.fromEntries([...charsBeforeSets(tables.vocab)].map(([char, set]) => [char, [...set]]))
      : null,
  };
  const headerBytes = utf8Encode(JSON.stringify(header));
  const arraysStart = align4(8 + 4 + headerBytes.length);
  const words = 2 * header.vocabCount + tables.merges.length + 2 * header.textCount;
  const out = new Uint8Array(arraysStart + words * 4 + tokenBytes.length + textBytes.length);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) out[i] = MAGIC.charCodeAt(i);
  view.setUint32(8, headerBytes.length, true);
  out.set(headerBytes, 12);
  let at = arraysStart;
  const put = (value: number): void => {
    view.setUint32(at, value, true);
    at += 4;
  };
  for (const id of tables.vocab.values()) put(id);
  let end = 0;
  for (const token of tokens) put((end += token.length));
  for (const value of tables.merges) put(value);
  for (const id of texts.values()) put(id);
  end = 0;
  for (const text of texts.keys()) put((end += text.length));
  out.set(tokenBytes, at);
  out.set(textBytes, at + tokenBytes.length);
  return out;
}

/** Reads a {@link compileTokenizer} asset. */
export function readCompiledTokenizer(bytes: Uint8Array): CompiledTokenizer {
  const fail = (why: string): never => {
    throw new TokenizerFileError(`This compiled tokenizer asset is damaged or from another version: ${why}.`);
  };
  if (bytes.length < 12 || String.fromCharCode(...bytes.subarray(0, 8)) !== MAGIC) fail("wrong magic bytes");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(8, true);
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true, fatal: true });
  let header: Header;
  try {
    header = JSON.parse(decoder.decode(bytes.subarray(12, 12 + headerLength))) as Header;
  } catch {
    return fail("unreadable header");
  }
  const arraysStart = align4(12 + headerLength);
  const words = 2 * header.vocabCount + 3 * header.mergeCount + 2 * header.textCount;
  if (bytes.length !== arraysStart + words * 4 + header.tokenBytes + header.textBytes) fail("wrong length");
  // Typed arrays need an aligned offset; a fetched asset starts at 0, a slice of another buffer may not.
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const u32 = new Uint32Array(aligned.buffer, aligned.byteOffset + arraysStart, words);
  let at = 0;
  const take = (count: number): Uint32Array => u32.subarray(at, (at += count));
  const ids = take(header.vocabCount);
  const tokenEnds = take(header.vocabCount);
  const merges = take(3 * header.mergeCount).slice();
  const textIds = take(header.textCount);
  const textEnds = take(header.textCount);
  const stringsStart = arraysStart + words * 4;
  const tokenString = decoder.decode(aligned.subarray(stringsStart, stringsStart + header.tokenBytes));
  const textString = decoder.decode(
    aligned.subarray(stringsStart + header.tokenBytes, stringsStart + header.tokenBytes + header.textBytes),
  );
  const vocab = new Map<string, number>();
  let start = 0;
  for (let i = 0; i < header.vocabCount; i++) {
    vocab.set(tokenString.slice(start, tokenEnds[i]), ids[i]!);
    start = tokenEnds[i]!;
  }
  const bpeTables: BpeTables = { vocab, merges };
  if (header.textCount > 0) {
    const texts = new Map<string, number>();
    start = 0;
    for (let i = 0; i < header.textCount; i++) {
      texts.set(textString.slice(start, textEnds[i]), textIds[i]!);
      start = textEnds[i]!;
    }
    bpeTables.byteLevelByText = texts;
  }
  if (header.cutBefore)
    bpeTables.cutBefore = new Map(
      Object.entries(header.cutBefore).map(([char, list]) => [char, new Set(list)]),
    );
  return { json: header.json, bpeTables };
}

/**
 * The whole tokenizer.json of a tokenizer that was loaded compiled (vocabulary and merges rebuilt, merges as
 * pairs), for code that reads the file itself (merge-list lanes, the mixture solver); other files as they are.
 */
export function wholeTokenizerJson(file: { json: unknown; bpeTables?: BpeTables }): unknown {
  if (!file.bpeTables) return file.json;
  const json = file.json as Record<string, unknown>;
  const { vocab, merges } = file.bpeTables;
  const tokens: string[] = [];
  for (const [token, id] of vocab) tokens[id] = token;
  const pairs: [string, string][] = [];
  for (let at = 0; at < merges.length; at += 3) pairs.push([tokens[merges[at]!]!, tokens[merges[at + 1]!]!]);
  return { ...json, model: { ...(json.model as object), vocab: Object.fromEntries(vocab), merges: pairs } };
}

function align4(offset: number): number {
  return (offset + 3) & ~3;
}
