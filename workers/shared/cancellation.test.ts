import { describe, expect, it } from "vitest";
import { Cancellations, CancelledError, yieldToEventLoop } from "./cancellation";

describe("yieldToEventLoop", () => {
  it("lets a task queued before it run first (a cancel reaches the checkpoint)", async () => {
    const cancellations = new Cancellations();
    setTimeout(() => cancellations.cancel(7), 0);
    await expect(cancellations.checkpoint(7)).rejects.toBeInstanceOf(CancelledError);
    await expect(cancellations.checkpoint(8)).resolves.toBeUndefined();
  });

  it("resolves concurrent yields in the order they were asked for, after pending microtasks", async () => {
    const order: string[] = [];
    const yields = [1, 2, 3].map((n) => yieldToEventLoop().then(() => order.push(`yield ${n}`)));
    void Promise.resolve().then(() => order.push("microtask"));
    await Promise.all(yields);
    expect(order).toEqual(["microtask", "yield 1", "yield 2", "yield 3"]);
  });
});
