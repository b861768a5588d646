import { describe, expect, it } from "vitest";
import { declarationText, declarationTitle } from "./udhr-html";

describe("declarationText", () => {
  it("keeps headings and articles as lines and drops markup and the head", () => {
    const html = `<!doctype html><html lang="x"><head><title>Kölsch &amp; Co</title></head><body>
      <h1>Title</h1><header><h2>Preamble</h2><p>Whereas &lt;all&gt; are&#32;equal &#x263A;;</p></header>
      <article><h3>Article 1</h3><p>One.</p></article></body></html>`;
    expect(declarationText(html)).toBe("Title\nPreamble\nWhereas <all> are equal ☺;\nArticle 1\nOne.");
    expect(declarationTitle(html)).toBe("Kölsch & Co");
  });
});
