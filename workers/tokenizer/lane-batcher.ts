import { CancelledError, throwIfCancelled } from "../../src/core/jobs/cancellation";
import type { LaneUpdate } from "../../src/core/compare/lane-update";
import type { EncodeOptions } from "../../src/core/tokenizers/types";
import type { LaneReply, LaneRequest } from "./lanes-api";

/** What a batch needs from its worker. */
export interface LaneBatchTarget {
  /** One message with every lane of a text; one reply, a {@link LaneReply} per lane in the same order. */
  send(text: string, requests: LaneRequest[]): Promise<LaneReply[]>;
  /** Asks the worker to drop one lane of a batch it was sent. */
  cancel(requestId: number): void;
  newRequestId(): number;
}

interface Waiting {
  request: LaneRequest;
  signal: AbortSignal | undefined;
  resolve(update: LaneUpdate): void;
  reject(error: unknown): void;
  sent: boolean;
  settled: boolean;
  onAbort(): void;
}

/** The error a lane's reply names, with the name kept (a cancelled lane becomes a {@link CancelledError}). */
function errorOf({ name, message }: { name: string; message: string }): Error {
  if (name === "CancelledError") return new CancelledError();
  return Object.assign(new Error(message), { name });
}

/**
 * Gathers the lane requests one worker gets for one text within a task (a keystroke asks every lane at once) and
 * sends them as one batch once that task's code has run (in a microtask): the worker gets one message with the
 * text, yields once for cancellations and answers once, instead of once per lane, and the page handles one
 * reply. Each lane keeps its own promise, error and cancellation (an abort before the batch leaves drops the lane
 * from it; after, the worker is asked to skip it).
 */
export class LaneBatcher {
  private pending: { text: string; waiting: Waiting[] }[] = [];

  constructor(private readonly target: LaneBatchTarget) {}

  /** The lane's update for `text` from version `have`, sent with the other lanes of the same text. */
  request(
    text: string,
    id: string,
    options: EncodeOptions,
    have: string | undefined,
    signal?: AbortSignal,
  ): Promise<LaneUpdate> {
    throwIfCancelled(signal);
    return new Promise<LaneUpdate>((resolve, reject) => {
      const waiting: Waiting = {
        request: { id, options, have, requestId: this.target.newRequestId() },
        signal,
        resolve,
        reject,
        sent: false,
        settled: false,
        onAbort: () => {
          if (waiting.sent) this.target.cancel(waiting.request.requestId);
          this.settle(waiting, () => reject(new CancelledError()));
        },
      };
      signal?.addEventListener("abort", waiting.onAbort, { once: true });
      let batch = this.pending.find((entry) => entry.text === text);
      if (!batch) {
        if (this.pending.length === 0) queueMicrotask(() => this.flush());
        this.pending.push((batch = { text, waiting: [] }));
      }
      batch.waiting.push(waiting);
    });
  }

  private settle(waiting: Waiting, action: () => void): void {
    if (waiting.settled) return;
    waiting.settled = true;
    waiting.signal?.removeEventListener("abort", waiting.onAbort);
    action();
  }

  private flush(): void {
    const batches = this.pending;
    this.pending = [];
    for (const { text, waiting } of batches) {
      const live = waiting.filter((entry) => !entry.settled);
      if (live.length === 0) continue;
      for (const entry of live) entry.sent = true;
      this.target
        .send(
          text,
          live.map((entry) => entry.request),
        )
        .then(
          (replies) =>
            live.forEach((entry, i) => {
              const reply = replies[i];
              this.settle(entry, () => {
                if (reply?.ok) entry.resolve(reply.update);
                else
                  entry.reject(
                    reply ? errorOf(reply.error) : new Error("The worker sent no reply for this lane."),
                  );
              });
            }),
          (error: unknown) => live.forEach((entry) => this.settle(entry, () => entry.reject(error))),
        );
    }
  }
}
