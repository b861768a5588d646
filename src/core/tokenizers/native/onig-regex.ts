import { foldInlineCaseInsensitive } from "../../bpe/pretokenize";
import { engineAgreesOn } from "../tiktoken/pinned-unicode";
import { withPinnedClassesWherePinned, withUnicodeWhiteSpace } from "../tiktoken/patterns";

/**
 * The global RegExp to use for a tokenizer.json `Regex` pattern (the Rust library compiles them with
 * Oniguruma) on a given text. The translation is the tiktoken family's: `(?i:…)` folded by hand with Unicode
 * simple case folding (ſ, K), `\s` as Unicode White_Space, and `\p{L}`, `\p{N}`, `\p{M}`… pinned to Unicode
 * 16 — what the Rust library's Oniguruma has (checked against the `tokenizers` binding); other properties
 * keep the engine's meaning. The engine's own classes are used whenever they agree with the pinned ones on
 * every code point of the text (several times faster in V8); the split is the same either way.
 * @throws Error with a message for the user when the pattern uses what JavaScript cannot run (atomic groups,
 *   possessive quantifiers, `\A`, `\h`…).
 */
export function compileOnigPattern(pattern: string): (text: string) => RegExp {
  try {
    const folded = foldInlineCaseInsensitive(pattern);
    const pinned = new RegExp(withPinnedClassesWherePinned(folded), "gu");
    const engine = new RegExp(withUnicodeWhiteSpace(folded), "gu");
    return (text) => (engineAgreesOn(text) ? engine : pinned);
  } catch (error) {
    throw new Error(`The regex ${JSON.stringify(pattern)} is not supported: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
