import { describe, expect, it } from "vitest";
import { shareFragment } from "../../../scripts/lib/share-link";
import { decodeShareState } from "./share-state";
import { isStateFile, readStateFile, stateFileText } from "./state-file";

describe("state files", () => {
  const state = (() => {
    const decoded = decodeShareState(shareFragment({ text: "x".repeat(5_000_000), lanes: [] }));
    if (!decoded.ok) throw new Error(decoded.reason);
    return decoded.state;
  })();

  it("round-trip a view too big for a link", () => {
    expect(readStateFile(stateFileText(state))).toEqual({ ok: true, state });
  });

  it("are recognised by name or by their start", () => {
    expect(isStateFile("view.tokenprism.json", "")).toBe(true);
    expect(isStateFile("renamed.txt", stateFileText(state).slice(0, 64))).toBe(true);
    expect(isStateFile("notes.json", '{"format": "other"}')).toBe(false);
  });

  it("refuse what is not one, with the reason", () => {
    expect(readStateFile("{nope")).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not valid JSON/),
    });
    expect(readStateFile('{"format":"other"}')).toMatchObject({
      reason: expect.stringMatching(/not a Tokenprism/),
    });
    expect(readStateFile('{"format":"tokenprism-state","version":9,"state":{}}')).toMatchObject({
      reason: expect.stringMatching(/newer version/),
    });
    expect(readStateFile('{"format":"tokenprism-state","version":1,"state":{"text":5}}')).toMatchObject({
      reason: expect.stringMatching(/at text/),
    });
  });
});
