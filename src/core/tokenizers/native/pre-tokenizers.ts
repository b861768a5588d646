import { originOf, prependAligned, replaceRanges, type AlignedText } from "./aligned-text";
import { isNumeric, isPunctuation, WHITE_SPACE_TEST } from "./char-classes";
import {
  asNode,
  oneOf,
  optionalBoolean,
  optionalString,
  pattern,
  requiredArray,
  requiredString,
  TokenizerFileError,
  UnsupportedComponentError,
  type JsonNode,
} from "./json-fields";
import { forEachMatch, WHITE_SPACE } from "../tiktoken/patterns";
import { compileOnigPattern } from "./onig-regex";
import {
  codePointsWhere,
  regexMatches,
  SPLIT_BEHAVIORS,
  splitAligned,
  stringMatches,
  type SplitBehavior,
} from "./split";

/** A pre-tokenizer: cuts normalized text into the pieces the model sees. */
export interface PreTokenizer {
  split(pieces: AlignedText[]): AlignedText[];
  /**
   * The same cut without building pieces, where the pre-tokenizer only cuts (one regex Split, kept parts
   * unchanged): calls `visit` with each kept piece's UTF-16 range, in order. Absent otherwise.
   */
  forEachPiece?(text: string, visit: (start: number, end: number) => void): void;
  /** True when the model must see the pieces' UTF-8 bytes (GPT-2's byte-level alphabet), not characters. */
  byteLevel: boolean;
  /** True for a step that leaves the pieces as they are (ByteLevel without prefix space or regex). */
  onlyMarksBytes?: boolean;
}

type Cut = NonNullable<PreTokenizer["forEachPiece"]>;

/**
 * Steps that only cut, one after another without building pieces: each step cuts every piece of the one
 * before (as its own text, so that anchors and look-arounds see the piece, as in the Rust library). DeepSeek
 * V3's three Splits over 5 MB of digits made 1.7 million piece objects per step.
 */
function composeCuts(cuts: readonly Cut[]): Cut {
  if (cuts.length === 1) return cuts[0]!;
  const last = cuts.length - 1;
  return (text, visit) => {
    const descend = (level: number, piece: string, offset: number): void =>
      cuts[level]!(piece, (start, end) => {
        if (level === last) visit(offset + start, offset + end);
        else
          descend(
            level + 1,
            start === 0 && end === piece.length ? piece : piece.slice(start, end),
            offset + start,
          );
      });
    descend(0, text, 0);
  };
}

/** GPT-2's pre-tokenization regex, which ByteLevel uses when `use_regex` is on. */
export const GPT2_PATTERN = String.raw`'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+`;

type Matcher = (text: string) => Iterable<[number, number]>;

function splitter(
  matcher: Matcher,
  behavior: SplitBehavior,
  invert = false,
): (pieces: AlignedText[]) => AlignedText[] {
  return (pieces) => {
    const out: AlignedText[] = [];
    for (const piece of pieces) splitAligned(piece, matcher(piece.text), behavior, invert, out);
    return out;
  };
}

function regexMatcher(source: string): Matcher {
  const regexFor = compileOnigPattern(source);
  return (text) => regexMatches(text, regexFor(text));
}

const charMatcher =
  (test: (char: string) => boolean): Matcher =>
  (text) =>
    codePointsWhere(text, test);

const isWhiteSpace = (char: string): boolean => WHITE_SPACE_TEST.test(char);
/** Oniguruma's Unicode `\w+|[^\w\s]+`, the Whitespace pre-tokenizer's pattern. */
const WHITESPACE_WORDS = new RegExp(
  String.raw`[\p{L}\p{M}\p{Nd}\p{Pc}]+|[^\p{L}\p{M}\p{Nd}\p{Pc}` + WHITE_SPACE + "]+",
  "gu",
);

function behaviorOf(node: JsonNode, fallback: SplitBehavior): SplitBehavior {
  return oneOf(node, "behavior", SPLIT_BEHAVIORS, fallback);
}

function metaspace(node: JsonNode): PreTokenizer {
  const replacement = optionalString(node, "replacement") ?? "\u2581";
  if ([...replacement].length !== 1)
    throw new TokenizerFileError(`${node.path}.replacement must be one character.`);
  const legacy = node.value.add_prefix_space;
  const scheme = oneOf(
    node,
    "prepend_scheme",
    ["always", "first", "never"] as const,
    legacy === false ? "never" : "always",
  );
  const split = optionalBoolean(node, "split", true);
  return {
    byteLevel: false,
    split(pieces) {
      const out: AlignedText[] = [];
      for (const piece of pieces) {
        let text = replaceRanges(piece, stringMatches(piece.text, " "), replacement);
        const prepend =
          !text.text.startsWith(replacement) &&
          (scheme === "always" || (scheme === "first" && originOf(piece, 0) === 0));
        if (prepend) text = prependAligned(text, replacement);
        if (split) splitAligned(text, stringMatches(text.text, replacement), "MergedWithNext", false, out);
        else out.push(text);
      }
      return out;
    },
  };
}

