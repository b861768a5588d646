import { proxy, wrap, type Remote } from "comlink";
import type { ProgressCallback } from "../../src/core/tokenizers/catalog";
import type { EncodeOptions, TokenizerInfo } from "../../src/core/tokenizers/types";
import type { LaneViewData } from "../../src/core/compare/lane-view-data";
import type { TextAnalysis } from "../../src/core/metrics/text-analysis";
import type { TokenExplanation } from "../../src/core/bpe/explain-token";
import type { TokenizerApi, TokenizerListing, UdhrIndex } from "./api";

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

/** A worker died (uncaught error, out of memory) while a call was pending. */
export class WorkerCrashedError extends Error {
  constructor(message: string) {
    super(`The tokenizer worker stopped: ${message}`);
    this.name = "WorkerCrashedError";
  }
}

/** One worker, restarted when it dies; a call that meets a death is retried once on the new worker. */
class WorkerSlot {
  private worker!: Worker;
  private remote!: Remote<TokenizerApi>;
  private death!: Promise<never>;
  /** Called after a restart, before retrying, so lost state (dropped files) can be restored. */
  onRestart: (slot: WorkerSlot) => Promise<void> = async () => {};

  constructor(private readonly index: number) {
    this.start();
  }

  private start(): void {
    const worker = new Worker(new URL("./worker.ts", import.meta.url), {
      type: "module",
      name: `tokenizer-${this.index}`,
    });
    this.worker = worker;
    this.remote = wrap<TokenizerApi>(worker);
    this.death = new Promise<never>((_, reject) => {
      worker.addEventListener("error", (event) =>
        reject(new WorkerCrashedError(event.message || "unknown error")),
      );
    });
    this.death.catch(() => undefined);
  }

  async call<T>(action: (remote: Remote<TokenizerApi>) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const death = this.death;
      try {
        return await Promise.race([action(this.remote), death]);
      } catch (error) {
        if (!(error instanceof WorkerCrashedError) || attempt > 0) throw error;
        if (this.death === death) this.restart();
        await this.onRestart(this);
      }
    }
  }

  private restart(): void {
    this.worker.terminate();
    this.start();
  }
}

let nextRequestId = 1;

/** Main-thread access to the tokenizer workers: lanes are spread over a small pool, one tokenizer per worker. */
class TokenizerClient {
  private readonly slots: WorkerSlot[];
  private readonly slotOf = new Map<string, number>();
  private readonly load = new Array<number>(POOL_SIZE).fill(0);
  private readonly customFiles = new Map<string, { fileName: string; bytes: Uint8Array }>();
  /** Atlas jobs run one at a time per worker, so columns finish one by one rather than all at the end. */
  private readonly atlasQueues = new Map<WorkerSlot, Promise<unknown>>();

  constructor() {
    this.slots = Array.from({ length: POOL_SIZE }, (_, index) => new WorkerSlot(index));
    for (const slot of this.slots) {
      slot.onRestart = async (restarted) => {
        for (const [id, file] of this.customFiles) {
          if (this.slots[this.slotOf.get(id) ?? -1] === restarted)
            await restarted.call((r) => r.addCustomTokenizer(file.fileName, file.bytes));
        }
      };
    }
  }

  /** The worker that owns a tokenizer: the least loaded one, chosen the first time the tokenizer is used. */
  private slotFor(id: string, weight = 1): WorkerSlot {
    let index = this.slotOf.get(id);
    if (index === undefined) {
      index = this.load.indexOf(Math.min(...this.load));
      this.load[index]! += weight;
      this.slotOf.set(id, index);
    }
    return this.slots[index]!;
  }

  listTokenizers(): Promise<TokenizerListing[]> {
    return this.slots[0]!.call((r) => r.listTokenizers());
  }

  loadTokenizer(id: string, weight: number, onProgress?: ProgressCallback): Promise<TokenizerInfo> {
    return this.slotFor(id, weight).call((r) =>
      r.loadTokenizer(id, onProgress ? proxy(onProgress) : undefined),
    );
  }

  async encode(
    id: string,
    text: string,
    options: EncodeOptions,
    signal?: AbortSignal,
  ): Promise<LaneViewData> {
    const requestId = nextRequestId++;
    const slot = this.slotFor(id);
    const onAbort = () => void slot.call((r) => r.cancel(requestId));
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      return await slot.call((r) => r.encode(id, text, options, requestId));
    } finally {
      signal?.removeEventListener("abort", onAbort);
    }
  }

  async analyzeText(text: string, signal?: AbortSignal): Promise<TextAnalysis> {
    const requestId = nextRequestId++;
    const slot = this.slots[this.slots.length - 1]!;
    signal?.addEventListener("abort", () => void slot.call((r) => r.cancel(requestId)), { once: true });
    return slot.call((r) => r.analyzeText(text, requestId));
  }

  /** The atlas corpus's languages (loaded by the last worker, which also profiles texts). */
  udhrIndex(): Promise<UdhrIndex> {
    return this.slots[this.slots.length - 1]!.call((r) => r.udhrIndex());
  }

  udhrText(lang: string): Promise<string> {
    return this.slots[this.slots.length - 1]!.call((r) => r.udhrText(lang));
  }

  /** Token counts of every atlas declaration under one tokenizer, queued behind the worker's other atlas jobs. */
  atlasCounts(
    id: string,
    weight: number,
    signal: AbortSignal | undefined,
    onProgress: (done: number, total: number) => void,
  ): Promise<Uint32Array> {
    const slot = this.slotFor(id, weight);
    const run = (this.atlasQueues.get(slot) ?? Promise.resolve()).then(async () => {
      signal?.throwIfAborted();
      const requestId = nextRequestId++;
      const onAbort = () => void slot.call((r) => r.cancel(requestId));
      signal?.addEventListener("abort", onAbort, { once: true });
      try {
        return await slot.call((r) => r.atlasCounts(id, requestId, proxy(onProgress)));
      } finally {
        signal?.removeEventListener("abort", onAbort);
      }
    });
    this.atlasQueues.set(
      slot,
      run.catch(() => undefined),
    );
    return run;
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
