import { callback, newRequestId, WorkerConnection } from "../shared/worker-connection";
import { LaneBatcher } from "./lane-batcher";
import type { ProgressCallback } from "../../src/core/tokenizers/catalog";
import type { EncodeOptions, TokenizerInfo } from "../../src/core/tokenizers/types";
import type { LaneViewData } from "../../src/core/compare/lane-view-data";
import type { TextAnalysis } from "../../src/core/metrics/text-analysis";
import type { TokenExplanation } from "../../src/core/bpe/explain-token";
import type { CountingProbe } from "../../src/core/probes/counting";
import type { NumbersProbeResult, TokenizerApi, TokenizerListing, UdhrIndex } from "./api";
import type { ChatMessage } from "../../src/core/chat/messages";
import type { ChatLaneData, DecodedIdsView } from "./lanes-api";
import { DEFAULT_HUB_ENDPOINT } from "../../src/core/hub/hub-repo";
import { LaneUpdateReceiver, laneUpdateKey, type LaneUpdate } from "../../src/core/compare/lane-update";

/**
 * How many tokenizer workers run side by side (lanes spread over them): one per core, 2 to 4. Measured on
 * 2 cores (`npm run bench:ui`, 1 MB paste, 4 lanes, three runs): 2 workers paint the first lane sooner
 * (230–345 ms against 408–536 ms with 1 worker); the time until every lane is ready varies run to run
 * (1.9–2.5 s either way); no main-thread task exceeds 50 ms with either.
 */
const POOL_SIZE = poolSize();

/** `?workers=N` in the page URL overrides the pool size (benchmarks compare sizes in one run). */
function poolSize(): number {
  const override = Number(new URLSearchParams(globalThis.location?.search ?? "").get("workers"));
  if (Number.isInteger(override) && override >= 1 && override <= 8) return override;
  return Math.max(2, Math.min(4, globalThis.navigator?.hardwareConcurrency ?? 2));
}

/**
 * Texts up to this many UTF-16 units (those typed without a pause) are encoded in one batch per worker: all
 * the worker's lanes of a keystroke in one request and one reply. A longer text's lanes are asked one by one, so
 * that the first lane done is drawn first, without waiting for the others of its worker.
 */
const BATCHED_UP_TO = 20_000;

/** How many bytes of tokenizer files weigh as much as one lane when lanes are spread over the workers. */
const BYTES_PER_LANE = 10_000_000;

/** What a tokenizer adds to its worker's load: a lane, and its files. */
const loadOf = (bytes: number) => 1 + bytes / BYTES_PER_LANE;

/** An atlas column waiting for a worker. */
interface AtlasJob {
  id: string;
  /** The tokenizer's files (bytes), for the load of the worker that takes it. */
  bytes: number;
  signal: AbortSignal | undefined;
  onProgress: (done: number, total: number) => void;
  resolve(counts: Uint32Array): void;
  reject(error: unknown): void;
}

/** Main-thread access to the tokenizer workers: lanes are spread over a small pool, one tokenizer per worker. */
class TokenizerClient {
  private readonly slots: WorkerConnection<TokenizerApi>[];
  /** Per worker, the lane requests of the current task, sent as one batch (see {@link BATCHED_UP_TO}). */
  private readonly batchers: LaneBatcher[];
  private readonly slotOf = new Map<string, number>();
  private readonly load = new Array<number>(POOL_SIZE).fill(0);
  private readonly customFiles = new Map<string, { fileName: string; bytes: Uint8Array }>();
  /**
   * Atlas columns waiting for a worker. A worker counts one column at a time (columns finish one by one rather
   * than all at the end) and takes the next waiting one when it is free, so the pool stays busy to the end
   * whatever each column costs; a tokenizer that already has a worker waits for that one.
   */
  private readonly atlasWaiting: AtlasJob[] = [];
  private readonly atlasBusy = new Set<number>();
  /**
   * Per counting worker, the column it takes next, whose tokenizer it loads while it counts: downloading a
   * tokenizer's files took 0.5–0.9 s during which the worker sat idle, once per column.
   */
  private readonly atlasNext = new Map<number, string>();
  private hubEndpoint = DEFAULT_HUB_ENDPOINT;
  /** The last versions of each lane received from the workers, which the next updates patch. */
  private readonly laneVersions = new LaneUpdateReceiver();

