/** `<package version>+<lockfile digest>`: changes whenever the app or any dependency changes (set by Vite). */
declare const __BUILD_ID__: string;

/** A BPE tokenizer.json compiled at build time (`scripts/vite/compiled-tokenizers.ts`): the asset's URL. */
declare module "*?bpe-compiled" {
  const url: string;
  export default url;
}
