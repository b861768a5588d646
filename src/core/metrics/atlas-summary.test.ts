import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AtlasRow } from "./atlas";
import { equityScores, quantile, scriptSummary, sortLanguages } from "./atlas-summary";

function row(lang: string, script: string, tokenizer: string, premium: number): AtlasRow {
  return { lang, name: lang.toUpperCase(), script, tokenizer, bytes: 1, chars: 1, tokens: 1, premium };
}

describe("quantile", () => {
  it("matches the sorted-array definition at the order statistics and interpolates between them", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1 }), (values) => {
        const sorted = [...values].sort((a, b) => a - b);
        // `+ 0` turns −0 into +0: numerically equal, but toBe (Object.is) would tell them apart, and the
        // order of equal −0 and +0 after sorting is not part of the definition.
        expect(quantile(values, 0) + 0).toBe(sorted[0]! + 0);
        expect(quantile(values, 1) + 0).toBe(sorted[sorted.length - 1]! + 0);
        const median = quantile(values, 0.5);
        const n = sorted.length;
        const expected = n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
        expect(median).toBeCloseTo(expected, 6);
      }),
    );
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9)).toBe(10);
  });
});

describe("equityScores", () => {
  const rows = [
    row("en", "Latin", "t", 1),
    row("de", "Latin", "t", 1.5),
    row("ru", "Cyrillic", "t", 2.5),
    row("uk", "Cyrillic", "t", 3.5),
    row("my", "Myanmar", "t", 12),
    row("en", "Latin", "u", 1),
    row("my", "Myanmar", "u", NaN),
  ];

  it("summarizes scripts by their median premium", () => {
    const cyrillic = scriptSummary(rows).find((c) => c.script === "Cyrillic" && c.tokenizer === "t");
    expect(cyrillic).toMatchObject({ languages: 2, medianPremium: 3, minPremium: 2.5, maxPremium: 3.5 });
  });

  it("gives the spread between the best- and worst-served scripts and the 90th-percentile premium", () => {
    const [t, u] = equityScores(rows);
    expect(t).toMatchObject({
      tokenizer: "t",
      languages: 5,
      medianPremium: 2.5,
      bestScript: "Latin",
      bestScriptPremium: 1.25,
      worstScript: "Myanmar",
      worstScriptPremium: 12,
      scriptSpread: 12 / 1.25,
    });
    expect(t!.p90Premium).toBeCloseTo(3.5 + (12 - 3.5) * 0.6, 12);
    // A language without a premium (no reference count) is left out, not counted as zero.
    expect(u).toMatchObject({ languages: 1, p90Premium: 1, scriptSpread: 1 });
  });

  it("gives a pure-bytes tokenizer of identical languages perfect parity", () => {
    const parity = ["a", "b", "c"].map((lang) => row(lang, "Latin", "bytes", 1));
    expect(equityScores(parity)[0]).toMatchObject({ p90Premium: 1, scriptSpread: 1 });
  });
});

describe("sortLanguages", () => {
  const langs = [
    { lang: "ru", name: "Russian", script: "Cyrillic" },
    { lang: "en", name: "English", script: "Latin" },
    { lang: "my", name: "Burmese", script: "Myanmar" },
    { lang: "uk", name: "Ukrainian", script: "Cyrillic" },
  ];
  const rows = [row("ru", "Cyrillic", "t", 2.5), row("en", "Latin", "t", 1), row("my", "Myanmar", "t", 12)];

  it("sorts by script, by premium (missing last) and by name", () => {
    expect(sortLanguages(langs, rows, "script")).toEqual(["ru", "uk", "en", "my"]);
    expect(sortLanguages(langs, rows, "premium")).toEqual(["my", "ru", "en", "uk"]);
    expect(sortLanguages(langs, rows, "name")).toEqual(["my", "en", "ru", "uk"]);
  });
});