  constructor() {
    this.slots = Array.from({ length: POOL_SIZE }, (_, index) => {
      const slot = new WorkerConnection<TokenizerApi>(
        () =>
          new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: `tokenizer-${index}` }),
        "tokenizer",
      );
      // A restarted worker gets back the dropped files whose lanes it serves.
      slot.onRestart = async (remote) => {
        await remote.setHubEndpoint(this.hubEndpoint);
        for (const [id, file] of this.customFiles)
          if (this.slotOf.get(id) === index) await remote.addCustomTokenizer(file.fileName, file.bytes);
      };
      return slot;
    });
    this.batchers = this.slots.map(
      (slot) =>
        new LaneBatcher({
          send: (text, requests) => slot.call((r) => r.encodeUpdates(text, requests)),
          cancel: (requestId) => slot.cancelRequest(requestId),
          newRequestId,
        }),
    );
  }

  /** The worker that owns a tokenizer (see {@link slotIndex}). */
  private slotFor(id: string, bytes = 0): WorkerConnection<TokenizerApi> {
    return this.slots[this.slotIndex(id, bytes)]!;
  }

  /**
   * The index of the worker that owns a tokenizer: the least loaded one, chosen the first time it is used. A
   * worker's load counts its lanes (every keystroke asks each of them for an update) and its files (`bytes`,
   * which it downloads and keeps): a lane weighs as much as {@link BYTES_PER_LANE} of files. By files alone, the
   * 8 lanes of bench:ui went 3 to one worker and 5 to the other, which also profiles the text.
   */
  private slotIndex(id: string, bytes = 0): number {
    let index = this.slotOf.get(id);
    if (index === undefined) {
      index = this.load.indexOf(Math.min(...this.load));
      this.load[index]! += loadOf(bytes);
      this.slotOf.set(id, index);
    }
    return index;
  }

  listTokenizers(): Promise<TokenizerListing[]> {
    return this.slots[0]!.call((r) => r.listTokenizers());
  }

  loadTokenizer(id: string, bytes: number, onProgress?: ProgressCallback): Promise<TokenizerInfo> {
    return this.slotFor(id, bytes).call((r) => r.loadTokenizer(id, callback(onProgress)));
  }

  /**
   * A lane's display data for a text. The worker sends the changes from the last version this page received
   * (a keystroke's few tokens), which are applied here; a lane it no longer has the base of is asked for whole.
   */
  async encode(
    id: string,
    text: string,
    options: EncodeOptions,
    signal?: AbortSignal,
  ): Promise<LaneViewData> {
    const lane = laneUpdateKey(id, options);
    const request = (have: string | undefined) =>
      this.slotFor(id).cancellable<LaneUpdate>(signal, (r, requestId) =>
        r.encodeUpdate(id, text, options, have, requestId),
      );
    const first =
      text.length <= BATCHED_UP_TO
        ? this.batchers[this.slotIndex(id)]!.request(text, id, options, this.laneVersions.have(lane), signal)
        : request(this.laneVersions.have(lane));
    return (
      this.laneVersions.receive(lane, await first) ??
      this.laneVersions.receive(lane, await request(undefined))!
    );
  }

  /** A conversation rendered with the lane's chat format and tokenized. */
  encodeChat(
    id: string,
    messages: ChatMessage[],
    addGenerationPrompt: boolean,
    signal?: AbortSignal,
  ): Promise<ChatLaneData> {
    return this.slotFor(id).cancellable(signal, (r, requestId) =>
      r.encodeChat(id, messages, addGenerationPrompt, requestId),
    );
  }

  /** Ids back to text with a tokenizer (loaded in its worker if need be). */
  decodeIds(id: string, ids: number[]): Promise<DecodedIdsView> {
    return this.slotFor(id).call((r) => r.decodeIds(id, ids));
  }

  /** Where every worker downloads `hf:` tokenizers from. */
  async setHubEndpoint(endpoint: string): Promise<void> {
    if (endpoint === this.hubEndpoint) return;
    this.hubEndpoint = endpoint;
    await Promise.all(this.slots.map((slot) => slot.call((r) => r.setHubEndpoint(endpoint))));
  }

  analyzeText(text: string, signal?: AbortSignal): Promise<TextAnalysis> {
    return this.profiler().cancellable(signal, (r, requestId) => r.analyzeText(text, requestId));
  }

  /** The worker that profiles texts and serves the atlas corpus (the last one). */
  private profiler(): WorkerConnection<TokenizerApi> {
    return this.slots[this.slots.length - 1]!;
  }

  /** The atlas corpus's languages (loaded by the last worker, which also profiles texts). */
  udhrIndex(): Promise<UdhrIndex> {
    return this.profiler().call((r) => r.udhrIndex());
  }

  udhrText(lang: string): Promise<string> {
    return this.profiler().call((r) => r.udhrText(lang));
  }

  /** Token counts of every atlas declaration under one tokenizer, counted by the next free worker. */
  atlasCounts(
    id: string,
    bytes: number,
    signal: AbortSignal | undefined,
    onProgress: (done: number, total: number) => void,
  ): Promise<Uint32Array> {
    return new Promise((resolve, reject) => {
      const job: AtlasJob = { id, bytes, signal, onProgress, resolve, reject };
      this.atlasWaiting.push(job);
      signal?.addEventListener(
        "abort",
        () => {
          const at = this.atlasWaiting.indexOf(job);
          if (at < 0) return; // already running: the worker call is cancelled by its own signal
          this.atlasWaiting.splice(at, 1);
          reject(signal.reason ?? new DOMException("The atlas column was cancelled.", "AbortError"));
        },
        { once: true },
      );
      this.startAtlasJobs();
    });
  }

  /** Hands waiting atlas columns to free workers, in the order they were asked for. */
  private startAtlasJobs(): void {
    for (let k = 0; k < this.atlasWaiting.length;) {
      const job = this.atlasWaiting[k]!;
      const owner = this.slotOf.get(job.id);
      const index = owner === undefined ? this.freeAtlasSlot() : this.atlasBusy.has(owner) ? -1 : owner;
      if (index < 0) {
        k++;
        continue;
      }
      this.atlasWaiting.splice(k, 1);
      if (owner === undefined) {
        // The tokenizer now lives in this worker: its lane, if one is added later, is served from here too.
        this.slotOf.set(job.id, index);
        this.load[index]! += loadOf(job.bytes);
      }
      this.atlasBusy.add(index);
      this.slots[index]!.cancellable(job.signal, (r, requestId) =>
        r.atlasCounts(job.id, requestId, callback(job.onProgress)),
      )
        .then(job.resolve, job.reject)
        .finally(() => {
          this.atlasBusy.delete(index);
          this.atlasNext.delete(index);
          this.startAtlasJobs();
        });
    }
    this.reserveNextAtlasJobs();
  }

  /** Gives each counting worker without one the first waiting column that no worker owns, and loads it there. */
  private reserveNextAtlasJobs(): void {
    for (const index of this.atlasBusy) {
      if (this.atlasNext.has(index)) continue;
      const job = this.atlasWaiting.find((waiting) => !this.slotOf.has(waiting.id));
      if (!job) return;
      this.slotOf.set(job.id, index);
      this.load[index]! += loadOf(job.bytes);
      this.atlasNext.set(index, job.id);
      // A failure shows when the column is counted (the load is tried again there).
      this.slots[index]!.call((r) => r.loadTokenizer(job.id)).catch(() => undefined);
    }
  }

  /** The least loaded worker that is not counting an atlas column, or -1. */
  private freeAtlasSlot(): number {
    let best = -1;
    for (let index = 0; index < this.slots.length; index++)
      if (!this.atlasBusy.has(index) && (best < 0 || this.load[index]! < this.load[best]!)) best = index;
    return best;
  }

  /** A BPE lane's token explained (merge tree, merge-list vs. least-tokens cut of its chunk), or null. */
  explainToken(
    laneId: string,
    tokenId: number,
    text: string,
    byteStart: number,
  ): Promise<TokenExplanation | null> {
    return this.slotFor(laneId).call((r) => r.explainToken(laneId, tokenId, text, byteStart));
  }

  /** The numbers probe of a lane's tokenizer (in the worker that owns it). */
  probeNumbers(id: string, text: string): Promise<NumbersProbeResult> {
    return this.slotFor(id).call((r) => r.probeNumbers(id, text));
  }

  /** The counting probe of a lane's tokenizer. */
  probeCount(id: string, word: string, letter: string): Promise<CountingProbe> {
    return this.slotFor(id).call((r) => r.probeCount(id, word, letter));
  }

  /** Registers a dropped tokenizer file; the bytes are copied, so the caller keeps its buffer. */
  async addCustomTokenizer(fileName: string, bytes: Uint8Array): Promise<TokenizerInfo> {
    const slot = this.slots[this.load.indexOf(Math.min(...this.load))]!;
    const info = await slot.call((r) => r.addCustomTokenizer(fileName, bytes));
    this.customFiles.set(info.id, { fileName, bytes });
    this.slotOf.set(info.id, this.slots.indexOf(slot));
    return info;
  }

  /** Test hook: crash the worker that owns a tokenizer. */
  crashWorkerOf(id: string): void {
    void this.slotFor(id)
      .call((r) => r.crashForTesting())
      .catch(() => undefined);
  }
}

let client: TokenizerClient | undefined;

/** The tokenizer workers, started on first use. */
export function tokenizerClient(): TokenizerClient {
  client ??= new TokenizerClient();
  return client;
}
