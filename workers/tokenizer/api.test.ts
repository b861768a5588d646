import { describe, expect, it } from "vitest";
import { nodeAssetSource } from "../../scripts/lib/node-asset-source";
import { loadTokenizer } from "../../scripts/lib/load-tokenizer";
import { loadUdhrCorpus } from "../../scripts/build-udhr-corpus";
import { atlasCommand } from "../../scripts/cli/atlas-command";
import { nodeMergeListSources } from "../../scripts/lib/mixture-sources";
import { createTokenizerApi } from "./api";
import { LaneUpdateReceiver, laneUpdateKey } from "../../src/core/compare/lane-update";

// The worker's API is plain functions: called here on the main thread, as the worker would run them.
describe("tokenizer worker API", () => {
  it("encodes with display data that matches the engine", async () => {
    const api = createTokenizerApi(nodeAssetSource);
    const text = "Hello <|endoftext|> world\nsecond line";
    const view = await api.encode("o200k_base", text);
    const engine = (await loadTokenizer("o200k_base")).encode(text);
    expect(Array.from(view.encoding.ids)).toEqual(Array.from(engine.ids));
    expect(view.specialLookalikes).toEqual(["<|endoftext|>"]);
    expect(view.blocks.at(-1)).toBe(engine.ids.length);
    expect(view.flagCounts.special).toBe(0);
  });

  it("drops a request cancelled before it starts, and serves the next", async () => {
    const api = createTokenizerApi(nodeAssetSource);
    await api.loadTokenizer("bytes");
    const first = api.encode("bytes", "first", {}, 1);
    api.cancel(1);
    await expect(first).rejects.toThrow("cancelled");
    expect((await api.encode("bytes", "second", {}, 2)).encoding.ids.length).toBe(6);
  });

  it("answers a batch of lanes like one request per lane, each lane with its own error or cancellation", async () => {
    const batched = createTokenizerApi(nodeAssetSource);
    const lanes = ["o200k_base", "llama-3", "bytes"];
    for (const id of lanes) await batched.loadTokenizer(id);
    const receiver = new LaneUpdateReceiver();
    const have = new Map<string, string | undefined>();
    const texts = ["Hello <|endoftext|> world", "Hello <|endoftext|> wide world", "Hello, wide world!"];
    for (const text of texts) {
      // The reference: a worker that never saw another text (a whole encode, no patch).
      const single = createTokenizerApi(nodeAssetSource);
      const requests = lanes.map((id, k) => ({
        id,
        options: { parseSpecials: k === 0 },
        have: have.get(id),
        requestId: 100 + k,
      }));
      const replies = await batched.encodeUpdates(text, requests);
      for (const [k, id] of lanes.entries()) {
        const reply = replies[k]!;
        if (!reply.ok) throw new Error(reply.error.message);
        const options = { parseSpecials: k === 0 };
        const view = receiver.receive(laneUpdateKey(id, options), reply.update)!;
        have.set(id, reply.update.version);
        const expected = await single.encode(id, text, options);
        expect(Array.from(view.encoding.ids), `${id}: ${text}`).toEqual(Array.from(expected.encoding.ids));
        expect(Array.from(view.encoding.utf16Ends)).toEqual(Array.from(expected.encoding.utf16Ends));
        expect(Array.from(view.blocks)).toEqual(Array.from(expected.blocks));
        expect(view.specialLookalikes).toEqual(expected.specialLookalikes);
      }
      // After the first text, every lane comes as a patch of the version the page holds.
      if (text !== texts[0])
        expect(replies.every((reply) => reply.ok && reply.update.kind === "patch")).toBe(true);
    }
    batched.cancel(201);
    const mixed = await batched.encodeUpdates("abc", [
      { id: "bytes", options: {}, have: undefined, requestId: 200 },
      { id: "bytes", options: { parseSpecials: true }, have: undefined, requestId: 201 },
      { id: "nope", options: {}, have: undefined, requestId: 202 },
    ]);
    expect(mixed[0]).toMatchObject({ ok: true, update: { kind: "whole" } });
    expect(mixed[1]).toEqual({ ok: false, error: { name: "CancelledError", message: "cancelled" } });
    expect(mixed[2]).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/Unknown tokenizer/) },
    });
  });

  it("explains unknown and missing custom tokenizers", async () => {
    const api = createTokenizerApi(nodeAssetSource);
    await expect(api.loadTokenizer("nope")).rejects.toThrow(/Unknown tokenizer/);
    await expect(api.loadTokenizer("custom-1234abcd")).rejects.toThrow(/Add the file again/);
  });

  it("gives a dropped file a stable lane id derived from its bytes", async () => {
    const api = createTokenizerApi(nodeAssetSource);
    const ranks = (await import("gpt-tokenizer/bpeRanks/r50k_base")).default;
    const lines = ranks.map(
      (value, rank) =>
        `${Buffer.from(typeof value === "string" ? value : Uint8Array.from(value)).toString("base64")} ${rank}`,
    );
    const bytes = new TextEncoder().encode(lines.join("\n"));
    const a = await api.addCustomTokenizer("gpt2.tiktoken", bytes);
    const b = await createTokenizerApi(nodeAssetSource).addCustomTokenizer("renamed.tiktoken", bytes);
    expect(a.id).toMatch(/^custom-[0-9a-f]{8}$/);
    expect(b.id).toBe(a.id);
    expect((await api.encode(a.id, "hello world")).encoding.ids.length).toBe(2);
  });

  it("counts the text's own units", async () => {
    const api = createTokenizerApi(nodeAssetSource);
    expect((await api.analyzeText("a é\n日本")).counts).toMatchObject({ lines: 2, characters: 6 });
  });
});

