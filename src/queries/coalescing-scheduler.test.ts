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
});
