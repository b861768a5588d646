import { codePointUtf8Length } from "./utf8";

/**
 * Unicode scripts (the Script and Script_Extensions properties, UAX #24) of the code points of a text, via
 * the runtime's own Unicode tables (`\p{Script=…}` / `\p{Script_Extensions=…}` in RegExp).
 */

/** Script property values, most frequent first so that lookups usually stop early. */
const SCRIPT_NAMES = [
  "Latin",
  "Common",
  "Inherited",
  "Han",
  "Cyrillic",
  "Arabic",
  "Devanagari",
  "Hiragana",
  "Katakana",
  "Hangul",
  "Greek",
  "Hebrew",
  "Thai",
  "Bengali",
  "Tamil",
  "Telugu",
  "Gujarati",
  "Gurmukhi",
  "Kannada",
  "Malayalam",
  "Oriya",
  "Sinhala",
  "Myanmar",
  "Khmer",
  "Lao",
  "Tibetan",
  "Georgian",
  "Armenian",
  "Ethiopic",
  "Thaana",
  "Syriac",
  "Mongolian",
  "Cherokee",
  "Canadian_Aboriginal",
  "Tifinagh",
  "Nko",
  "Vai",
  "Yi",
  "Bopomofo",
  "Ol_Chiki",
  "Adlam",
  "Javanese",
  "Balinese",
  "Sundanese",
  "Buginese",
  "Batak",
  "Tagalog",
  "Hanunoo",
  "Buhid",
  "Tagbanwa",
  "Lisu",
  "Tai_Le",
  "New_Tai_Lue",
  "Tai_Tham",
  "Tai_Viet",
  "Cham",
  "Kayah_Li",
  "Lepcha",
  "Limbu",
  "Meetei_Mayek",
  "Saurashtra",
  "Chakma",
  "Bamum",
  "Osage",
  "Hanifi_Rohingya",
  "Wancho",
  "Nyiakeng_Puachue_Hmong",
  "Pahawh_Hmong",
  "Miao",
  "Mende_Kikakui",
  "Bassa_Vah",
  "Samaritan",
  "Mandaic",
  "Syloti_Nagri",
  "Rejang",
  "Coptic",
  "Glagolitic",
  "Gothic",
  "Runic",
  "Ogham",
  "Old_Italic",
  "Deseret",
  "Shavian",
  "Osmanya",
  "Braille",
  "Phags_Pa",
  "Kharoshthi",
  "Brahmi",
  "Kaithi",
  "Sharada",
  "Takri",
  "Grantha",
  "Tirhuta",
  "Newa",
  "Modi",
  "Siddham",
  "Khojki",
  "Khudawadi",
  "Mahajani",
  "Multani",
  "Dogra",
  "Nandinagari",
  "Masaram_Gondi",
  "Gunjala_Gondi",
  "Makasar",
  "Medefaidrin",
  "Soyombo",
  "Zanabazar_Square",
  "Bhaiksuki",
  "Marchen",
  "Ahom",
  "Tangut",
  "Nushu",
  "Khitan_Small_Script",
  "Linear_A",
  "Linear_B",
  "Cypriot",
  "Cypro_Minoan",
  "Ugaritic",
  "Old_Persian",
  "Cuneiform",
  "Egyptian_Hieroglyphs",
  "Anatolian_Hieroglyphs",
  "Meroitic_Cursive",
  "Meroitic_Hieroglyphs",
  "Phoenician",
  "Imperial_Aramaic",
  "Old_South_Arabian",
  "Old_North_Arabian",
  "Inscriptional_Parthian",
  "Inscriptional_Pahlavi",
  "Psalter_Pahlavi",
  "Avestan",
  "Old_Turkic",
  "Old_Hungarian",
  "Old_Permic",
  "Old_Sogdian",
  "Sogdian",
  "Old_Uyghur",
  "Chorasmian",
  "Elymaic",
  "Hatran",
  "Nabataean",
  "Palmyrene",
  "Manichaean",
  "Caucasian_Albanian",
  "Elbasan",
  "Vithkuqi",
  "Lycian",
  "Lydian",
  "Carian",
  "Duployan",
  "SignWriting",
  "Sora_Sompeng",
  "Mro",
  "Pau_Cin_Hau",
  "Warang_Citi",
  "Tangsa",
  "Toto",
  "Yezidi",
  "Dives_Akuru",
  "Kawi",
  "Nag_Mundari",
  "Garay",
  "Gurung_Khema",
  "Kirat_Rai",
  "Ol_Onal",
  "Sunuwar",
  "Todhri",
  "Tulu_Tigalari",
];

