import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hardUnicode } from "../../../scripts/lib/arbitraries";
import { codePointScripts, resolveScripts, scriptRuns } from "./scripts";

/** UAX #24 resolution written plainly over strings (the implementation works on typed arrays): the oracle. */
function resolveScriptsPlainly(text: string): string[] {
  const points = Array.from(text, (ch) => codePointScripts(ch.codePointAt(0)!));
  const neutral = (p: { extensions: readonly string[] }) =>
    p.extensions.length === 1 && ["Common", "Inherited", "Unknown"].includes(p.extensions[0]!);
  const resolved = points.map((p) => (neutral(p) || p.extensions.length !== 1 ? null : p.extensions[0]!));
  const single = [...resolved];
  let previous: string | null = null;
  points.forEach((p, i) => {
    if (resolved[i] === null && !neutral(p)) {
      const next: string | null = single.slice(i + 1).find((script) => script !== null) ?? null;
      resolved[i] =
        previous && p.extensions.includes(previous)
          ? previous
          : next && p.extensions.includes(next)
            ? next
            : p.extensions[0]!;
    }
    if (resolved[i] !== null) previous = resolved[i]!;
  });
  return resolved.map((script, i) => {
    if (script !== null) return script;
    const before = resolved.slice(0, i).findLast((s) => s !== null);
    return before ?? resolved.slice(i + 1).find((s) => s !== null) ?? "Common";
  });
}

/** Text rich in what resolution decides: marks, shared punctuation, multi-script signs, lone surrogates. */
const scriptSoup = fc
  .array(
    fc.oneof(
      hardUnicode(),
      fc.constantFrom(
        "\u0964", // Devanagari danda (many Indic scripts)
        "\u0951", // Devanagari stress sign udatta (Script_Extensions: several)
        "\u30fc", // prolonged sound mark (Hiragana, Katakana)
        "\u3001", // ideographic comma (Han, Hiragana, Katakana, …)
        "\u060c", // Arabic comma (Arabic, Syriac, Thaana, …)
        "\u0301", // combining acute (Inherited)
        "\u0640", // tatweel
        "\ud800",
        "\udfff",
        "12 ",
        "abc",
        "नम",
        "日本",
        "カタ",
        "ދިވެހި",
        "Привет",
      ),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));

describe("codePointScripts", () => {
  it("reads Script and Script_Extensions from the runtime's Unicode tables", () => {
    expect(codePointScripts(0x41)).toEqual({ script: "Latin", extensions: ["Latin"] });
    expect(codePointScripts(0x928)).toEqual({ script: "Devanagari", extensions: ["Devanagari"] });
    expect(codePointScripts(0x20)).toEqual({ script: "Common", extensions: ["Common"] });
    expect(codePointScripts(0x301).script).toBe("Inherited");
    // The Devanagari danda is shared by many Indic scripts.
    expect(codePointScripts(0x964).extensions).toEqual(expect.arrayContaining(["Devanagari", "Bengali"]));
  });
});

describe("resolveScripts", () => {
  it("gives Common and Inherited characters their neighbours' script in mixed text", () => {
    const text = "Hi नमस्ते। 12 é\u0301 👍 Привет";
    const scripts = resolveScripts(text);
    const byChar = Array.from(text).map((ch, i) => [ch, scripts[i]]);
    expect(byChar).toEqual([
      ["H", "Latin"],
      ["i", "Latin"],
      [" ", "Latin"],
      ["न", "Devanagari"],
      ["म", "Devanagari"],
      ["स", "Devanagari"],
      ["्", "Devanagari"],
      ["त", "Devanagari"],
      ["े", "Devanagari"],
      ["।", "Devanagari"],
      [" ", "Devanagari"],
      ["1", "Devanagari"],
      ["2", "Devanagari"],
      [" ", "Devanagari"],
      ["é", "Latin"],
      ["\u0301", "Latin"],
      [" ", "Latin"],
      ["👍", "Latin"],
      [" ", "Latin"],
      ["П", "Cyrillic"],
      ["р", "Cyrillic"],
      ["и", "Cyrillic"],
      ["в", "Cyrillic"],
      ["е", "Cyrillic"],
      ["т", "Cyrillic"],
    ]);
  });

  it("takes the following script at the start and Common when there is none", () => {
    expect(resolveScripts("  日本")).toEqual(["Han", "Han", "Han", "Han"]);
    expect(resolveScripts("123 !")).toEqual(["Common", "Common", "Common", "Common", "Common"]);
  });
});

describe("scriptRuns", () => {
  it("cuts text into runs with exact UTF-16 and UTF-8 offsets", () => {
    const text = "abc日本語😀x";
    const runs = scriptRuns(text);
    expect(runs.map((r) => r.script)).toEqual(["Latin", "Han", "Latin"]);
    const encoder = new TextEncoder();
    for (const run of runs) {
      expect(encoder.encode(text.slice(0, run.utf16Start)).length).toBe(run.byteStart);
      expect(encoder.encode(text.slice(0, run.utf16End)).length).toBe(run.byteEnd);
    }
    expect(runs.at(-1)!.byteEnd).toBe(encoder.encode(text).length);
  });

  it("equals UAX #24 resolution written plainly, and its runs have exact offsets, on random mixed text", () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(scriptSoup, (text) => {
        const expected = resolveScriptsPlainly(text);
        expect(resolveScripts(text)).toEqual(expected);
        const runs = scriptRuns(text);
        // Runs are maximal: neighbours differ, and together they cover the text.
        expect(runs.map((r) => r.script)).toEqual(
          expected.filter((script, i) => i === 0 || expected[i - 1] !== script),
        );
        let utf16 = 0;
        for (const run of runs) {
          expect(run.utf16Start).toBe(utf16);
          expect(encoder.encode(text.slice(0, run.utf16Start)).length).toBe(run.byteStart);
          expect(encoder.encode(text.slice(0, run.utf16End)).length).toBe(run.byteEnd);
          utf16 = run.utf16End;
        }
        expect(utf16).toBe(text.length);
      }),
      { numRuns: 400 },
    );
  });
});
