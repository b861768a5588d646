import { transfer } from "comlink";
import type { TokenExplanation } from "../../src/core/bpe/explain-token";
import { laneViewData, type LaneViewData } from "../../src/core/compare/lane-view-data";
import {
  laneUpdateKey,
  LaneUpdateSender,
  laneUpdateTransferables,
  type LaneUpdate,
} from "../../src/core/compare/lane-update";
import { CATALOG, type ProgressCallback } from "../../src/core/tokenizers/catalog";
import { IncrementalEncoder } from "../../src/core/tokenizers/incremental/incremental-encoder";
import type { SpliceResult } from "../../src/core/tokenizers/incremental/splice-encoding";
import {
  encodingTransferables,
  type EncodeOptions,
  type Tokenizer,
  type TokenizerInfo,
} from "../../src/core/tokenizers/types";
import { CancelledError, type Cancellations } from "../shared/cancellation";
import type { TokenizerRegistry } from "./tokenizer-registry";
import { encodeConversation } from "../../src/core/chat/chat-encoding";
import type { ChatMessage } from "../../src/core/chat/messages";

/** A conversation as one lane shows it: the rendered text's tokens and what each message costs. */
export interface ChatLaneData {
  view: LaneViewData;
  /** The text the template rendered (the lane draws its tokens over it). */
  text: string;
  messageTokens: number[];
  generationPromptTokens: number;
  /** Which template rendered it. */
  format: string;
  notes: string[];
}

/** Ids turned back into text, with each id's own token. */
export interface DecodedIdsView {
  text: string;
  tokens: { id: number; text: string }[];
  unknownIds: number[];
}

/** A lane without a chat format: shown as a note in chat mode, not as a failure to retry. */
class NoChatFormatError extends Error {
  override name = "NoChatFormatError";
}

/** One lane of a batch ({@link createLanesApi}'s `encodeUpdates`): what {@link encodeUpdate} takes, but the text. */
export interface LaneRequest {
  id: string;
  options: EncodeOptions;
  /** The version of this lane the page holds (the update comes as the changes from it), if any. */
  have: string | undefined;
  /** The id `cancel` drops this lane by. */
  requestId: number;
}

/** One lane's answer in a batch: its update, or the error it met (name and message, as comlink sends errors). */
export type LaneReply =
  { ok: true; update: LaneUpdate } | { ok: false; error: { name: string; message: string } };

/** At most this many ids are decoded at once (a pasted list of a megabyte's tokens is refused politely). */
export const MAX_DECODE_IDS = 200_000;

/** What the lane picker knows about a built-in tokenizer before loading it. */
export interface TokenizerListing {
  id: string;
  name: string;
  family: string;
  models: string[];
  source: string;
  approximateBytes: number;
}

