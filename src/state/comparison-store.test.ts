import { beforeEach, describe, expect, it } from "vitest";
import { comparisonStore, DEFAULT_LANES, shareStateOf } from "./comparison-store";

const actions = () => comparisonStore.getState().actions;
const tokenizers = () => comparisonStore.getState().lanes.map((l) => l.tokenizer);

describe("comparison store", () => {
  const initial = comparisonStore.getState();
  beforeEach(() => comparisonStore.setState(initial, true));

  it("starts with the default lanes and adds a tokenizer once only", () => {
    expect(tokenizers()).toEqual(DEFAULT_LANES);
    actions().addLane("qwen-3");
    actions().addLane("qwen-3");
    actions().addLane(DEFAULT_LANES[0]!);
    expect(tokenizers()).toEqual([...DEFAULT_LANES, "qwen-3"]);
  });

  it("moves lanes within bounds, removes them, and drops the selection when lanes change", () => {
    const [first, second] = comparisonStore.getState().lanes;
    actions().select({ lane: 1, token: 3 });
    actions().moveLane(first!.key, -1); // already first: nothing changes
    expect(tokenizers()).toEqual(DEFAULT_LANES);
    expect(comparisonStore.getState().selection).toEqual({ lane: 1, token: 3 });
    actions().moveLane(first!.key, 1);
    expect(tokenizers().slice(0, 2)).toEqual([second!.tokenizer, first!.tokenizer]);
    expect(comparisonStore.getState().selection).toBeNull();
    actions().removeLane(second!.key);
    expect(tokenizers()).not.toContain(second!.tokenizer);
    expect(tokenizers()).toHaveLength(DEFAULT_LANES.length - 1);
  });

  it("round-trips through the link state: applying what shareStateOf gives changes nothing a link carries", () => {
    actions().setText("héllo 世界");
    actions().setLaneMode(comparisonStore.getState().lanes[1]!.key, "bytes");
    actions().setParseSpecials(true);
    actions().setView("atlas");
    actions().setAtlas({ sort: "name", query: "de" });
    actions().setPatching({ rule: "monotonic" });
    const shared = shareStateOf(comparisonStore.getState());
    comparisonStore.setState(initial, true);
    actions().applyShareState(shared);
    expect(shareStateOf(comparisonStore.getState())).toEqual(shared);
    expect(comparisonStore.getState().selectionOrigin).toBe("link");
  });

  it("keeps the text and clears the selection on setText", () => {
    actions().select({ lane: 0, token: 0 });
    actions().setText("new");
    expect(comparisonStore.getState().text).toBe("new");
    expect(comparisonStore.getState().selection).toBeNull();
  });
});
