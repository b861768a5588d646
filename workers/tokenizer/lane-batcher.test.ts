import { describe, expect, it } from "vitest";
import type { LaneUpdate } from "../../src/core/compare/lane-update";
import { isCancelled } from "../../src/core/jobs/cancellation";
import { LaneBatcher, type LaneBatchTarget } from "./lane-batcher";
import type { LaneReply, LaneRequest } from "./lanes-api";

/** A worker stand-in that records what it was sent and answers each lane with its id (or the error it names). */
function recordingTarget(answer: (text: string, request: LaneRequest) => LaneReply) {
  const batches: { text: string; requests: LaneRequest[] }[] = [];
  const cancelled: number[] = [];
  let next = 1;
  const release: (() => void)[] = [];
  const target: LaneBatchTarget = {
    send: (text, requests) => {
      batches.push({ text, requests });
      return new Promise((resolve) =>
        release.push(() => resolve(requests.map((request) => answer(text, request)))),
      );
    },
    cancel: (requestId) => cancelled.push(requestId),
    newRequestId: () => next++,
  };
  /** Answers every batch sent so far. */
  const answerAll = async () => {
    while (release.length > 0) release.shift()!();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { target, batches, cancelled, answerAll };
}

const updateFor = (text: string, request: LaneRequest): LaneReply => ({
  ok: true,
  update: { kind: "whole", version: `${request.id}:${text}` } as unknown as LaneUpdate,
});

describe("LaneBatcher", () => {
  it("sends the lanes asked for in one task as one batch per text, and gives each lane its own answer", async () => {
    const { target, batches, answerAll } = recordingTarget(updateFor);
    const batcher = new LaneBatcher(target);
    const a = batcher.request("one", "a", {}, undefined);
    const b = batcher.request("one", "b", { parseSpecials: true }, "b:v1");
    const c = batcher.request("two", "c", {}, undefined);
    expect(batches).toHaveLength(0); // nothing leaves before the task's code has run
    await Promise.resolve();
    expect(batches.map((batch) => [batch.text, batch.requests.map((r) => [r.id, r.have])])).toEqual([
      [
        "one",
        [
          ["a", undefined],
          ["b", "b:v1"],
        ],
      ],
      ["two", [["c", undefined]]],
    ]);
    expect(batches[0]!.requests[1]!.options).toEqual({ parseSpecials: true });
    const d = batcher.request("one", "d", {}, undefined); // a later task: a batch of its own
    await Promise.resolve();
    expect(batches).toHaveLength(3);
    await answerAll();
    expect((await a).version).toBe("a:one");
    expect((await b).version).toBe("b:one");
    expect((await c).version).toBe("c:two");
    expect((await d).version).toBe("d:one");
  });

  it("rejects only the lane whose reply is an error, with the error's name and message", async () => {
    const { target, answerAll } = recordingTarget((text, request) =>
      request.id === "bad"
        ? { ok: false, error: { name: "TypeError", message: "no such lane" } }
        : updateFor(text, request),
    );
    const batcher = new LaneBatcher(target);
    const good = batcher.request("t", "good", {}, undefined);
    const bad = batcher.request("t", "bad", {}, undefined);
    const settled = Promise.allSettled([good, bad]);
    await Promise.resolve();
    await answerAll();
    const [goodResult, badResult] = await settled;
    expect(goodResult).toMatchObject({ status: "fulfilled", value: { version: "good:t" } });
    expect(badResult).toMatchObject({
      status: "rejected",
      reason: { name: "TypeError", message: "no such lane" },
    });
  });

  it("drops a lane aborted before its batch leaves, and asks the worker to skip one aborted after", async () => {
    const { target, batches, cancelled, answerAll } = recordingTarget(updateFor);
    const batcher = new LaneBatcher(target);
    const early = new AbortController();
    const late = new AbortController();
    const dropped = batcher.request("t", "early", {}, undefined, early.signal);
    const skipped = batcher.request("t", "late", {}, undefined, late.signal);
    const kept = batcher.request("t", "kept", {}, undefined);
    const settled = Promise.allSettled([dropped, skipped]);
    early.abort();
    await Promise.resolve();
    expect(batches[0]!.requests.map((r) => r.id)).toEqual(["late", "kept"]);
    late.abort();
    expect(cancelled).toEqual([batches[0]!.requests[0]!.requestId]);
    await answerAll();
    for (const result of await settled)
      expect(result.status === "rejected" && isCancelled(result.reason)).toBe(true);
    expect((await kept).version).toBe("kept:t");
    const aborted = new AbortController();
    aborted.abort();
    expect(() => batcher.request("t", "x", {}, undefined, aborted.signal)).toThrow("cancelled");
  });

  it("rejects every lane of a batch the worker could not answer", async () => {
    const batcher = new LaneBatcher({
      send: () => Promise.reject(new Error("The tokenizer worker stopped: boom")),
      cancel: () => undefined,
      newRequestId: () => 1,
    });
    const lanes = [batcher.request("t", "a", {}, undefined), batcher.request("t", "b", {}, undefined)];
    for (const result of await Promise.allSettled(lanes))
      expect(result).toMatchObject({
        status: "rejected",
        reason: { message: expect.stringMatching(/stopped: boom/) },
      });
  });
});
