import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadTokenizer } from "../../../scripts/lib/load-tokenizer";
import { applyEdit, edits, english, expectSameEncoding } from "../../../scripts/lib/text-edits";
import { IncrementalEncoder } from "../tokenizers/incremental/incremental-encoder";
import { laneViewData } from "./lane-view-data";
import {
  LaneUpdateReceiver,
  LaneUpdateSender,
  laneUpdateTransferables,
  PATCHED_UP_TO_TOKENS,
  type LaneUpdate,
} from "./lane-update";

describe("lane updates between a worker and the page", () => {
  it("give the page every lane exactly, whatever is dropped, delayed or reordered on the way", async () => {
    const tokenizer = await loadTokenizer("o200k_base");
    const view = (text: string) => laneViewData(text, tokenizer.encode(text), tokenizer.info.specialTokens);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(edits, fc.constantFrom("deliver", "deliver", "deliver", "drop", "hold")), {
          minLength: 1,
          maxLength: 12,
        }),
        (steps) => {
          const sender = new LaneUpdateSender();
          const receiver = new LaneUpdateReceiver();
          // As in the worker: each text spliced from the last one, the patch read off the splice where it can be.
          const encoder = new IncrementalEncoder(tokenizer, 0);
          const send = (text: string) => {
            const { encoding, reused } = encoder.encode(text);
            const next = laneViewData(text, encoding, tokenizer.info.specialTokens);
            return sender.update("lane", receiver.have("lane"), next, reused);
          };
          let text = english.slice(0, 800);
          send(text);
          const held: { update: LaneUpdate; text: string }[] = [];
          const deliver = (update: LaneUpdate, expected: string) => {
            const shown = receiver.receive("lane", update);
            if (shown === null) {
              // The page no longer has the base: it asks for the lane again, and gets it.
              expect(update.kind).toBe("patch");
              const again = receiver.receive(
                "lane",
                sender.update("lane", receiver.have("lane"), view(expected)),
              );
              expectSameEncoding(again!.encoding, tokenizer.encode(expected), expected);
              return;
            }
            expectSameEncoding(shown.encoding, tokenizer.encode(expected), expected);
            expect(Array.from(shown.blocks)).toEqual(Array.from(view(expected).blocks));
          };
          for (const [edit, fate] of steps) {
            text = applyEdit(text, edit);
            const update = send(text);
            if (fate === "deliver") deliver(update, text);
            else if (fate === "hold") held.push({ update, text });
          }
          // Late replies arrive after the others.
          for (const { update, text: late } of held) deliver(update, late);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("sends a keystroke as a patch of a few tokens, and a first or unknown version whole", async () => {
    const tokenizer = await loadTokenizer("llama-3");
    const text = english.slice(0, 5000);
    const sender = new LaneUpdateSender();
    const receiver = new LaneUpdateReceiver();
    const view = (t: string) => laneViewData(t, tokenizer.encode(t), []);
    const first = sender.update("lane", receiver.have("lane"), view(text));
    expect(first.kind).toBe("whole");
    receiver.receive("lane", first);
    const typed = sender.update("lane", receiver.have("lane"), view(`${text}!`));
    expect(typed.kind).toBe("patch");
    if (typed.kind === "patch") expect(typed.patch.middle.ids.length).toBeLessThanOrEqual(2);
    expect(sender.update("lane", "another-worker:1", view(text)).kind).toBe("whole");
    // A restarted worker (a new sender) does not know the page's version.
    expect(new LaneUpdateSender().update("lane", receiver.have("lane"), view(text)).kind).toBe("whole");
  });

  it("transfers only buffers the sender does not keep, and sends long lanes whole", async () => {
    const tokenizer = await loadTokenizer("bytes");
    const sender = new LaneUpdateSender();
    const view = (t: string) => laneViewData(t, tokenizer.encode(t), []);
    const first = view("one two three");
    const whole = sender.update("lane", undefined, first);
    if (whole.kind !== "whole") throw new Error("expected a whole lane");
    // The sender keeps `first` to patch from: what it sends whole is a copy.
    expect(whole.view.encoding.ids.buffer).not.toBe(first.encoding.ids.buffer);
    expectSameEncoding(whole.view.encoding, first.encoding, "copy");
    expect(laneUpdateTransferables(whole)).toContain(whole.view.encoding.ids.buffer);
    expect(laneUpdateTransferables(whole)).not.toContain(first.encoding.ids.buffer);
    const patch = sender.update("lane", whole.version, view("one two three four"));
    if (patch.kind !== "patch") throw new Error("expected a patch");
    expect(laneUpdateTransferables(patch)).toContain(patch.patch.middle.ids.buffer);
    // A lane past the limit is copied in the worker rather than patched on the page.
    const long = "x".repeat(PATCHED_UP_TO_TOKENS);
    const atLimit = sender.update("lane", patch.version, view(long));
    expect(atLimit.kind).toBe("patch");
    const receiver = new LaneUpdateReceiver();
    receiver.receive("lane", whole);
    receiver.receive("lane", patch);
    receiver.receive("lane", atLimit);
    expect(receiver.have("lane")).toBe(atLimit.version);
    const past = sender.update("lane", atLimit.version, view(`${long}y`));
    expect(past.kind).toBe("whole");
    // Neither side keeps the long lane: the page asks without a version, and the next lane comes whole.
    expectSameEncoding(receiver.receive("lane", past)!.encoding, view(`${long}y`).encoding, "long lane");
    expect(receiver.have("lane")).toBeUndefined();
    expect(sender.update("lane", past.version, view(long)).kind).toBe("whole");
  });
});
