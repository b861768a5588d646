import { transfer } from "comlink";
import { AsyncOnce } from "../../src/core/collections/async-memo";
import type { DeclarationInfo, UdhrCorpus } from "../../src/core/corpus/udhr-corpus";
import { countCorpus } from "../../src/core/metrics/count-corpus";
import type { Cancellations } from "../shared/cancellation";
import type { TokenizerRegistry } from "./tokenizer-registry";

/** Where the parity atlas's corpus comes from (a fetch in the browser, the file system in Node). */
export type CorpusSource = () => Promise<UdhrCorpus>;

/** The atlas corpus without its texts: what the main thread's tables need. */
export interface UdhrIndex {
  version: number;
  source: string;
  declarations: DeclarationInfo[];
}

/** The parity atlas's calls: its corpus, and one tokenizer's counts over it. */
export function createAtlasApi(
  registry: TokenizerRegistry,
  cancellations: Cancellations,
  loadCorpus?: CorpusSource,
) {
  const corpus = new AsyncOnce<UdhrCorpus>();
  const udhr = (): Promise<UdhrCorpus> =>
    loadCorpus ? corpus.get(loadCorpus) : Promise.reject(new Error("No corpus is available here."));

  return {
    /** The atlas corpus's languages (no texts), in corpus order. */
    async udhrIndex(): Promise<UdhrIndex> {
      const { version, source, declarations } = await udhr();
      return { version, source, declarations: declarations.map(({ text: _text, ...info }) => info) };
    },

    /** The clean text of one declaration of the atlas corpus. */
    async udhrText(lang: string): Promise<string> {
      const found = (await udhr()).declarations.find((d) => d.lang === lang);
      if (!found) throw new Error(`No UDHR declaration for "${lang}".`);
      return found.text;
    },

    /** Token counts of every declaration (corpus order) under one tokenizer; reports progress, cancellable. */
    async atlasCounts(
      id: string,
      requestId: number,
      onProgress?: (done: number, total: number) => void,
    ): Promise<Uint32Array> {
      const [tokenizer, { declarations }] = await Promise.all([registry.get(id), udhr()]);
      await cancellations.checkpoint(requestId);
      const counts = await countCorpus(
        tokenizer,
        declarations.map((d) => d.text),
        cancellations.hooks(requestId, (p) => onProgress?.(p.done, p.total)),
      );
      return transfer(counts, [counts.buffer]);
    },
  };
}
