import { utf8ByteLength } from "../../text/utf8";
import { inRanges } from "../tiktoken/pinned-unicode";
import { AlignedBuilder, type AlignedText } from "./aligned-text";
import { NORMALIZATION_DRIFT_RANGES } from "./normalization-drift";

/** A Unicode normalization form. */
export type UnicodeForm = "NFC" | "NFD" | "NFKC" | "NFKD";

const starterCaches = { NFD: new Map<number, boolean>(), NFKD: new Map<number, boolean>() };

/**
 * Whether a code point's decomposition (canonical, or compatibility for the K forms: U+FF9E HALFWIDTH KATAKANA
 * VOICED SOUND MARK is a starter whose compatibility decomposition is not) starts with a starter (canonical
 * combining class 0). Tested through the engine's own normalization: U+0345 has the highest combining class
 * (240), so any other non-starter placed after it is reordered in front of it by canonical ordering.
 */
function startsWithStarter(codePoint: number, decomposition: "NFD" | "NFKD" = "NFD"): boolean {
  const cache = starterCaches[decomposition];
  let verdict = cache.get(codePoint);
  if (verdict === undefined) {
    const first = String.fromCodePoint(codePoint).normalize(decomposition).codePointAt(0)!;
    const probe = `a\u0345${String.fromCodePoint(first)}`;
    verdict = first !== 0x345 && probe.normalize("NFD") === probe;
    cache.set(codePoint, verdict);
  }
  return verdict;
}

/** Whether the Rust library's (older) normalization tables leave this code point alone where the engine does not. */
function drifted(codePoint: number): boolean {
  return codePoint >= 0x7fd && inRanges(NORMALIZATION_DRIFT_RANGES, codePoint);
}

/** Chunks of at most about this many units are normalized whole when normalization leaves them unchanged. */
const CHUNK = 256;

/**
 * Unicode normalization with alignment, as the Rust tokenizers library does it: the text is cut into segments
 * that normalize independently (a new segment starts at a starter that does not compose with what precedes
 * it), each segment is normalized on its own; unchanged segments keep byte-exact alignment, and a changed
 * segment with as many code points as before is aligned code point by code point (reordered marks). Code
 * points the Rust library's older tables do not normalize ({@link NORMALIZATION_DRIFT_RANGES}) stay as they
 * are. Text that is already normalized comes back as is.
 */
export function normalizeAligned(source: AlignedText, form: UnicodeForm): AlignedText {
  const text = source.text;
  if (text.normalize(form) === text) return source;
  const builder = new AlignedBuilder(source);
  let unit = 0;
  let byte = 0;
  while (unit < text.length) {
    // Take a chunk ending before an ASCII character (ASCII never composes with what precedes it).
    let end = Math.min(text.length, unit + CHUNK);
    while (end < text.length && text.charCodeAt(end) >= 0x80) end++;
    const chunk = text.slice(unit, end);
    const chunkBytes = utf8ByteLength(chunk);
    if (chunk.normalize(form) === chunk && !hasDrift(chunk)) builder.keep(unit, end, byte, chunkBytes);
    else normalizeSegments(chunk, unit, byte, form, builder);
    unit = end;
    byte += chunkBytes;
  }
  return builder.finish();
}

