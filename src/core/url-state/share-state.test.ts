import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deflateSync } from "fflate";
import { toBase64Url } from "../text/base64";
import { decodeShareState, encodeShareState, type ShareState } from "./share-state";

const base: ShareState = {
  text: "héllo 👋 <|endoftext|>",
  lanes: [
    { tokenizer: "o200k_base", mode: "text" },
    { tokenizer: "llama-3", mode: "bytes" },
  ],
  parseSpecials: false,
  showWhitespace: true,
  showDiff: true,
  theme: "dark",
  selection: { lane: 1, token: 3 },
  view: "atlas",
  atlas: { tokenizers: ["cl100k_base", "bytes"], langs: ["en", "zh-cmn_hans"], sort: "script", query: "han" },
};

describe("share state", () => {
  it("round-trips any text, lone surrogates included", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), fc.boolean(), (text, parseSpecials) => {
        const state = { ...base, text, parseSpecials };
        expect(decodeShareState(`#${encodeShareState(state)}`)).toEqual({ ok: true, state });
      }),
    );
  });

  it("opens links made before the view and atlas fields existed", () => {
    const old: Partial<ShareState> = { ...base };
    delete old.view;
    delete old.atlas;
    const fragment = `v1.${toBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(old))))}`;
    expect(decodeShareState(fragment)).toEqual({ ok: true, state: { ...old, view: "compare" } });
  });

  it("refuses an atlas selection with a malformed language id", () => {
    const bad = { ...base, atlas: { ...base.atlas!, langs: ["en<script>"] } };
    const fragment = `v1.${toBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify(bad))))}`;
    expect(decodeShareState(fragment)).toMatchObject({ ok: false, reason: expect.stringMatching(/atlas/) });
  });

  it("fits a 100 KB text in a link browsers accept", () => {
    const words = ["tokens", "граница", "字节", "करना", "🙂", "1234", "\n"];
    let text = "";
    for (let i = 0; text.length < 100_000; i++) text += `${words[(i * 7919) % words.length]} `;
    const fragment = encodeShareState({ ...base, text });
    expect(fragment.length).toBeLessThan(200_000);
    expect(decodeShareState(fragment)).toMatchObject({ ok: true });
  });

  it.each([
    ["no version", "hello", /not a Tokenprism link/],
    ["a future version", "v9.abc", /newer version/],
    ["bad characters", "v1.ab$cd", /characters/],
    ["a truncated body", encodeShareState(base).slice(0, 20), /damaged or truncated/],
    ["not JSON", `v1.${toBase64Url(deflateSync(new TextEncoder().encode("{nope")))}`, /not valid JSON/],
    [
      "a bad lane id",
      `v1.${toBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify({ ...base, lanes: [{ tokenizer: "<script>", mode: "text" }] }))))}`,
      /lanes/,
    ],
    [
      "an unknown key",
      `v1.${toBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify({ ...base, extra: 1 }))))}`,
      /not valid/,
    ],
    [
      "a decompression bomb",
      `v1.${toBase64Url(deflateSync(new Uint8Array(20_000_000)))}`,
      /damaged or truncated/,
    ],
  ])("refuses %s with a reason", (_name, fragment, reason) => {
    const result = decodeShareState(fragment);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
