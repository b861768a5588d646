import { countLoneSurrogates } from "../text/utf8";
import { isWellFormed } from "../text/well-formed";

/** Notes every adapter attaches about the input itself (lone surrogates, which UTF-8 cannot hold). */
export function inputNotes(text: string): string[] {
  if (isWellFormed(text)) return [];
  const lone = countLoneSurrogates(text);
  if (lone === 0) return [];
  return [
    `${lone} lone surrogate${lone === 1 ? "" : "s"} (half of a UTF-16 pair) cannot be UTF-8; ` +
      `tokenized as U+FFFD (EF BF BD), as the tokenizer libraries do.`,
  ];
}
