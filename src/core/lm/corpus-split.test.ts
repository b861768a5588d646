import { describe, expect, it } from "vitest";
import type { CorpusDocument, SplitRules } from "./corpus-split";
import {
  DEFAULT_SPLIT_RULES,
  DOCUMENT_SEPARATOR,
  fnv1a32,
  isHeldOutLanguage,
  joinDocuments,
  normalizeDocument,
  splitCorpus,
  truncateAtLine,
} from "./corpus-split";
import { evaluationWindows } from "./eval-protocol";
import { dominantScriptGroup } from "./script-group";

const utf8 = (text: string) => new TextEncoder().encode(text).length;

const SAMPLES: Record<string, string> = {
  en: "All human beings are born free and equal in dignity and rights.",
  ru: "Все люди рождаются свободными и равными в своем достоинстве и правах.",
  ar: "يولد جميع الناس أحرارًا متساوين في الكرامة والحقوق.",
  hi: "सभी मनुष्यों को गौरव और अधिकारों के मामले में जन्मजात स्वतन्त्रता प्राप्त है।",
  zh: "人人生而自由，在尊严和权利上一律平等。",
  am: "የሰው ልጅ ሁሉሲወለድ ነጻና በክብርና በመብትም እኩልነት ያለው ነው።",
};

function corpus(): CorpusDocument[] {
  const docs: CorpusDocument[] = [];
  for (let i = 0; i < 60; i++)
    docs.push({ source: "brown", id: `c${i}`, lang: "en", text: `${SAMPLES.en}\n`.repeat(80) });
  Object.entries(SAMPLES).forEach(([lang, text], k) => {
    for (let i = 0; i < 12; i++)
      docs.push({
        source: "udhr",
        id: `${k}-${i}`,
        lang: i < 6 ? lang : `${lang}${i}`,
        text: `${text}\r\n\r\n${text}`,
      });
  });
  return docs;
}

describe("corpus split", () => {
  const rules: SplitRules = { ...DEFAULT_SPLIT_RULES, heldOutLanguageModulus: 5 };

  it("is deterministic, keeps every document exactly once, and holds out whole languages", () => {
    const docs = corpus();
    const a = splitCorpus(docs, rules);
    expect(splitCorpus(docs, rules)).toEqual(a);
    const keys = [...a.train, ...a.valid].map((d) => `${d.source}:${d.id}`).sort();
    expect(keys).toEqual(docs.map((d) => `${d.source}:${d.id}`).sort());
    expect(a.heldOutLanguages.length).toBeGreaterThan(0);
    for (const lang of a.heldOutLanguages) {
      expect(a.train.some((d) => d.lang === lang)).toBe(false);
      expect(isHeldOutLanguage(lang, rules)).toBe(true);
    }
    expect(a.heldOutLanguages).not.toContain("en");
  });

  it("holds out documents in every source × script group, about one in validDocumentEvery", () => {
    const { valid } = splitCorpus(corpus(), rules);
    const brown = valid.filter((d) => d.source === "brown").length;
    expect(brown).toBe(Math.ceil(60 / rules.validDocumentEvery));
    const groups = new Set(valid.map((d) => dominantScriptGroup(d.text)));
    expect([...groups].sort()).toEqual(["arabic", "cjk", "cyrillic", "indic", "latin", "other"]);
  });

  it("caps documents at a line end and leaves no blank line inside", () => {
    const { train, valid } = splitCorpus(corpus(), rules);
    for (const d of [...train, ...valid]) {
      expect(utf8(d.text)).toBeLessThanOrEqual(rules.maxDocumentBytes[d.source] ?? Infinity);
      expect(d.text).not.toContain(DOCUMENT_SEPARATOR);
      expect(d.text).not.toContain("\r");
    }
    const joined = joinDocuments(train);
    expect(joined.slice(0, -1).split(DOCUMENT_SEPARATOR)).toHaveLength(train.length);
  });

  it("truncates at the last line end or whole code point", () => {
    expect(truncateAtLine("ab\ncd\nef", 6)).toBe("ab\ncd");
    expect(truncateAtLine("ab\ncd", 100)).toBe("ab\ncd");
    expect(truncateAtLine("人人生而", 7)).toBe("人人");
    expect(normalizeDocument(" a \r\n\r\n\nb\t\n")).toBe("a\nb");
  });

  it("hashes with 32-bit FNV-1a", () => {
    expect(fnv1a32("")).toBe(0x811c9dc5);
    expect(fnv1a32("a")).toBe(0xe40c292c);
  });
});

describe("evaluation protocol windows", () => {
  it("takes the head of each document in windows that restart from BOS", () => {
    const docs = [new Uint8Array(600), new Uint8Array(100), new Uint8Array(0)];
    const windows = evaluationWindows(docs, { windowBytes: 256, bytesPerDocument: 512 });
    expect(windows.map((w) => [w.document, w.bytes.length])).toEqual([
      [0, 256],
      [0, 256],
      [1, 100],
    ]);
  });
});
