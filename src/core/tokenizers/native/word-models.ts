import { utf8ByteLength } from "../../text/utf8";
import { optionalNumber, optionalString, TokenizerFileError, type JsonNode } from "./json-fields";
import { tokensById, vocabMap, type TokenizerModel, type TokenSink } from "./model";

/** Shared vocabulary handling of the word-level models. */
abstract class VocabularyModel {
  readonly vocabSize: number;
  readonly byteFallback = false;
  readonly endOfWordSuffix = null;
  protected readonly vocab: Map<string, number>;
  private readonly tokens: string[];
  readonly unkId: number;

  constructor(node: JsonNode, defaultUnk: string) {
    this.vocab = vocabMap(node.value.vocab, `${node.path}.vocab`);
    const { tokens, size } = tokensById(this.vocab);
    this.tokens = tokens;
    this.vocabSize = size;
    const unk = optionalString(node, "unk_token") ?? defaultUnk;
    const unkId = this.vocab.get(unk);
    if (unkId === undefined)
      throw new TokenizerFileError(
        `${node.path}.unk_token ${JSON.stringify(unk)} is not in the vocabulary${size === 0 ? " (the vocabulary is empty)" : ""}.`,
      );
    this.unkId = unkId;
  }

  idToToken(id: number): string | undefined {
    return this.tokens[id];
  }

  tokenToId(token: string): number | undefined {
    return this.vocab.get(token);
  }

  clearCache(): void {}
}

/** WordLevel: each piece is one token, or the unknown token. */
export class WordLevelModel extends VocabularyModel implements TokenizerModel {
  readonly type = "WordLevel";
  readonly continuingSubwordPrefix = null;

  constructor(node: JsonNode) {
    super(node, "<unk>");
  }

  tokenize(piece: string, _byteLevel: boolean, sink: TokenSink): void {
    sink.ids.push(this.vocab.get(piece) ?? this.unkId);
    sink.lengths.push(utf8ByteLength(piece));
  }
}

/** WordPiece: greedy longest match first, later pieces with the continuing-subword prefix; a word that cannot be covered is one unknown token. */
export class WordPieceModel extends VocabularyModel implements TokenizerModel {
  readonly type = "WordPiece";
  readonly continuingSubwordPrefix: string;
  private readonly maxChars: number;

  constructor(node: JsonNode) {
    super(node, "[UNK]");
    this.continuingSubwordPrefix = optionalString(node, "continuing_subword_prefix") ?? "##";
    this.maxChars = optionalNumber(node, "max_input_chars_per_word") ?? 100;
  }

  tokenize(piece: string, _byteLevel: boolean, sink: TokenSink): void {
    const chars = [...piece];
    const bytes = utf8ByteLength(piece);
    if (chars.length > this.maxChars) {
      sink.ids.push(this.unkId);
      sink.lengths.push(bytes);
      return;
    }
    const ids: number[] = [];
    const lengths: number[] = [];
    let start = 0;
    while (start < chars.length) {
      let end = chars.length;
      let found = -1;
      while (start < end) {
        const sub = chars.slice(start, end).join("");
        const id = this.vocab.get(start > 0 ? this.continuingSubwordPrefix + sub : sub);
        if (id !== undefined) {
          found = id;
          lengths.push(utf8ByteLength(sub));
          break;
        }
        end--;
      }
      if (found < 0) {
        sink.ids.push(this.unkId);
        sink.lengths.push(bytes);
        return;
      }
      ids.push(found);
      start = end;
    }
    for (let i = 0; i < ids.length; i++) {
      sink.ids.push(ids[i]!);
      sink.lengths.push(lengths[i]!);
    }
  }
}
