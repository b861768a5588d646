import { beforeEach, describe, expect, it } from "vitest";
import { useLabStore } from "./lab-store";

const actions = () => useLabStore.getState().actions;
const item = (id: string, text = id) => ({ id, label: id, text, bytes: text.length });

describe("lab store", () => {
  const initial = useLabStore.getState();
  beforeEach(() => useLabStore.setState(initial, true));

  it("keeps one corpus entry per id (re-adding replaces it) and removes by id", () => {
    actions().addCorpus(item("a", "one"));
    actions().addCorpus(item("b"));
    actions().addCorpus(item("a", "two"));
    expect(useLabStore.getState().corpus.map((c) => [c.id, c.text])).toEqual([
      ["b", "b"],
      ["a", "two"],
    ]);
    actions().removeCorpus("b");
    expect(useLabStore.getState().corpus.map((c) => c.id)).toEqual(["a"]);
  });

  it("keeps categories apart from the corpus, and merges option changes", () => {
    actions().addCategory(item("en"));
    actions().addCategory(item("de"));
    actions().removeCategory("en");
    expect(useLabStore.getState().categories.map((c) => c.id)).toEqual(["de"]);
    expect(useLabStore.getState().corpus).toEqual([]);
    const before = useLabStore.getState().options;
    actions().setOptions({ vocabSize: 4096 });
    actions().setOptions({ transition: 3000 });
    expect(useLabStore.getState().options).toEqual({ ...before, vocabSize: 4096, transition: 3000 });
  });
});