function normalizeSegments(
  chunk: string,
  unitBase: number,
  byteBase: number,
  form: UnicodeForm,
  builder: AlignedBuilder,
): void {
  const decomposition = form === "NFKC" || form === "NFKD" ? "NFKD" : "NFD";
  let segStart = 0; // units into chunk
  let segByte = 0; // bytes into chunk
  let byte = 0;
  const flush = (endUnit: number, endByte: number): void => {
    if (endUnit <= segStart) return;
    const segment = chunk.slice(segStart, endUnit);
    const image = drifted(segment.codePointAt(0)!) ? segment : segment.normalize(form);
    if (image === segment)
      builder.keep(unitBase + segStart, unitBase + endUnit, byteBase + segByte, endByte - segByte);
    else alignChanged(segment, image, unitBase + segStart, byteBase + segByte, form, builder);
    segStart = endUnit;
    segByte = endByte;
  };
  for (let i = 0; i < chunk.length;) {
    const code = chunk.codePointAt(i)!;
    const units = code > 0xffff ? 2 : 1;
    if (i > segStart && (drifted(code) || drifted(chunk.codePointAt(segStart)!))) flush(i, byte);
    else if (i > segStart && startsWithStarter(code, decomposition)) {
      const segment = chunk.slice(segStart, i);
      const char = chunk.slice(i, i + units);
      if ((segment + char).normalize(form) === segment.normalize(form) + char.normalize(form)) flush(i, byte);
    }
    i += units;
    byte += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  flush(chunk.length, byte);
}

function hasDrift(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (code > 0xffff) i++;
    if (drifted(code)) return true;
  }
  return false;
}

/**
 * A changed segment, aligned the way the Rust library aligns it: its normalizer tags every output character
 * with a change (0: it stands for the next input character, 1: it was inserted, -n: it absorbed the next
 * n + 1 input characters), and `NormalizedString` maps each output character onto the input character it
 * stands for (a composite onto the first it absorbed) and an inserted one onto the input character before it.
 * So a composite followed by an inserted character covers its first input character and the inserted one the
 * rest (the Rust library's spans, contiguous); otherwise a composite covers all it absorbed and an inserted
 * character is empty, at the boundary where it was inserted (where the Rust library's spans overlap). When the
 * tags do not spell the image or do not account for every input character (the engine's data disagreeing with
 * itself), the whole image replaces the whole segment.
 */
function alignChanged(
  segment: string,
  image: string,
  unit: number,
  byte: number,
  form: UnicodeForm,
  builder: AlignedBuilder,
): void {
  const tagged = changeTags(segment, form);
  const inputs = [...segment];
  if (tagged.map((item) => item.char).join("") !== image || consumed(tagged) !== inputs.length) {
    builder.replace(image, byte, byte + utf8ByteLength(segment));
    return;
  }
  const unitAt = [unit];
  const byteAt = [byte];
  for (const char of inputs) {
    unitAt.push(unitAt[unitAt.length - 1]! + char.length);
    byteAt.push(byteAt[byteAt.length - 1]! + utf8ByteLength(char));
  }
  let next = 0; // index of the next input character
  let gap = -1; // where input characters absorbed by a composite but not yet covered start (bytes), or -1
  tagged.forEach(({ char, change }, k) => {
    if (change > 0) {
      builder.replace(char, gap < 0 ? byteAt[next]! : gap, byteAt[next]!);
      gap = -1;
      return;
    }
    const end = next + 1 - change;
    if (change === 0 && char === inputs[next])
      builder.keep(unitAt[next]!, unitAt[end]!, byteAt[next]!, byteAt[end]! - byteAt[next]!);
    else if (change < 0 && (tagged[k + 1]?.change ?? 0) > 0) {
      builder.replace(char, byteAt[next]!, byteAt[next + 1]!);
      gap = byteAt[next + 1]!;
    } else builder.replace(char, byteAt[next]!, byteAt[end]!);
    next = end;
  });
}

interface Tagged {
  readonly char: string;
  readonly change: number;
}

/** How many input characters the tagged output stands for. */
function consumed(tagged: readonly Tagged[]): number {
  let count = 0;
  for (const { change } of tagged) if (change <= 0) count += 1 - change;
  return count;
}

/**
 * The output of the Rust library's normalizer (the `unicode-normalization-alignments` crate) with its change
 * tags: each character decomposed on its own (its first part tagged 0, the others 1), runs of non-starters
 * stably sorted by combining class, then — for the composed forms — canonical composition, where a character
 * that composes into its starter adds its tag to the starter's, less one. Combining classes and compositions
 * are asked of the engine's own normalization (the code points where it differs from the Rust library's are
 * never normalized, see {@link drifted}).
 */
