import { describe, expect, it } from "vitest";
import { codePointScripts, resolveScripts, scriptRuns } from "./scripts";

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
});
