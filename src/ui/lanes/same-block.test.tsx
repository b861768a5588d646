import fc from "fast-check";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { loadTokenizer } from "../../../scripts/lib/load-tokenizer";
import { readDeclarations } from "../../../scripts/lib/udhr-text";
import { tokenBlocks } from "../../core/tokenizers/blocks";
import type { Encoding } from "../../core/tokenizers/types";
import type { LaneMode } from "../../core/url-state/share-state";
import { sameBlock } from "./same-block";
import { TokenBlock, type TokenBlockProps } from "./TokenBlock";

const markup = (block: TokenBlockProps) => renderToStaticMarkup(<TokenBlock {...block} />);
const MODES: LaneMode[] = ["text", "ids", "bytes"];

const english = readDeclarations()
  .find((d) => d.code === "eng")!
  .text.slice(0, 4000);

function blocksOf(text: string, encoding: Encoding): [number, number][] {
  const starts = tokenBlocks(text, encoding, 4096);
  return Array.from({ length: starts.length - 1 }, (_, i) => [starts[i]!, starts[i + 1]!]);
}

describe("sameBlock", () => {
  it("finds every block that an edit above only moved, and its markup is indeed the same", async () => {
    const tokenizer = await loadTokenizer("cl100k_base");
    const before = english;
    const after = "A new first line.\n" + english;
    const a = tokenizer.encode(before);
    const b = tokenizer.encode(after);
    const blocksA = blocksOf(before, a);
    const blocksB = blocksOf(after, b).slice(1);
    expect(blocksB.length).toBe(blocksA.length);
    for (const mode of MODES)
      blocksA.forEach(([from, to], k) => {
        const [from2, to2] = blocksB[k]!;
        const common = { mode, showWhitespace: false, marks: null, highlight: null, selected: -1 };
        const x = { text: before, encoding: a, from, to, ...common };
        const y = { text: after, encoding: b, from: from2, to: to2, ...common };
        expect(from2).not.toBe(from);
        expect(sameBlock(x, y)).toBe(true);
        expect(markup(y)).toBe(markup(x));
      });
  });

  // Soundness against the renderer itself: whenever two blocks are called the same, React draws the same markup.
  it("never calls two blocks the same when their markup differs", async () => {
    const tokenizer = await loadTokenizer("o200k_base");
    const lines = english.split("\n").slice(0, 30);
    const line = fc.oneof(fc.constantFrom(...lines), fc.constantFrom("", "a b", "e\u0301 x", "😀 y", "  z"));
    const text = fc
      .array(line, { minLength: 1, maxLength: 4 })
      .map((parts) => parts.join("\n"))
      .filter((t) => t.length > 0);
    const view = fc.record({
      mode: fc.constantFrom(...MODES),
      showWhitespace: fc.boolean(),
      withMarks: fc.boolean(),
      highlightAt: fc.option(fc.nat(40)),
      selectedAt: fc.option(fc.nat(10)),
      /** One token whose diff mark is flipped (near misses: everything else equal). */
      flipMark: fc.option(fc.nat(60)),
    });
    let same = 0;
    // A third of the pairs are unrelated (rarely the same), a third a block and the same block moved down by a new
    // first line (`skip` 1: often the same), a third near misses; views differ or not.
    const pairs = fc.oneof(
      fc.record({
        t1: text,
        t2: text,
        v1: view,
        v2: view,
        pick1: fc.nat(),
        pick2: fc.nat(),
        skip: fc.constant(0),
      }),
      // Near misses: the same block and view but for one flipped diff mark.
      fc.record({ t1: text, v1: view, pick: fc.nat(), flip: fc.nat(60) }).map(({ t1, v1, pick, flip }) => ({
        t1,
        t2: t1,
        v1: { ...v1, withMarks: true, flipMark: null },
        v2: { ...v1, withMarks: true, flipMark: flip },
        pick1: pick,
        pick2: pick,
        skip: 0,
      })),
      fc
        .record({ t1: text, first: line, v1: view, v2: view, sameView: fc.boolean(), pick: fc.nat() })
        .map(({ t1, first, v1, v2, sameView, pick }) => ({
          t1,
          t2: `${first}\n${t1}`,
          v1,
          v2: sameView ? v1 : v2,
          pick1: pick,
          pick2: pick,
          skip: 1,
        })),
    );
    fc.assert(
      fc.property(pairs, ({ t1, t2, v1, v2, pick1, pick2, skip }) => {
        /** Block number `pick` (modulo the count) after the first `skip` blocks of `t`'s encoding, drawn with `v`. */
        const make = (t: string, v: typeof v1, pick: number, skip: number): TokenBlockProps => {
          const encoding = tokenizer.encode(t);
          const blocks = blocksOf(t, encoding);
          const index = Math.min(blocks.length - 1, skip + (pick % Math.max(1, blocks.length - skip)));
          const [from, to] = blocks[index]!;
          const base = encoding.starts[from] ?? 0;
          return {
            text: t,
            encoding,
            from,
            to,
            mode: v.mode,
            showWhitespace: v.showWhitespace,
            marks: v.withMarks
              ? Uint8Array.from(encoding.ids, (id, i) => (id % 2) ^ (i - from === v.flipMark ? 1 : 0))
              : null,
            highlight: v.highlightAt === null ? null : [base + v.highlightAt, base + v.highlightAt + 3],
            selected: v.selectedAt === null || from + v.selectedAt >= to ? -1 : from + v.selectedAt,
          };
        };
        const x = make(t1, v1, pick1, 0);
        const y = make(t2, v2, pick2, skip);
        if (sameBlock(x, y)) {
          same++;
          expect(markup(y)).toBe(markup(x));
        }
      }),
      { numRuns: 2000 },
    );
    expect(same).toBeGreaterThan(50);
  });

  it("tells apart blocks whose ids and spans are equal but whose text or flags are not (a lossy tokenizer's <unk>)", () => {
    // Two one-token encodings of different characters of the same length, both the unknown id 0.
    const encodingOf = (text: string, flags = 16): Encoding => ({
      tokenizerId: "t",
      ids: Uint32Array.of(0),
      starts: Uint32Array.of(0),
      ends: Uint32Array.of(new TextEncoder().encode(text).length),
      utf16Starts: Uint32Array.of(0),
      utf16Ends: Uint32Array.of(text.length),
      flags: Uint8Array.of(flags),
      tokenBytes: new TextEncoder().encode("<unk>"),
      tokenByteOffsets: Uint32Array.of(0, 5),
      inputByteLength: new TextEncoder().encode(text).length,
      notes: [],
    });
    const common = {
      from: 0,
      to: 1,
      mode: "text" as const,
      showWhitespace: false,
      marks: null,
      highlight: null,
      selected: -1,
    };
    const x = { text: "字", encoding: encodingOf("字"), ...common };
    const y = { text: "汉", encoding: encodingOf("汉"), ...common };
    expect(markup(x)).not.toBe(markup(y));
    expect(sameBlock(x, y)).toBe(false);
    expect(sameBlock(x, { ...x })).toBe(true);
    // And equal tokens and text whose flags differ (drawn with another class).
    const z = { ...x, encoding: encodingOf("字", 0) };
    expect(markup(x)).not.toBe(markup(z));
    expect(sameBlock(x, z)).toBe(false);
  });
});