function byteLevel(node: JsonNode): PreTokenizer {
  const addPrefixSpace = optionalBoolean(node, "add_prefix_space", true);
  const useRegex = optionalBoolean(node, "use_regex", true);
  const gpt2 = useRegex ? splitter(regexMatcher(GPT2_PATTERN), "Isolated") : null;
  return {
    byteLevel: true,
    onlyMarksBytes: !addPrefixSpace && !useRegex,
    split(pieces) {
      const spaced = addPrefixSpace
        ? pieces.map((piece) => (piece.text.startsWith(" ") ? piece : prependAligned(piece, " ")))
        : pieces;
      return gpt2 ? gpt2(spaced) : spaced;
    },
  };
}

/** Builds the pre-tokenizer of a tokenizer.json `pre_tokenizer` node (null: the whole text is one piece). */
export function buildPreTokenizer(value: unknown, path = "pre_tokenizer"): PreTokenizer | null {
  if (value === null || value === undefined) return null;
  const node = asNode(value, path);
  const type = requiredString(node, "type");
  const plain = (split: (pieces: AlignedText[]) => AlignedText[]): PreTokenizer => ({
    split,
    byteLevel: false,
  });
  switch (type) {
    case "Sequence": {
      const steps = requiredArray(node, "pretokenizers")
        .map((step, i) => buildPreTokenizer(step, `${path}.pretokenizers[${i}]`))
        .filter((step): step is PreTokenizer => step !== null);
      const cuts = steps.filter((step) => step.onlyMarksBytes !== true).map((step) => step.forEachPiece);
      return {
        byteLevel: steps.some((step) => step.byteLevel),
        split: (pieces) => steps.reduce((current, step) => step.split(current), pieces),
        forEachPiece:
          cuts.length > 0 && cuts.every((cut) => cut !== undefined) ? composeCuts(cuts) : undefined,
      };
    }
    case "Split": {
      const { kind, source } = pattern(node, "pattern");
      const invert = optionalBoolean(node, "invert", false);
      if (node.value.behavior === undefined)
        throw new TokenizerFileError(`${path}.behavior is missing (one of ${SPLIT_BEHAVIORS.join(", ")}).`);
      const behavior = behaviorOf(node, "Isolated");
      if (kind === "String") return plain(splitter((text) => stringMatches(text, source), behavior, invert));
      const regexFor = compileOnigPattern(source);
      const step = plain(splitter((text) => regexMatches(text, regexFor(text)), behavior, invert));
      // Kept parts are either every part (Isolated) or the matches only (Removed + invert): no merging.
      if ((behavior === "Isolated" && !invert) || (behavior === "Removed" && invert)) {
        const keepGaps = behavior === "Isolated";
        step.forEachPiece = (text, visit) => {
          let previous = 0;
          forEachMatch(text, regexFor(text), (start, end) => {
            if (keepGaps && start > previous) visit(previous, start);
            visit(start, end);
            previous = end;
          });
          if (keepGaps && previous < text.length) visit(previous, text.length);
        };
      }
      return step;
    }
    case "ByteLevel":
      return byteLevel(node);
    case "Metaspace":
      return metaspace(node);
    case "Whitespace":
      return plain(splitter((text) => regexMatches(text, WHITESPACE_WORDS), "Removed", true));
    case "WhitespaceSplit":
      return plain(splitter(charMatcher(isWhiteSpace), "Removed"));
    case "Digits": {
      const individual = optionalBoolean(node, "individual_digits", false);
      return plain(splitter(charMatcher(isNumeric), individual ? "Isolated" : "Contiguous"));
    }
    case "Punctuation":
      return plain(splitter(charMatcher(isPunctuation), behaviorOf(node, "Isolated")));
    case "BertPreTokenizer": {
      const onSpace = splitter(charMatcher(isWhiteSpace), "Removed");
      const onPunctuation = splitter(charMatcher(isPunctuation), "Isolated");
      return plain((pieces) => onPunctuation(onSpace(pieces)));
    }
    case "CharDelimiterSplit": {
      const delimiter = requiredString(node, "delimiter");
      return plain(splitter((text) => stringMatches(text, delimiter), "Removed"));
    }
    default:
      throw new UnsupportedComponentError(`the pre-tokenizer ${JSON.stringify(type)} (at ${path})`);
  }
}
