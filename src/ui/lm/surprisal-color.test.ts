import { describe, expect, it } from "vitest";
import { surprisalColor, surprisalLevelClass, surprisalLevelRules } from "./surprisal-color";

describe("surprisal colour levels", () => {
  it("rounds bits to the nearest quarter bit, clamped to 0–10", () => {
    expect(surprisalLevelClass(0)).toBe("sl-0");
    expect(surprisalLevelClass(2.1)).toBe("sl-8");
    expect(surprisalLevelClass(2.2)).toBe("sl-9");
    expect(surprisalLevelClass(10)).toBe("sl-40");
    expect(surprisalLevelClass(17)).toBe("sl-40");
    expect(surprisalLevelClass(-0.5)).toBe("sl-0");
    expect(surprisalLevelClass(Number.POSITIVE_INFINITY)).toBe("sl-40");
  });

  it("has a rule for every level, coloured as the continuous scale colours its bits", () => {
    const rules = surprisalLevelRules().split("\n");
    expect(rules).toHaveLength(41);
    for (const bits of [0, 0.25, 3.5, 9.75, 10]) {
      const rule = rules.find((r) => r.startsWith(`.${surprisalLevelClass(bits)}{`));
      expect(rule).toBe(`.${surprisalLevelClass(bits)}{background:${surprisalColor(bits)}}`);
    }
  });
});
