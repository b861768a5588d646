import type { TextCounts } from "./lane-stats";
import { scriptProfile, type ScriptProfile } from "./script-stats";

/** Everything the lanes share about a text: its counts and its per-script profile. */
export interface TextAnalysis {
  counts: TextCounts;
  profile: ScriptProfile;
}

/**
 * Counts and script profile of a text with one grapheme and one word segmentation (the slow part), so a
 * megabyte is segmented once, not once per lane.
 */
export function analyzeText(text: string): TextAnalysis {
  const profile = scriptProfile(text);
  const sum = (values: Float64Array) => values.reduce((total, value) => total + value, 0);
  let codePoints = 0;
  let lines = text.length === 0 ? 0 : 1;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 10) lines++;
    // A surrogate pair is one code point; a lone surrogate counts as one (it becomes U+FFFD).
    if (unit >= 0xdc00 && unit <= 0xdfff && i > 0) {
      const previous = text.charCodeAt(i - 1);
      if (previous >= 0xd800 && previous <= 0xdbff) continue;
    }
    codePoints++;
  }
  return {
    counts: {
      bytes: sum(profile.bytes),
      codePoints,
      characters: sum(profile.characters),
      words: sum(profile.words),
      lines,
    },
    profile,
  };
}