/** The Compare view's calls: the catalogue, loading, encoding lanes, dropped files, token explanations. */
export function createLanesApi(registry: TokenizerRegistry, cancellations: Cancellations) {
  // Each tokenizer remembers its last text and encoding, so that an edit re-encodes a window around it.
  const incremental = new WeakMap<Tokenizer, IncrementalEncoder>();
  const incrementalEncoder = (tokenizer: Tokenizer): IncrementalEncoder => {
    let encoder = incremental.get(tokenizer);
    if (!encoder) incremental.set(tokenizer, (encoder = new IncrementalEncoder(tokenizer)));
    return encoder;
  };

  /** Which versions of each lane were sent, so that the next can be sent as changes. */
  const sent = new LaneUpdateSender();

  /**
   * A lane's display data: the text encoded (a window around an edit of the last one) and laid out, with what
   * the encoding kept of the last one.
   */
  const encodeForView = (
    tokenizer: Tokenizer,
    text: string,
    options: EncodeOptions,
  ): { view: LaneViewData; reused: SpliceResult["reused"] } => {
    const { encoding, reused } = incrementalEncoder(tokenizer).encode(text, options);
    const view = laneViewData(text, encoding, options.parseSpecials ? [] : tokenizer.info.specialTokens);
    return { view, reused };
  };
  /** {@link encodeForView} of a lane by id, its tokenizer loaded first, after a checkpoint for cancellation. */
  const laneView = async (
    id: string,
    text: string,
    options: EncodeOptions,
    requestId: number | undefined,
  ): Promise<{ view: LaneViewData; reused: SpliceResult["reused"] }> => {
    const tokenizer = await registry.get(id);
    await cancellations.checkpoint(requestId);
    return encodeForView(tokenizer, text, options);
  };

  return {
    /** Every built-in tokenizer. */
    listTokenizers(): TokenizerListing[] {
      return CATALOG.map(({ id, name, family, models, source, approximateBytes }) => ({
        id,
        name,
        family,
        models,
        source,
        approximateBytes,
      }));
    },

    /** Loads (once) and describes a tokenizer; `onProgress` receives download progress. */
    async loadTokenizer(id: string, onProgress?: ProgressCallback): Promise<TokenizerInfo> {
      return (await registry.get(id, onProgress)).info;
    },

    /**
     * Tokenizes text and prepares it for display. After an edit of the lane's previous text only a window around
     * the edit is encoded again (the result is the same). The encoding is posted as a copy (the worker keeps it
     * for the next edit); the display data is transferred. With a `requestId`, the request can be dropped by
     * `cancel` until it starts.
     */
    async encode(
      id: string,
      text: string,
      options: EncodeOptions = {},
      requestId?: number,
    ): Promise<LaneViewData> {
      const { view } = await laneView(id, text, options, requestId);
      return transfer(view, [view.blocks.buffer as ArrayBuffer]);
    },

    /**
     * {@link encode} for a page that holds version `have` of this lane: the lane comes back as the changes from
     * that version when the worker still has it (a keystroke's few tokens), else whole.
     */
    async encodeUpdate(
      id: string,
      text: string,
      options: EncodeOptions,
      have: string | undefined,
      requestId?: number,
    ): Promise<LaneUpdate> {
      const { view, reused } = await laneView(id, text, options, requestId);
      const update = sent.update(laneUpdateKey(id, options), have, view, reused);
      return transfer(update, laneUpdateTransferables(update));
    },

    /**
     * {@link encodeUpdate} for several lanes of one text, answered in one message: a keystroke's lanes of a
     * worker cost it one request, one yield for cancellations and one reply instead of one of each per lane. A
     * lane that fails (or was cancelled) answers with its error; the others are not held back by it.
     */
    async encodeUpdates(text: string, requests: LaneRequest[]): Promise<LaneReply[]> {
      await cancellations.checkpoint(undefined);
      const replies: LaneReply[] = [];
      for (const { id, options, have, requestId } of requests) {
        try {
          if (cancellations.take(requestId)) throw new CancelledError();
          const { view, reused } = encodeForView(await registry.get(id), text, options);
          replies.push({ ok: true, update: sent.update(laneUpdateKey(id, options), have, view, reused) });
        } catch (error) {
          const { name, message } = error instanceof Error ? error : new Error(String(error));
          replies.push({ ok: false, error: { name, message } });
        }
      }
      return transfer(
        replies,
        replies.flatMap((reply) => (reply.ok ? laneUpdateTransferables(reply.update) : [])),
      );
    },

    /**
     * Renders a conversation with the lane's chat format and tokenizes it (special tokens parsed). Rejects with
     * the reason when the lane has no chat format or its template refuses the conversation.
     */
    async encodeChat(
      id: string,
      messages: ChatMessage[],
      addGenerationPrompt: boolean,
      requestId?: number,
    ): Promise<ChatLaneData> {
      const [tokenizer, format] = await Promise.all([registry.get(id), registry.chatFormat(id)]);
      if (!format.ok) throw new NoChatFormatError(format.reason);
      await cancellations.checkpoint(requestId);
      const chat = encodeConversation(tokenizer, format.format, messages, { addGenerationPrompt });
      const view = laneViewData(chat.rendered.text, chat.encoding, []);
      const buffers = [...encodingTransferables(chat.encoding), view.blocks.buffer] as ArrayBuffer[];
      return transfer(
        {
          view,
          text: chat.rendered.text,
          messageTokens: chat.messageTokens,
          generationPromptTokens: chat.generationPromptTokens,
          format: format.format.description,
          notes: chat.rendered.notes,
        },
        buffers,
      );
    },

    /** Ids back to text with the lane's tokenizer; the first 5,000 ids also come back one by one. */
    async decodeIds(id: string, ids: number[]): Promise<DecodedIdsView> {
      if (ids.length > MAX_DECODE_IDS)
        throw new Error(
          `${ids.length.toLocaleString("en")} ids is more than the ${MAX_DECODE_IDS.toLocaleString("en")} decoded at once.`,
        );
      const tokenizer = await registry.get(id);
      if (!tokenizer.decode)
        throw new Error(
          `${tokenizer.info.name} cannot turn ids back into text (its ids are hashes of its pieces, or learned on one text).`,
        );
      const decoded = tokenizer.decode(ids);
      const unknown = new Set(decoded.unknownIds);
      const tokens = ids
        .slice(0, 5000)
        .filter((tokenId) => !unknown.has(tokenId))
        .map((tokenId) => ({ id: tokenId, text: tokenizer.tokenText(tokenId) }));
      return { text: decoded.text, tokens, unknownIds: decoded.unknownIds };
    },

    /** Where `hf:` lanes download from. */
    setHubEndpoint(endpoint: string): void {
      registry.setHubEndpoint(endpoint);
    },

    /** Makes a user's tokenizer.json / .tiktoken file a lane; the id is derived from the file's bytes. */
    addCustomTokenizer(fileName: string, bytes: Uint8Array): Promise<TokenizerInfo> {
      return registry.addFile(fileName, bytes);
    },

    /**
     * How a BPE lane's token came to be: its merge tree, and its chunk cut by the merge list and by least
     * tokens. Null for lanes without a readable merge list (tiktoken rank files, SentencePiece, baselines).
     */
    explainToken(
      laneId: string,
      tokenId: number,
      text: string,
      byteStart: number,
    ): Promise<TokenExplanation | null> {
      return registry.bpeLanes.explainToken(laneId, tokenId, text, byteStart);
    },
  };
}
