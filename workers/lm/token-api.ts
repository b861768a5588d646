import { transfer } from "comlink";
import { fromTokenizerJson } from "../../src/core/bpe/tokenizer-json";
import { characterBoundaries, scanBias, type BiasPoint } from "../../src/core/lm/byte-token/bias-scan";
import {
  advanceExactSampler,
  drawFromLogProbs,
  startExactSampler,
} from "../../src/core/lm/byte-token/byte-sampler";
import { bpeLemmaTokenizer } from "../../src/core/lm/byte-token/bpe-lemma-tokenizer";
import type { CoverSet } from "../../src/core/lm/byte-token/covers";
import { exactNextByte, healedNextByte, naiveNextByte } from "../../src/core/lm/byte-token/next-byte";
import { TokenContextModel, type TokenLanguageModel } from "../../src/core/lm/byte-token/token-lm";
import { seededRandom } from "../../src/core/bpe/random";
import type { TokenLmCard } from "../../src/core/lm/model-card";
import type { Cancellations } from "../shared/cancellation";
import type { LogitsSession } from "../../src/core/lm/session-byte-model";
import { tokenModelFromSession, tokenModelSpec } from "../../src/core/lm/session-token-model";
import { AsyncOnce } from "../../src/core/collections/async-memo";

/** Where the token LM's files come from (onnxruntime-web in the worker, files in tests). */
export interface TokenLmRuntime {
  loadTokenModel(onProgress?: (loaded: number, total: number | null) => void): Promise<{
    card: TokenLmCard;
    bytes: Uint8Array;
    tokenizerJson: unknown;
  }>;
  createTokenSession(
    bytes: Uint8Array,
  ): Promise<{ session: LogitsSession; tensor(ids: BigInt64Array, dims: [number, number]): unknown }>;
}

/** The loaded token LM, as the UI shows it. */
export interface TokenLmInfo {
  card: TokenLmCard;
  loadMs: number;
}

/** One cover encoding of the prompt: its tokens' bytes and its share of the covers' total probability. */
export interface CoverView {
  tokens: Uint8Array[];
  /** P(cover) / Σ P(covers). */
  share: number;
  /** Whether it ends exactly at the prompt's end (the boundary cover, encode(prompt)). */
  boundary: boolean;
}

/** The token LM's three next-byte distributions after a prompt (natural logs over bytes 0–255 and EOS). */
export interface TokenNextBytes {
  exact: Float64Array;
  naive: Float64Array;
  healing: Float64Array;
  /** The prompt's canonical encoding, as token bytes. */
  encoding: Uint8Array[];
  covers: CoverView[];
  coverCount: number;
  /** Milliseconds of the exact query. */
  exactMs: number;
}

/** One step of exact sampling. */
export interface SampleStep {
  byte: number;
  probability: number;
  coverCount: number;
  covers: CoverView[];
}

const SHOWN_COVERS = 16;
/** Cached LM rows (each 8 × 4,097 bytes): about 16 MB. */
const ROW_CACHE = 512;

function coverViews(model: TokenContextModel, covers: CoverSet): CoverView[] {
  const all = [
    { ...covers.boundary, boundary: true },
    ...covers.straddling.map((c) => ({ ...c, boundary: false })),
  ].filter((c) => c.logProb > -Infinity);
  const max = Math.max(...all.map((c) => c.logProb));
  const total = all.reduce((sum, c) => sum + Math.exp(c.logProb - max), 0);
  return all
    .map((c) => ({
      tokens: Array.from(c.ids, (id) => model.tokenizer.tokenBytes(id)),
      share: Math.exp(c.logProb - max) / total,
      boundary: c.boundary,
    }))
    .sort((a, b) => b.share - a.share)
    .slice(0, SHOWN_COVERS);
}

/**
 * One exact query on a short English prompt at load time: WebAssembly compiles its kernels on the first run
 * and the tokenizer builds its prefix index and mask tables on the first query (about 0.3 s together on two
 * cores), work that would otherwise land on the user's first click.
 */
export async function warmUp(model: TokenContextModel): Promise<void> {
  await exactNextByte(model, new TextEncoder().encode("The quick brown fox"));
  model.clear();
}

