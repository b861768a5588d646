import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { coalescingScheduler } from "./coalescing-scheduler";

describe("coalescingScheduler", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("runs the callbacks of one window together, in order, in one timer task", () => {
    const schedule = coalescingScheduler(8);
    const ran: string[] = [];
    schedule(() => ran.push("a"));
    vi.advanceTimersByTime(5);
    schedule(() => ran.push("b"));
    expect(ran).toEqual([]);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(3);
    expect(ran).toEqual(["a", "b"]);
  });

  it("starts a new window after a flush, and a callback scheduled while flushing waits for it", () => {
    const schedule = coalescingScheduler(8);
    const ran: string[] = [];
    schedule(() => {
      ran.push("a");
      schedule(() => ran.push("c"));
    });
    vi.advanceTimersByTime(8);
    expect(ran).toEqual(["a"]);
    vi.advanceTimersByTime(8);
    expect(ran).toEqual(["a", "c"]);
  });

  it("runs everything waiting at the end of the current task once nothing more is on its way", async () => {
    let fetching = 2;
    const schedule = coalescingScheduler(8, () => fetching === 0);
    const ran: string[] = [];
    schedule(() => ran.push("a"));
    fetching = 0;
    schedule(() => ran.push("b"));
    expect(ran).toEqual([]);
    await Promise.resolve();
    expect(ran).toEqual(["a", "b"]);
    // The window's timer was cleared with the early flush: nothing runs twice, nothing is left waiting.
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(8);
    expect(ran).toEqual(["a", "b"]);
  });

  it("waits out the window while some query is still fetching", async () => {
    const schedule = coalescingScheduler(8, () => false);
    const ran: string[] = [];
    schedule(() => ran.push("a"));
    await Promise.resolve();
    expect(ran).toEqual([]);
    vi.advanceTimersByTime(8);
    expect(ran).toEqual(["a"]);
  });
});
