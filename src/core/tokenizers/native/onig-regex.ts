import { engineAgreesOn, pinnedClassBody } from "../tiktoken/pinned-unicode";

/**
 * Translates a tokenizer.json regex (the Rust library compiles them with Oniguruma) into a JavaScript
 * RegExp that matches the same strings:
 * - `\s` / `\S` are Unicode White_Space (Oniguruma's), which JavaScript's `\s` is not (U+0085, U+FEFF);
 * - `\p{L}`, `\p{N}`, `\p{M}` and their subcategories use the Unicode 16 tables the Rust library's
 *   Oniguruma has (checked against the `tokenizers` binding), not the engine's newer ones;
 * - `(?i:…)` (which JavaScript engines of today may lack) is expanded into case classes, with Unicode
 *   simple case folding's extra members (`ſ` for s, `K` Kelvin for k).
 * @throws Error naming the construct when the pattern cannot be translated.
 */
export function onigToJavaScript(pattern: string, pinned = true): string {
  let out = "";
  let inClass = false;
  let caseless = 0; // depth of (?i: groups
  const groups: boolean[] = []; // per open group: whether it is a (?i: group
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === "\\") {
      const next = pattern[i + 1];
      if (next === undefined) throw new Error("the pattern ends with a lone backslash");
      i++;
      if (next === "s") out += inClass ? WHITE_SPACE : `[${WHITE_SPACE}]`;
      else if (next === "S") {
        if (inClass) throw new Error("\\S inside a character class is not supported");
        out += `[^${WHITE_SPACE}]`;
      } else if ((next === "p" || next === "P") && pattern[i + 1] === "{") {
        const close = pattern.indexOf("}", i);
        if (close < 0) throw new Error("unterminated \\p{…}");
        const name = pattern.slice(i + 2, close);
        const body = pinnedClassBody(name);
        if (body === undefined || next === "P" || !pinned) out += `\\${next}{${name}}`;
        else out += inClass ? body : `[${body}]`;
        i = close;
      } else if ("AzZGhHRXK".includes(next)) {
        throw new Error(`the Oniguruma escape \\${next} is not supported`);
      } else if (
        caseless > 0 &&
        !inClass &&
        /[A-Za-z]/.test(next) &&
        !"dDwWbBnrtfvux0123456789".includes(next)
      ) {
        out += caseClass(next);
      } else out += `\\${next}`;
      continue;
    }
    if (inClass) {
      if (ch === "]") inClass = false;
      else if (ch === "[") throw new Error("nested character classes are not supported");
      out += ch;
      continue;
    }
    if (ch === "[") {
      inClass = true;
      out += ch;
      if (pattern[i + 1] === "^") {
        out += "^";
        i++;
      }
      if (pattern[i + 1] === "]") {
        out += "\\]";
        i++;
      }
      continue;
    }
    if (ch === "(") {
      if (pattern.startsWith("(?i:", i)) {
        groups.push(true);
        caseless++;
        out += "(?:";
        i += 3;
        continue;
      }
      if (pattern.startsWith("(?>", i)) throw new Error("atomic groups (?>…) are not supported");
      if (pattern.startsWith("(?", i) && !/^\(\?(?::|=|!|<=|<!|<[A-Za-z])/.test(pattern.slice(i, i + 4)))
        throw new Error(`the group ${pattern.slice(i, i + 4)}… is not supported`);
      groups.push(false);
      out += ch;
      continue;
    }
    if (ch === ")") {
      if (groups.pop()) caseless--;
      out += ch;
      continue;
    }
    if ((ch === "+" || ch === "?" || ch === "*" || ch === "}") && pattern[i + 1] === "+")
      throw new Error("possessive quantifiers are not supported");
    out += caseless > 0 && /[A-Za-z]/.test(ch) ? caseClass(ch) : ch;
  }
  return out;
}

/** Unicode White_Space: what Oniguruma's (and Rust's) `\s` matches. */
export const WHITE_SPACE = String.raw`\t-\r \x85\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000`;

function caseClass(letter: string): string {
  const lower = letter.toLowerCase();
  const upper = letter.toUpperCase();
  const extra = lower === "s" ? "\u017F" : lower === "k" ? "\u212A" : "";
  return `[${lower}${upper}${extra}]`;
}

/**
 * The global RegExp to use for a tokenizer.json `Regex` pattern on a given text: the engine's own `\p{…}`
 * (several times faster in V8 than the long pinned classes) when the engine and the pinned Unicode agree on
 * every code point of the text, the pinned one otherwise — the split is the same either way.
 * @throws Error with a message for the user when the pattern cannot be translated or compiled.
 */
export function compileOnigPattern(pattern: string): (text: string) => RegExp {
  try {
    const pinned = new RegExp(onigToJavaScript(pattern, true), "gu");
    const engine = new RegExp(onigToJavaScript(pattern, false), "gu");
    return (text) => (engineAgreesOn(text) ? engine : pinned);
  } catch (error) {
    throw new Error(`The regex ${JSON.stringify(pattern)} is not supported: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
