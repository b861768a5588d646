import { QueryClient } from "@tanstack/react-query";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fetchingTrackerOf, trackFetching } from "./fetching-tracker";

/** What can happen to a query: a fetch starts, one finishes (well or badly), is cancelled, or the query goes. */
type Step =
  | { kind: "fetch"; key: number }
  | { kind: "resolve"; key: number }
  | { kind: "reject"; key: number }
  | { kind: "cancel"; key: number }
  | { kind: "remove"; key: number }
  | { kind: "set"; key: number }
  | { kind: "clear" };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant("fetch" as const), key: fc.nat(4) }),
  fc.record({ kind: fc.constant("resolve" as const), key: fc.nat(4) }),
  fc.record({ kind: fc.constant("reject" as const), key: fc.nat(4) }),
  fc.record({ kind: fc.constant("cancel" as const), key: fc.nat(4) }),
  fc.record({ kind: fc.constant("remove" as const), key: fc.nat(4) }),
  fc.record({ kind: fc.constant("set" as const), key: fc.nat(4) }),
  fc.record({ kind: fc.constant("clear" as const) }),
);

describe("trackFetching", () => {
  it("says what queryClient.isFetching() says, after every step of random query lives", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 40 }), async (steps) => {
        const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
        // Fetches that already exist when tracking starts are counted too.
        const pending = new Map<number, { resolve(v: number): void; reject(e: Error): void }[]>();
        const fetch = (key: number) =>
          client
            .fetchQuery({
              queryKey: ["q", key],
              staleTime: 0,
              queryFn: () =>
                new Promise<number>((resolve, reject) => {
                  pending.set(key, [...(pending.get(key) ?? []), { resolve, reject }]);
                }),
            })
            .catch(() => undefined);
        void fetch(0);
        const tracker = trackFetching(client.getQueryCache());
        // Listeners hear every change of the answer and nothing else: flipping a copy on each call keeps it equal.
        let last = tracker.anyFetching();
        tracker.subscribe(() => (last = !last));
        const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
        for (const s of steps) {
          if (s.kind === "fetch") void fetch(s.key);
          else if (s.kind === "resolve") pending.get(s.key)?.shift()?.resolve(s.key);
          else if (s.kind === "reject") pending.get(s.key)?.shift()?.reject(new Error("no"));
          else if (s.kind === "cancel") await client.cancelQueries({ queryKey: ["q", s.key] });
          else if (s.kind === "remove") client.removeQueries({ queryKey: ["q", s.key] });
          else if (s.kind === "set") client.setQueryData(["q", s.key], -1);
          else client.clear();
          expect(tracker.anyFetching()).toBe(client.isFetching() > 0);
          await settle();
          expect(tracker.anyFetching()).toBe(client.isFetching() > 0);
          expect(last).toBe(tracker.anyFetching());
        }
        tracker.stop();
      }),
      { numRuns: 60 },
    );
  });

  it("stops following the cache when stopped", async () => {
    const client = new QueryClient();
    const tracker = trackFetching(client.getQueryCache());
    tracker.stop();
    void client.prefetchQuery({ queryKey: ["x"], queryFn: () => new Promise<number>(() => {}) });
    await Promise.resolve();
    expect(client.isFetching()).toBe(1);
    expect(tracker.anyFetching()).toBe(false);
  });
});

describe("fetchingTrackerOf", () => {
  it("gives one tracker per cache", () => {
    const a = new QueryClient();
    const b = new QueryClient();
    expect(fetchingTrackerOf(a.getQueryCache())).toBe(fetchingTrackerOf(a.getQueryCache()));
    expect(fetchingTrackerOf(a.getQueryCache())).not.toBe(fetchingTrackerOf(b.getQueryCache()));
  });
});