function changeTags(segment: string, form: UnicodeForm): Tagged[] {
  const decomposed: Tagged[] = [];
  const decomposition = form === "NFKC" || form === "NFKD" ? "NFKD" : "NFD";
  let pending = 0; // where the run to sort starts
  for (const input of segment) {
    [...input.normalize(decomposition)].forEach((char, k) => {
      if (isStarter(char)) {
        sortByCombiningClass(decomposed, pending);
        pending = decomposed.length;
      }
      decomposed.push({ char, change: k === 0 ? 0 : 1 });
    });
  }
  sortByCombiningClass(decomposed, pending);
  return form === "NFC" || form === "NFKC" ? recompose(decomposed) : decomposed;
}

/** Stable insertion sort of `items[from..]` by combining class (runs are a few characters long). */
function sortByCombiningClass(items: Tagged[], from: number): void {
  for (let i = from + 1; i < items.length; i++) {
    const item = items[i]!;
    let j = i;
    while (j > from && compareCombiningClass(items[j - 1]!.char, item.char) > 0) {
      items[j] = items[j - 1]!;
      j--;
    }
    items[j] = item;
  }
}

/** Canonical composition of decomposed, tagged characters, step by step as the Rust crate's `Recompositions`. */
function recompose(items: readonly Tagged[]): Tagged[] {
  const out: Tagged[] = [];
  let composee: Tagged | null = null;
  let blocked: Tagged[] = []; // non-starters after the composee that did not compose
  for (const item of items) {
    const starter = isStarter(item.char);
    if (!composee) {
      if (starter) composee = item;
      else out.push(item);
      continue;
    }
    const last = blocked[blocked.length - 1];
    if (last && compareCombiningClass(last.char, item.char) >= 0) {
      if (starter) {
        out.push(composee, ...blocked);
        blocked = [];
        composee = item;
      } else blocked.push(item);
      continue;
    }
    const composite = compose(composee.char, item.char);
    if (composite !== null) composee = { char: composite, change: composee.change + item.change - 1 };
    else if (starter && !last) {
      out.push(composee);
      composee = item;
    } else blocked.push(item);
  }
  if (composee) out.push(composee);
  out.push(...blocked);
  return out;
}

/** Whether a (decomposed) character has combining class 0. */
function isStarter(char: string): boolean {
  return startsWithStarter(char.codePointAt(0)!);
}

const compositionCache = new Map<string, string | null>();

/** The primary composite of a starter and the next character, if there is one (the engine's NFC of the pair). */
function compose(starter: string, next: string): string | null {
  const key = starter + next;
  let composite = compositionCache.get(key);
  if (composite === undefined) {
    const image = key.normalize("NFC");
    composite = image !== key && [...image].length === 1 ? image : null;
    compositionCache.set(key, composite);
  }
  return composite;
}

const classOrderCache = new Map<string, number>();

/**
 * The sign of ccc(a) − ccc(b) for two decomposed characters, from the engine's canonical ordering: after a
 * starter, two non-starters are swapped exactly when the first has the higher class.
 */
function compareCombiningClass(a: string, b: string): number {
  const aStarter = isStarter(a);
  const bStarter = isStarter(b);
  if (aStarter || bStarter) return aStarter === bStarter ? 0 : aStarter ? -1 : 1;
  if (a === b) return 0;
  const key = `${a}\u0000${b}`;
  let order = classOrderCache.get(key);
  if (order === undefined) {
    order =
      `x${a}${b}`.normalize("NFD") === `x${b}${a}`
        ? 1
        : `x${b}${a}`.normalize("NFD") === `x${a}${b}`
          ? -1
          : 0;
    classOrderCache.set(key, order);
  }
  return order;
}