/** Exact, naive and healed next-byte distributions after `bytes`, timing the exact one. */
async function nextBytes(model: TokenContextModel, bytes: Uint8Array): Promise<TokenNextBytes> {
  const start = performance.now();
  const exact = await exactNextByte(model, bytes);
  const exactMs = performance.now() - start;
  const naive = await naiveNextByte(model, bytes);
  const healing = await healedNextByte(model, bytes);
  const result: TokenNextBytes = {
    exact: exact.logProbs,
    naive: naive.logProbs,
    healing: healing.logProbs,
    encoding: Array.from(naive.ids, (id) => model.tokenizer.tokenBytes(id)),
    covers: coverViews(model, exact.covers),
    coverCount: exact.covers.straddling.length + 1,
    exactMs,
  };
  return transfer(result, [result.exact.buffer, result.naive.buffer, result.healing.buffer] as ArrayBuffer[]);
}

/** A queue that runs the functions given to it one after another (each starts when the previous settles). */
function serialQueue(): <T>(run: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (run) => {
    const next = tail.then(run, run);
    tail = next.catch(() => undefined);
    return next;
  };
}

/** The token-LM half of the LM worker: the byte–token lemma on the trained token LM. */
export function createTokenLmApi(runtime: TokenLmRuntime, cancellations: Cancellations) {
  const loading = new AsyncOnce<{
    info: TokenLmInfo;
    model: TokenContextModel;
    fresh(): TokenContextModel;
  }>();
  // Caret queries share one model (its row cache) and run one at a time: a query reads rows right after
  // fetching them, and another query's cache eviction in between would lose them. Long jobs (the bias
  // scan, sampling) get a model of their own, so a caret query never waits for them.
  const exclusive = serialQueue();

  async function load(onProgress?: (loaded: number, total: number | null) => void) {
    const start = performance.now();
    const { card, bytes, tokenizerJson } = await runtime.loadTokenModel(onProgress);
    const bpe = fromTokenizerJson(tokenizerJson);
    const { session, tensor } = await runtime.createTokenSession(bytes);
    const sessionLm = tokenModelFromSession(session, tensor, tokenModelSpec(card, bpe.tokens.length));
    // One session run at a time, whichever job asks (a caret query may overlap a scan).
    const runs = serialQueue();
    const lm: TokenLanguageModel = {
      ...sessionLm,
      logProbs: (prefixes) => runs(() => sessionLm.logProbs(prefixes)),
    };
    const tokenizer = bpeLemmaTokenizer(bpe);
    const fresh = () => new TokenContextModel(lm, tokenizer, "local", ROW_CACHE);
    const model = fresh();
    await warmUp(model);
    return { info: { card, loadMs: performance.now() - start }, model, fresh };
  }

  const loaded = (onProgress?: (loaded: number, total: number | null) => void) =>
    loading.get(() => load(onProgress));

  return {
    /** Loads the token LM and its tokenizer (once). */
    async loadTokenLm(onProgress?: (loaded: number, total: number | null) => void): Promise<TokenLmInfo> {
      return (await loaded(onProgress)).info;
    },

    /** Exact, naive and healed next-byte distributions after `bytes`, with the exact method's covers. */
    async tokenNextBytes(bytes: Uint8Array): Promise<TokenNextBytes> {
      const { model } = await loaded();
      return exclusive(() => nextBytes(model, bytes));
    },

    /** Naive-vs-exact distance after every character of the first `limit` bytes; cancellable. */
    async biasScan(
      bytes: Uint8Array,
      limit: number,
      requestId: number,
      onProgress?: (done: number, total: number) => void,
    ): Promise<BiasPoint[]> {
      const model = (await loaded()).fresh();
      const positions = characterBoundaries(bytes, limit);
      // The checkpoint yields before each position, so a cancel can land, and throws once it has.
      return scanBias(model, bytes, positions, {
        pause: () => cancellations.checkpoint(requestId),
        onProgress,
      });
    },

    /**
     * Samples up to `count` bytes after the prompt, byte by byte with the exact method (seeded), reporting
     * each byte with the covers after it. Stops at end-of-text; cancellable.
     */
    async sampleExact(
      prompt: Uint8Array,
      count: number,
      seed: number,
      requestId: number,
      onStep: (step: SampleStep) => void,
    ): Promise<Uint8Array> {
      const model = (await loaded()).fresh();
      const random = seededRandom(seed);
      let state = await startExactSampler(model, prompt);
      const out: number[] = [];
      for (let i = 0; i < count; i++) {
        await cancellations.checkpoint(requestId);
        const byte = drawFromLogProbs(state.logProbs, random);
        const probability = Math.exp(state.logProbs[byte]!);
        state = await advanceExactSampler(model, state, byte);
        onStep({
          byte,
          probability,
          coverCount: state.covers.straddling.length + 1,
          covers: state.done ? [] : coverViews(model, state.covers),
        });
        if (state.done) break;
        out.push(byte);
      }
      return Uint8Array.from(out);
    },
  };
}
