import * as d3 from "d3";
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

  it("has a rule for every level, whose colour is within 9/255 per channel of the continuous scale's", () => {
    const rules = surprisalLevelRules().split("\n");
    expect(rules).toHaveLength(41);
    for (let k = 0; k <= 1000; k++) {
      const bits = k / 100 + 0.003;
      const rule = rules.find((r) => r.startsWith(`.${surprisalLevelClass(bits)}{`));
      const drawn = d3.rgb(/background:(.*)}$/.exec(rule ?? "")?.[1] ?? "");
      const exact = d3.rgb(surprisalColor(bits));
      for (const channel of ["r", "g", "b"] as const)
        expect(Math.abs(drawn[channel] - exact[channel])).toBeLessThanOrEqual(9);
    }
  });
});