interface ScriptMatcher {
  name: string;
  script: RegExp;
  extensions: RegExp;
}

let matchers: ScriptMatcher[] | undefined;

/** The scripts this runtime knows (names it does not know, from newer Unicode versions, are skipped). */
function scriptMatchers(): ScriptMatcher[] {
  if (matchers) return matchers;
  matchers = [];
  for (const name of SCRIPT_NAMES) {
    try {
      matchers.push({
        name,
        script: new RegExp(`^\\p{Script=${name}}$`, "u"),
        extensions: new RegExp(`^\\p{Script_Extensions=${name}}$`, "u"),
      });
    } catch {
      // Not in this runtime's Unicode version.
    }
  }
  return matchers;
}

/** What a code point says about its script. */
export interface CodePointScripts {
  /** The Script property ("Common", "Inherited", "Unknown" included). */
  script: string;
  /** Script_Extensions: the scripts it is used with (for most code points, just `script`). */
  extensions: readonly string[];
}

const cache = new Map<number, CodePointScripts>();

/** Script and Script_Extensions of one code point (memoized). */
export function codePointScripts(codePoint: number): CodePointScripts {
  const hit = cache.get(codePoint);
  if (hit) return hit;
  const ch = String.fromCodePoint(codePoint);
  const all = scriptMatchers();
  const script = all.find((m) => m.script.test(ch))?.name ?? "Unknown";
  let extensions: string[] = [script];
  if (script === "Common" || script === "Inherited") {
    const found = all
      .filter((m) => m.name !== "Common" && m.name !== "Inherited" && m.extensions.test(ch))
      .map((m) => m.name);
    if (found.length > 0) extensions = found;
  }
  const result = { script, extensions };
  cache.set(codePoint, result);
  return result;
}

/** Script names as small integers, so that resolution works on typed arrays. */
const internedNames: string[] = [];
const internedIds = new Map<string, number>();
function intern(name: string): number {
  let id = internedIds.get(name);
  if (id === undefined) {
    id = internedNames.push(name) - 1;
    internedIds.set(name, id);
  }
  return id;
}
const COMMON = intern("Common");
/** No script decided yet. */
const NONE = -1;

/** What resolution needs of a code point: its Script_Extensions as ids, and whether it is neutral. */
interface ResolutionInfo {
  /** Common, Inherited or Unknown with no other extension: takes its neighbours' script. */
  neutral: boolean;
  extensions: Int32Array;
}
/** By code point below U+10000 (an array lookup while typing; allocated whole, so it stays a fast array). */
const basicInfo = new Array<ResolutionInfo | undefined>(0x10000).fill(undefined);
const astralInfo = new Map<number, ResolutionInfo>();

function resolutionInfo(codePoint: number): ResolutionInfo {
  let info = codePoint < 0x10000 ? basicInfo[codePoint] : astralInfo.get(codePoint);
  if (info) return info;
  const { extensions } = codePointScripts(codePoint);
  info = {
    neutral:
      extensions.length === 1 &&
      (extensions[0] === "Common" || extensions[0] === "Inherited" || extensions[0] === "Unknown"),
    extensions: Int32Array.from(extensions, intern),
  };
  if (codePoint < 0x10000) basicInfo[codePoint] = info;
  else astralInfo.set(codePoint, info);
  return info;
}

/** The code points of a text as `for…of` yields them: a lone surrogate is one code point of its own. */
function codePointsOf(text: string): Uint32Array {
  const points = new Uint32Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        points[n++] = 0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00);
        i++;
        continue;
      }
    }
    points[n++] = unit;
  }
  return points.subarray(0, n);
}

