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

/** Whether a script value is a placeholder that takes its neighbours' script. */
function isNeutral(scripts: CodePointScripts): boolean {
  return (
    scripts.extensions.length === 1 &&
    (scripts.extensions[0] === "Common" ||
      scripts.extensions[0] === "Inherited" ||
      scripts.extensions[0] === "Unknown")
  );
}

/**
 * The resolved script of every code point (one entry per code point, in order). Following UAX #24:
 * Inherited characters (combining marks) take the script of the character before them; other Common
 * characters (spaces, punctuation, digits, emoji) take the script of the text around them — the one
 * before, or at the start the one after; a character whose Script_Extensions lists several scripts takes
 * the neighbouring script when it is among them. Text with no script at all stays "Common".
 */
export function resolveScripts(text: string): string[] {
  const points = Array.from(text, (ch) => codePointScripts(ch.codePointAt(0)!));
  const resolved: (string | null)[] = points.map((p) =>
    isNeutral(p) ? null : p.extensions.length === 1 ? p.extensions[0]! : null,
  );
  // Multi-script characters (e.g. the Devanagari danda, used by several Indic scripts) follow a neighbour.
  const nextSingle: (string | null)[] = new Array(points.length).fill(null);
  for (let i = points.length - 2; i >= 0; i--) nextSingle[i] = resolved[i + 1] ?? nextSingle[i + 1] ?? null;
  let previous: string | null = null;
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (resolved[i] === null && !isNeutral(p)) {
      const next = nextSingle[i];
      resolved[i] =
        previous && p.extensions.includes(previous)
          ? previous
          : next && p.extensions.includes(next)
            ? next
            : p.extensions[0]!;
    }
    if (resolved[i] !== null) previous = resolved[i]!;
  }
  // Neutral characters: the script before them, else the one after, else Common.
  let last: string | null = null;
  for (let i = 0; i < resolved.length; i++) {
    if (resolved[i] === null) resolved[i] = last;
    else last = resolved[i]!;
  }
  let following: string | null = null;
  for (let i = resolved.length - 1; i >= 0; i--) {
    if (resolved[i] === null) resolved[i] = following ?? "Common";
    else following = resolved[i]!;
  }
  return resolved as string[];
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
  const scripts = resolveScripts(text);
  const runs: ScriptRun[] = [];
  let utf16 = 0;
  let byte = 0;
  let k = 0;
  for (const ch of text) {
    const script = scripts[k++]!;
    const cp = ch.codePointAt(0)!;
    const bytes = cp >= 0xd800 && cp <= 0xdfff ? 3 : cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    const last = runs[runs.length - 1];
    if (last && last.script === script) {
      last.utf16End += ch.length;
      last.byteEnd += bytes;
    } else {
      runs.push({
        script,
        utf16Start: utf16,
        utf16End: utf16 + ch.length,
        byteStart: byte,
        byteEnd: byte + bytes,
      });
    }
    utf16 += ch.length;
    byte += bytes;
  }
  return runs;
}
