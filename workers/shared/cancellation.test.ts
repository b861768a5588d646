import { describe, expect, it } from "vitest";
import { Cancellations, CancelledError, yieldByMessage } from "./cancellation";

describe("yieldByMessage (the browsers' yield)", () => {
  it("lets a message that arrived first run before it resolves (a cancel reaches the work)", async () => {
    const cancellations = new Cancellations();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => cancellations.cancel(7);
    channel.port2.postMessage(null);
    await yieldByMessage();
    expect(cancellations.signal(7).aborted).toBe(true);
    channel.port1.close();
  });

  it("resolves concurrent yields in the order they were asked for, after pending microtasks", async () => {
    const order: string[] = [];
    const yields = [1, 2, 3].map((n) => yieldByMessage().then(() => order.push(`yield ${n}`)));
    void Promise.resolve().then(() => order.push("microtask"));
    await Promise.all(yields);
    expect(order).toEqual(["microtask", "yield 1", "yield 2", "yield 3"]);
  });
});

describe("Cancellations.checkpoint", () => {
  it("throws for a request cancelled by a task queued before it, and not for another", async () => {
    const cancellations = new Cancellations();
    setTimeout(() => cancellations.cancel(7), 0);
    await expect(cancellations.checkpoint(7)).rejects.toBeInstanceOf(CancelledError);
    await expect(cancellations.checkpoint(8)).resolves.toBeUndefined();
  });
});
