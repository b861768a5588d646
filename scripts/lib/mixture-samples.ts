import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { splitPool, utf8Prefix, type CategoryPool } from "../../src/core/bpe/mixture/categories";
import { readBrown } from "./brown-text";
import { readDeclarations } from "./udhr-text";

const require = createRequire(import.meta.url);

/** TypeScript's own library declarations: real, plentiful code-like text that ships with a dev dependency. */
const CODE_FILES = ["lib.es5.d.ts", "lib.dom.d.ts"];

function readCode(maxBytes: number): string {
  const folder = dirname(require.resolve("typescript/package.json"));
  return utf8Prefix(CODE_FILES.map((f) => readFileSync(join(folder, "lib", f), "utf8")).join("\n"), maxBytes);
}

/**
 * The UDHR declarations whose opening is written in a script (a Unicode property such as `Cyrillic`),
 * optionally only those whose language (`lang` attribute) is listed.
 */
function readUdhrScript(
  script: string,
  maxBytes: number,
  exclude: readonly string[] = [],
  only?: readonly string[],
): string {
  const letter = new RegExp(`\\p{Script=${script}}`, "u");
  const other = /\p{L}/gu;
  const texts = readDeclarations()
    .filter((d) => !exclude.includes(d.lang) && (!only || only.includes(d.lang)))
    .filter((d) => {
      const letters = d.text.slice(0, 3000).match(other) ?? [];
      return letters.length > 0 && letters.filter((c) => letter.test(c)).length / letters.length > 0.9;
    })
    .map((d) => d.text);
  return utf8Prefix(texts.join("\n"), maxBytes);
}

/**
 * Four very different categories for controlled mixture experiments, each split by alternating lines into
 * a training half and an estimation half of up to `bytesPerHalf` bytes: English prose (Brown), other
 * Latin-script languages (UDHR), Cyrillic-script languages (UDHR), and code (TypeScript declarations).
 */
export function readMixturePools(bytesPerHalf: number): CategoryPool[] {
  const whole = 2 * bytesPerHalf + 1024;
  return [
    splitPool("english", readBrown(whole)),
    splitPool("latin-udhr", readUdhrScript("Latin", whole, ["en"])),
    splitPool("cyrillic-udhr", readUdhrScript("Cyrillic", whole)),
    splitPool("code", readCode(whole)),
  ].map((pool) => ({
    name: pool.name,
    train: utf8Prefix(pool.train, bytesPerHalf),
    sample: utf8Prefix(pool.sample, bytesPerHalf),
  }));
}

const ROMANCE = [
  "fr",
  "es",
  "it",
  "pt",
  "pt-BR",
  "pt-PT",
  "ro",
  "ca",
  "gl",
  "oc",
  "co",
  "rm",
  "lad",
  "fur",
  "sc",
];
const GERMANIC = [
  "de",
  "de-1901",
  "de-1996",
  "nl",
  "sv",
  "da",
  "nb",
  "nn",
  "is",
  "fy",
  "af",
  "lb",
  "fo",
  "li",
];

/**
 * Ten categories for the mixture benchmark, each split like {@link readMixturePools}: English, code,
 * Romance, Germanic and other Latin-script languages, Cyrillic, Arabic, Devanagari, Han, and Tamil + Thai.
 * Small scripts give smaller halves than `bytesPerHalf`.
 */
export function readBenchPools(bytesPerHalf: number): CategoryPool[] {
  const whole = 2 * bytesPerHalf + 1024;
  const texts: [string, string][] = [
    ["english", readBrown(whole)],
    ["code", readCode(whole)],
    ["romance", readUdhrScript("Latin", whole, [], ROMANCE)],
    ["germanic", readUdhrScript("Latin", whole, [], GERMANIC)],
    ["other-latin", readUdhrScript("Latin", whole, ["en", ...ROMANCE, ...GERMANIC])],
    ["cyrillic", readUdhrScript("Cyrillic", whole)],
    ["arabic", readUdhrScript("Arabic", whole)],
    ["devanagari", readUdhrScript("Devanagari", whole)],
    ["han", readUdhrScript("Han", whole)],
    ["tamil-thai", `${readUdhrScript("Tamil", whole)}\n${readUdhrScript("Thai", whole)}`],
  ];
  return texts.map(([name, text]) => {
    const pool = splitPool(name, text);
    return {
      name,
      train: utf8Prefix(pool.train, bytesPerHalf),
      sample: utf8Prefix(pool.sample, bytesPerHalf),
    };
  });
}
