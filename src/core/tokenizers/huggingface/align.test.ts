import { describe, expect, it } from "vitest";
import { utf8Encode } from "../../text/utf8";
import { alignOnStream, toInputOffsets } from "./align";
import { identityView, normalizedView } from "./normalized-view";

const b = (text: string) => utf8Encode(text);

describe("alignOnStream", () => {
  it("places tokens that match byte for byte", () => {
    expect(Array.from(alignOnStream(b("hello world"), [b("hello"), b(" world")]))).toEqual([5, 11]);
  });

  it("tolerates an inserted leading space (SentencePiece ▁ prefix)", () => {
    expect(Array.from(alignOnStream(b("hello world"), [b(" hello"), b(" world")]))).toEqual([5, 11]);
  });

  it("gives deleted whitespace to the next token (WordPiece)", () => {
    expect(Array.from(alignOnStream(b("un able  x"), [b("un"), b("able"), b("x")]))).toEqual([2, 7, 10]);
  });

  it("lets an unknown token take what lies before the next match", () => {
    expect(Array.from(alignOnStream(b("a☃☃b"), [b("a"), null, b("b")]))).toEqual([1, 7, 8]);
    expect(Array.from(alignOnStream(b("a☃"), [b("a"), null]))).toEqual([1, 4]);
  });
});

describe("toInputOffsets", () => {
  it("maps exactly inside unchanged text and snaps to the end of a changed unit", () => {
    const text = "ﬁx ﬁ";
    const view = normalizedView(text, (unit) => unit.normalize("NFKC"));
    expect(new TextDecoder().decode(view.bytes)).toBe("fix fi");
    // Normalized boundaries: after "f" (inside ﬁ), after "fi", after "x", after " f" (inside ﬁ), end.
    expect(Array.from(toInputOffsets(view, Uint32Array.of(1, 2, 3, 5, 6)))).toEqual([3, 3, 4, 8, 8]);
  });

  it("is the identity without normalization", () => {
    const view = identityView(b("añb"));
    expect(Array.from(toInputOffsets(view, Uint32Array.of(1, 2, 3, 4)))).toEqual([1, 2, 3, 4]);
  });
});
