import { describe, expect, it } from "vitest";
import { parameterPhrase } from "./model-card";

describe("parameterPhrase", () => {
  it("counts the parameters of a model without a hash table", () => {
    expect(parameterPhrase({ parameters: 760_448 })).toBe("0.76 M parameters");
    expect(parameterPhrase({ parameters: 760_448, hashNgramParameters: null })).toBe("0.76 M parameters");
  });

  it("sets the hash n-gram table apart from the parameters that are multiplied", () => {
    expect(parameterPhrase({ parameters: 6_522_112, hashNgramParameters: 5_753_472 })).toBe(
      "0.77 M parameters + 5.75 M in a hash n-gram table",
    );
  });
});
