import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "./csv";

describe("CSV", () => {
  it("quotes what needs quoting and guards formulas", () => {
    expect(csvField('say "hi", ok')).toBe('"say ""hi"", ok"');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvField(3.5)).toBe("3.5");
    expect(toCsv(["a", "b"], [[1, "x,y"]])).toBe('a,b\r\n1,"x,y"\r\n');
  });
});
