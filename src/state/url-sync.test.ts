// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { decodeShareState, encodeShareState } from "../core/url-state/share-state";
import { comparisonStore, shareStateOf } from "./comparison-store";
import { readLinkOnLoad, startUrlSync } from "./url-sync";

const state = () => comparisonStore.getState();

describe("url-sync", () => {
  const initial = comparisonStore.getState();
  beforeEach(() => {
    comparisonStore.setState(initial, true);
    window.history.replaceState(null, "", "/app?x=1");
  });
  afterEach(() => vi.useRealTimers());

  it("opens the state a link carries", () => {
    const linked = {
      ...shareStateOf(initial),
      text: "linked text",
      parseSpecials: true,
      view: "lm" as const,
    };
    window.history.replaceState(null, "", `/app?x=1#${encodeShareState(linked)}`);
    readLinkOnLoad();
    expect(shareStateOf(state())).toEqual(linked);
    expect(state().notice).toBeNull();
  });

  it("shows the reason for a malformed link, keeps the default state, and clears the fragment", () => {
    window.history.replaceState(null, "", "/app?x=1#v1.@@not-base64@@");
    readLinkOnLoad();
    expect(state().notice?.kind).toBe("error");
    expect(state().notice?.text).toMatch(/damaged.*default view/);
    expect(state().text).toBe(initial.text);
    expect(window.location.hash).toBe("");
    expect(window.location.pathname + window.location.search).toBe("/app?x=1");
  });

  it("does nothing without a fragment", () => {
    readLinkOnLoad();
    expect(state()).toEqual(initial);
  });

  it("writes each change into the fragment once typing pauses, and stops when asked", async () => {
    vi.useFakeTimers();
    const stop = startUrlSync();
    state().actions.setText("first");
    state().actions.setText("second");
    expect(window.location.hash).toBe("");
    await vi.advanceTimersByTimeAsync(300);
    const written = decodeShareState(window.location.hash);
    expect(written.ok && written.state.text).toBe("second");
    expect(written.ok && written.state).toEqual(shareStateOf(state()));
    stop();
    state().actions.setText("after stop");
    await vi.advanceTimersByTimeAsync(2000);
    const still = decodeShareState(window.location.hash);
    expect(still.ok && still.state.text).toBe("second");
  });

  it("leaves a text too big for a link out of the address bar", async () => {
    vi.useFakeTimers();
    const stop = startUrlSync();
    state().actions.setText("x".repeat(2_000_001));
    await vi.advanceTimersByTimeAsync(2000);
    expect(window.location.hash).toBe("");
    stop();
  });
});