describe("tokenizer worker API: parity atlas", () => {
  it("counts every declaration like the CLI and like a lane encoding of the same text", async () => {
    const api = createTokenizerApi(nodeAssetSource, async () => loadUdhrCorpus());
    const index = await api.udhrIndex();
    const counts = await api.atlasCounts("cl100k_base", 1);
    expect(counts.length).toBe(index.declarations.length);
    const langs = ["en", "hi", "my", "zh-cmn_hans"];
    const csv = await atlasCommand(["--tokenizers", "cl100k_base", "--langs", langs.join(",")]);
    const cliTokens = new Map(
      csv
        .split("\r\n")
        .slice(1)
        .map((line) => [line.split(",")[0], Number(line.split(",").at(-2))]),
    );
    for (const lang of langs) {
      const i = index.declarations.findIndex((d) => d.lang === lang);
      const lane = await api.encode("cl100k_base", await api.udhrText(lang));
      expect(counts[i], lang).toBe(cliTokens.get(lang));
      expect(counts[i], lang).toBe(lane.encoding.ids.length);
    }
  });

  it("stops a running atlas column when cancelled", async () => {
    const api = createTokenizerApi(nodeAssetSource, async () => loadUdhrCorpus());
    await api.loadTokenizer("llama-3");
    const running = api.atlasCounts("llama-3", 7);
    setTimeout(() => api.cancel(7), 300);
    await expect(running).rejects.toThrow("cancelled");
  });
});

describe("tokenizer worker API: BPE variant lanes and explanations", () => {
  it("derives a tiktoken encoding's merge list from its ranks: the merge-list variant equals the encoding", async () => {
    const api = createTokenizerApi(nodeAssetSource, undefined, nodeMergeListSources.rankTable);
    const text = "Hello, wörld! 12345 — tokenization in the browser.\n  def f(x): return x**2";
    const reference = await api.encode("cl100k_base", text);
    const derived = await api.encode("cl100k_base.merges", text);
    expect(Array.from(derived.encoding.ids)).toEqual(Array.from(reference.encoding.ids));
    const least = await api.encode("cl100k_base.least-tokens", text);
    expect(least.encoding.ids.length).toBeLessThanOrEqual(reference.encoding.ids.length);
  });

  it("runs a built-in vocabulary with its merge list, least tokens and a damaged merge list", async () => {
    const api = createTokenizerApi(nodeAssetSource);
    const text = "Tokenization of unbelievably long words: antidisestablishmentarianism, Donaudampfschiff.";
    const reference = await api.encode("gpt-4o-json", text);
    const merges = await api.encode("gpt-4o-json.merges", text);
    expect(Array.from(merges.encoding.ids)).toEqual(Array.from(reference.encoding.ids));
    const least = await api.encode("gpt-4o-json.least-tokens", text);
    const damaged = await api.encode("gpt-4o-json.deleted30-1", text);
    expect(least.encoding.ids.length).toBeLessThanOrEqual(reference.encoding.ids.length);
    expect(least.encoding.ids.length).toBeLessThanOrEqual(damaged.encoding.ids.length);
    expect((await api.loadTokenizer("gpt-4o-json.least-tokens")).algorithm).toMatch(/least tokens/);
    await expect(api.loadTokenizer("bytes.greedy")).rejects.toThrow(/No BPE merge list for “bytes”/);
  });

  it("runs a SentencePiece-style base (Llama 2: characters as symbols, byte fallback) without its merge list", async () => {
    const api = createTokenizerApi(nodeAssetSource);
    const text = "Tokenization of unbelievably long words: antidisestablishmentarianism, 𝔘𝔫𝔦.";
    const reference = await api.encode("llama-2", text);
    const least = await api.encode("llama-2.least-tokens", text);
    expect(least.encoding.ids.length).toBeLessThanOrEqual(reference.encoding.ids.length);
    expect(least.encoding.ends.at(-1)).toBe(new TextEncoder().encode(text).length);
    expect((await api.loadTokenizer("llama-2.greedy")).name).toMatch(/greedy/);
  });

  it("explains a token by the merges that built it", async () => {
    const api = createTokenizerApi(nodeAssetSource);
    const text = "unbelievably";
    const { encoding } = await api.encode("gpt-4o-json", text);
    const explanation = await api.explainToken("gpt-4o-json", encoding.ids[0]!, text, 0);
    expect(explanation).not.toBeNull();
    const spell = (node: NonNullable<typeof explanation>["tree"]): number[] =>
      node.left && node.right ? [...spell(node.left), ...spell(node.right)] : node.bytes;
    const own = new TextEncoder().encode(text).slice(encoding.starts[0], encoding.ends[0]);
    expect(spell(explanation!.tree)).toEqual(Array.from(own));
    expect(explanation!.withMerges.flatMap((p) => p.bytes)).toEqual(
      Array.from(new TextEncoder().encode(text)),
    );
    expect(await api.explainToken("bytes", 117, text, 0)).toBeNull();
  });
});
