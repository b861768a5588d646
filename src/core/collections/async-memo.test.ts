import { describe, expect, it } from "vitest";
import { AsyncMemo, AsyncOnce } from "./async-memo";

describe("AsyncMemo", () => {
  it("shares one load per key between concurrent and later calls", async () => {
    const memo = new AsyncMemo<string, number>();
    let loads = 0;
    const load = async () => ++loads;
    const [a, b] = await Promise.all([memo.get("x", load), memo.get("x", load)]);
    expect([a, b, await memo.get("x", load), loads]).toEqual([1, 1, 1, 1]);
    expect(await memo.get("y", load)).toBe(2);
  });

  it("forgets a failed load, so the next call retries (also when load throws synchronously)", async () => {
    const memo = new AsyncMemo<string, string>();
    let attempt = 0;
    const flaky = () => {
      attempt++;
      if (attempt === 1) throw new Error("sync failure");
      if (attempt === 2) return Promise.reject(new Error("async failure"));
      return Promise.resolve("ok");
    };
    await expect(memo.get("k", flaky)).rejects.toThrow("sync failure");
    await expect(memo.get("k", flaky)).rejects.toThrow("async failure");
    expect(await memo.get("k", flaky)).toBe("ok");
    expect(await memo.get("k", flaky)).toBe("ok");
    expect(attempt).toBe(3);
  });

  it("with maxEntries, forgets the least recently used key", async () => {
    const memo = new AsyncMemo<string, string>(2);
    const loads: string[] = [];
    const load = (key: string) => async () => (loads.push(key), key);
    await memo.get("a", load("a"));
    await memo.get("b", load("b"));
    await memo.get("a", load("a")); // a is now the most recent
    await memo.get("c", load("c")); // b goes
    await memo.get("a", load("a"));
    await memo.get("b", load("b"));
    expect(loads).toEqual(["a", "b", "c", "b"]);
  });

  it("deletes by predicate; AsyncOnce reloads on demand", async () => {
    const memo = new AsyncMemo<string, number>();
    let n = 0;
    await memo.get("a:1", async () => ++n);
    await memo.get("b:1", async () => ++n);
    memo.deleteWhere((k) => k.startsWith("a:"));
    expect(await memo.get("a:1", async () => ++n)).toBe(3);
    expect(await memo.get("b:1", async () => ++n)).toBe(2);
    const once = new AsyncOnce<string>();
    expect(await once.get(async () => "first")).toBe("first");
    expect(await once.get(async () => "second")).toBe("first");
    expect(await once.reload(async () => "third")).toBe("third");
    expect(await once.get(async () => "fourth")).toBe("third");
  });
});