function includes(extensions: Int32Array, id: number): boolean {
  for (let i = 0; i < extensions.length; i++) if (extensions[i] === id) return true;
  return false;
}

/**
 * The resolved script id of every code point (see {@link resolveScripts}), on typed arrays: a 10 KB text is
 * resolved in a fraction of a millisecond, once per keystroke.
 */
function resolveScriptIds(points: Uint32Array): Int32Array {
  const n = points.length;
  const resolved = new Int32Array(n);
  let multiScript = false;
  for (let i = 0; i < n; i++) {
    const info = resolutionInfo(points[i]!);
    if (info.neutral || info.extensions.length !== 1) {
      resolved[i] = NONE;
      if (!info.neutral) multiScript = true;
    } else resolved[i] = info.extensions[0]!;
  }
  if (multiScript) resolveMultiScript(points, resolved);
  // Neutral characters: the script before them, else the one after, else Common.
  let last = NONE;
  for (let i = 0; i < n; i++) {
    if (resolved[i] === NONE) resolved[i] = last;
    else last = resolved[i]!;
  }
  let following = NONE;
  for (let i = n - 1; i >= 0; i--) {
    if (resolved[i] === NONE) resolved[i] = following !== NONE ? following : COMMON;
    else following = resolved[i]!;
  }
  return resolved;
}

/**
 * Multi-script characters (e.g. the Devanagari danda, used by several Indic scripts) follow a neighbour: the
 * script before them if they list it, else the next single-script character's if they list it, else their first.
 */
function resolveMultiScript(points: Uint32Array, resolved: Int32Array): void {
  const n = points.length;
  const nextSingle = new Int32Array(n).fill(NONE);
  for (let i = n - 2; i >= 0; i--)
    nextSingle[i] = resolved[i + 1] !== NONE ? resolved[i + 1]! : nextSingle[i + 1]!;
  let previous = NONE;
  for (let i = 0; i < n; i++) {
    const info = resolutionInfo(points[i]!);
    if (resolved[i] === NONE && !info.neutral) {
      const next = nextSingle[i]!;
      resolved[i] =
        previous !== NONE && includes(info.extensions, previous)
          ? previous
          : next !== NONE && includes(info.extensions, next)
            ? next
            : info.extensions[0]!;
    }
    if (resolved[i] !== NONE) previous = resolved[i]!;
  }
}

/**
 * The resolved script of every code point (one entry per code point, in order). Following UAX #24:
 * Inherited characters (combining marks) take the script of the character before them; other Common
 * characters (spaces, punctuation, digits, emoji) take the script of the text around them — the one
 * before, or at the start the one after; a character whose Script_Extensions lists several scripts takes
 * the neighbouring script when it is among them. Text with no script at all stays "Common".
 */
export function resolveScripts(text: string): string[] {
  return Array.from(resolveScriptIds(codePointsOf(text)), (id) => internedNames[id]!);
}

/** A maximal stretch of text in one resolved script. */
export interface ScriptRun {
  script: string;
  utf16Start: number;
  utf16End: number;
  byteStart: number;
  byteEnd: number;
}

/** The text cut into runs of one resolved script, with UTF-16 and UTF-8 offsets. */
export function scriptRuns(text: string): ScriptRun[] {
  const points = codePointsOf(text);
  const scripts = resolveScriptIds(points);
  const runs: ScriptRun[] = [];
  let utf16 = 0;
  let byte = 0;
  let last: ScriptRun | undefined;
  let lastId = NONE;
  for (let k = 0; k < points.length; k++) {
    const cp = points[k]!;
    const id = scripts[k]!;
    const units = cp >= 0x10000 ? 2 : 1;
    const bytes = codePointUtf8Length(cp);
    if (last && lastId === id) {
      last.utf16End += units;
      last.byteEnd += bytes;
    } else {
      last = {
        script: internedNames[id]!,
        utf16Start: utf16,
        utf16End: utf16 + units,
        byteStart: byte,
        byteEnd: byte + bytes,
      };
      lastId = id;
      runs.push(last);
    }
    utf16 += units;
    byte += bytes;
  }
  return runs;
}
