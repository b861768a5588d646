import type { ScriptGroup } from "./script-group";
import { dominantScriptGroup } from "./script-group";
import { codePointUtf8Length, utf8ByteLength } from "../text/utf8";

/** Where a corpus document comes from. */
export type CorpusSource = "brown" | "udhr";

/** One whole document of the byte-LM corpus (a Brown file or a UDHR declaration). */
export interface CorpusDocument {
  source: CorpusSource;
  /** Unique within its source: the Brown file name (`ca01`) or the udhr code (`007`). */
  id: string;
  /** The language tag (`en` for Brown; the declaration's `lang`, which may be `und`). */
  lang: string;
  text: string;
}

/** The fixed rules of the train/validation split. */
export interface SplitRules {
  /**
   * Documents are stratified by source and dominant script group and ordered by
   * `fnv1a32("doc:" + source + ":" + id)`; every `validDocumentEvery`-th of each stratum (ranks 0, n, 2n …)
   * is held out, so every group present gets at least one validation document.
   */
  validDocumentEvery: number;
  /** A language is held out when `fnv1a32("lang:" + lang) % heldOutLanguageModulus === 0`. */
  heldOutLanguageModulus: number;
  /** Languages never held out as a whole (English is the Brown corpus; `und` is not one language). */
  keepLanguages: readonly string[];
  /** Each document is cut to at most this many UTF-8 bytes (at a line end), per source; `null` keeps it whole. */
  maxDocumentBytes: Readonly<Record<CorpusSource, number | null>>;
}

/** The rules that produced the committed `training/data-manifest.json`. */
export const DEFAULT_SPLIT_RULES: SplitRules = {
  validDocumentEvery: 8,
  heldOutLanguageModulus: 37,
  keepLanguages: ["en", "und"],
  maxDocumentBytes: { brown: null, udhr: 6144 },
};

/** Separates documents in `train.txt` and `valid.txt` (documents themselves hold no blank line). */
export const DOCUMENT_SEPARATOR = "\n\n";

/** The result of {@link splitCorpus}. */
export interface CorpusSplit {
  train: CorpusDocument[];
  valid: CorpusDocument[];
  /** Languages whose every document went to validation, sorted. */
  heldOutLanguages: string[];
}

/** 32-bit FNV-1a over the UTF-16 code units of a string (unsigned). */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Normalizes a document: CRLF to LF, trailing spaces and blank lines removed, so that
 * {@link DOCUMENT_SEPARATOR} is unambiguous.
 */
export function normalizeDocument(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{2,}/g, "\n")
    .trim();
}

/**
 * Cuts text to at most `maxBytes` UTF-8 bytes, at the last line end that fits; a first line longer than
 * that is cut at the last whole code point.
 */
export function truncateAtLine(text: string, maxBytes: number): string {
  if (utf8ByteLength(text) <= maxBytes) return text;
  let bytes = 0;
  let lastLineEnd = -1;
  let cut = 0;
  for (const ch of text) {
    const size = codePointUtf8Length(ch.codePointAt(0)!);
    if (bytes + size > maxBytes) break;
    bytes += size;
    cut += ch.length;
    if (ch === "\n") lastLineEnd = cut - 1;
  }
  return lastLineEnd > 0 ? text.slice(0, lastLineEnd) : text.slice(0, cut);
}

/** Cuts a normalized document to its source's limit ({@link truncateAtLine}), or keeps it whole when there is none. */
function cutDocument(text: string, maxBytes: number | null): string {
  return maxBytes === null ? text : truncateAtLine(text, maxBytes);
}

/** Whether a language is held out as a whole under the rules. */
export function isHeldOutLanguage(lang: string, rules: SplitRules = DEFAULT_SPLIT_RULES): boolean {
  return !rules.keepLanguages.includes(lang) && fnv1a32(`lang:${lang}`) % rules.heldOutLanguageModulus === 0;
}

/** The keys (`source:id`) of the documents held out one by one, stratified by source and script group. */
export function heldOutDocumentKeys(
  documents: readonly CorpusDocument[],
  groups: readonly ScriptGroup[],
  rules: SplitRules = DEFAULT_SPLIT_RULES,
): Set<string> {
  const strata = new Map<string, { key: string; hash: number }[]>();
  documents.forEach((doc, i) => {
    const stratum = `${doc.source}:${groups[i]}`;
    const key = `${doc.source}:${doc.id}`;
    const list = strata.get(stratum) ?? [];
    list.push({ key, hash: fnv1a32(`doc:${key}`) });
    strata.set(stratum, list);
  });
  const keys = new Set<string>();
  for (const list of strata.values()) {
    list.sort((a, b) => a.hash - b.hash || (a.key < b.key ? -1 : 1));
    list.forEach(({ key }, rank) => {
      if (rank % rules.validDocumentEvery === 0) keys.add(key);
    });
  }
  return keys;
}

/**
 * Splits whole documents into train and validation: a document goes to validation when its language
 * or the document itself is held out (see {@link heldOutDocumentKeys}). Documents are normalized and cut to the per-source byte cap;
 * empty ones are dropped; the input order is kept. Deterministic.
 */
export function splitCorpus(
  documents: readonly CorpusDocument[],
  rules: SplitRules = DEFAULT_SPLIT_RULES,
): CorpusSplit {
  const kept = documents
    .map((doc) => ({
      ...doc,
      text: cutDocument(normalizeDocument(doc.text), rules.maxDocumentBytes[doc.source]),
    }))
    .filter((doc) => doc.text);
  const heldOutDocuments = heldOutDocumentKeys(
    kept,
    kept.map((doc) => dominantScriptGroup(doc.text)),
    rules,
  );
  const train: CorpusDocument[] = [];
  const valid: CorpusDocument[] = [];
  const heldOut = new Set<string>();
  for (const doc of kept) {
    const languageHeldOut = isHeldOutLanguage(doc.lang, rules);
    if (languageHeldOut) heldOut.add(doc.lang);
    (languageHeldOut || heldOutDocuments.has(`${doc.source}:${doc.id}`) ? valid : train).push(doc);
  }
  return { train, valid, heldOutLanguages: [...heldOut].sort() };
}

/** The text of a split file: the documents joined by {@link DOCUMENT_SEPARATOR}, ending in a newline. */
export function joinDocuments(documents: readonly CorpusDocument[]): string {
  return `${documents.map((d) => d.text).join(DOCUMENT_SEPARATOR)}\n`;
}
