import { utf8ByteLength } from "../../text/utf8";
import { inRanges } from "../tiktoken/pinned-unicode";
import { isChineseChar, isControl, WHITE_SPACE_TEST } from "./char-classes";
import {
  AlignedBuilder,
  mapCodePoints,
  prependAligned,
  replaceRanges,
  type AlignedText,
} from "./aligned-text";
import {
  asNode,
  optionalBoolean,
  pattern,
  requiredArray,
  requiredString,
  UnsupportedComponentError,
  type JsonNode,
} from "./json-fields";
import { compileOnigPattern } from "./onig-regex";
import { regexMatches, stringMatches } from "./split";
import { BERT_STRIP_ACCENTS_RANGES, STRIP_ACCENTS_RANGES } from "./normalization-drift";
import { normalizeAligned } from "./unicode-forms";

/** A normalizer step: text in, text out, alignment kept. */
export type Normalizer = (text: AlignedText) => AlignedText;

/**
 * Deletes the code points of a mark table. The tables are the Rust library's own (generated, see
 * normalization-drift.ts), not the engine's Unicode: StripAccents deletes every mark of its Unicode 9 tables
 * (Mn, Mc, Me: a Bengali vowel sign too), BertNormalizer only non-spacing ones.
 */
function deleteMarks(text: AlignedText, ranges: readonly number[]): AlignedText {
  return mapCodePoints(text, (char) => (inRanges(ranges, char.codePointAt(0)!) ? "" : char));
}

function lowercase(text: AlignedText): AlignedText {
  if (text.text.toLowerCase() === text.text) return text;
  return mapCodePoints(text, (char) => char.toLowerCase());
}

/** Removes leading and/or trailing White_Space. */
function strip(text: AlignedText, left: boolean, right: boolean): AlignedText {
  const chars = text.text;
  let start = 0;
  let end = chars.length;
  if (left) while (start < end && WHITE_SPACE_TEST.test(chars[start]!)) start++;
  if (right) while (end > start && WHITE_SPACE_TEST.test(chars[end - 1]!)) end--;
  if (start === 0 && end === chars.length) return text;
  const builder = new AlignedBuilder(text);
  const startByte = utf8ByteLength(chars, 0, start);
  const middle = utf8ByteLength(chars, start, end);
  builder.replace("", 0, startByte);
  builder.keep(start, end, startByte, middle);
  builder.replace("", startByte + middle, utf8ByteLength(chars));
  return builder.finish();
}

/** BERT's normalizer: clean control characters, space out CJK ideographs, strip accents, lowercase. */
function bert(node: JsonNode): Normalizer {
  const clean = optionalBoolean(node, "clean_text", true);
  const chinese = optionalBoolean(node, "handle_chinese_chars", true);
  const lower = optionalBoolean(node, "lowercase", true);
  const accentsValue = node.value.strip_accents;
  const accents = accentsValue === null || accentsValue === undefined ? lower : accentsValue === true;
  return (text) => {
    let out = text;
    if (clean)
      out = mapCodePoints(out, (char) =>
        char === "\0" || char === "\uFFFD" || isControl(char) ? "" : WHITE_SPACE_TEST.test(char) ? " " : char,
      );
    if (chinese) out = mapCodePoints(out, (char) => (isChineseChar(char) ? ` ${char} ` : char));
    if (accents) out = deleteMarks(normalizeAligned(out, "NFD"), BERT_STRIP_ACCENTS_RANGES);
    if (lower) out = lowercase(out);
    return out;
  };
}

/** Builds the normalizer of a tokenizer.json `normalizer` node (null: none). */
export function buildNormalizer(value: unknown, path = "normalizer"): Normalizer | null {
  if (value === null || value === undefined) return null;
  const node = asNode(value, path);
  const type = requiredString(node, "type");
  switch (type) {
    case "Sequence": {
      const steps = requiredArray(node, "normalizers")
        .map((step, i) => buildNormalizer(step, `${path}.normalizers[${i}]`))
        .filter((step): step is Normalizer => step !== null);
      if (steps.length === 0) return null;
      return (text) => steps.reduce((current, step) => step(current), text);
    }
    case "NFC":
    case "NFD":
    case "NFKC":
    case "NFKD":
      return (text) => normalizeAligned(text, type);
    case "Lowercase":
      return lowercase;
    case "StripAccents":
      return (text) => deleteMarks(text, STRIP_ACCENTS_RANGES);
    case "Strip": {
      const left = optionalBoolean(node, "strip_left", true);
      const right = optionalBoolean(node, "strip_right", true);
      return (text) => strip(text, left, right);
    }
    case "Replace": {
      const { kind, source } = pattern(node, "pattern");
      const content = requiredString(node, "content");
      if (kind === "String") return (text) => replaceRanges(text, stringMatches(text.text, source), content);
      const regexFor = compileOnigPattern(source);
      return (text) => replaceRanges(text, regexMatches(text.text, regexFor(text.text)), content);
    }
    case "Prepend": {
      const prefix = requiredString(node, "prepend");
      return (text) => (text.text.length === 0 ? text : prependAligned(text, prefix));
    }
    case "BertNormalizer":
      return bert(node);
    case "Precompiled": {
      const map = node.value.precompiled_charsmap;
      if (map === null || map === undefined || map === "") return null;
      throw new UnsupportedComponentError("the Precompiled normalizer (a SentencePiece character map)");
    }
    default:
      throw new UnsupportedComponentError(`the normalizer ${JSON.stringify(type)} (at ${path})`);
  }
}
