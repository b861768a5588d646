import { useMemo } from "react";
import { readableTextOn } from "../charts/readable-text";
import { charCosts, type CharCost } from "../../core/lm/text-costs";
import { surprisalColor, surprisalLevelClass, surprisalLevelRules, SURPRISAL_STOPS } from "./surprisal-color";
import { formatCount } from "../format-count";

/** Characters drawn at most (a span each); the statistics cover the whole scored text. */
const MAX_CHARS = 6_000;

/** The colour classes' rules (numbers only, no user input), drawn with the text. */
const LEVEL_RULES = surprisalLevelRules();

interface SurprisalTextProps {
  text: string;
  bits: Float32Array;
  caret: number;
  onCaret(byteOffset: number): void;
}

/** What a character's tooltip says. */
function describe(c: CharCost): string {
  return `${c.meanBits.toFixed(2)} bits/byte over ${c.byteEnd - c.byteStart} byte(s) at byte ${c.byteStart}`;
}

/**
 * The scored text, every character coloured by the mean bits of its bytes; click to move the caret. A span per
 * character, kept cheap to create (the view draws them all at once when the scores arrive): its colour is a class,
 * and the click and the tooltip are handled once for the whole text, the tooltip written when a character is
 * pointed at.
 */
export function SurprisalText({ text, bits, caret, onCaret }: SurprisalTextProps) {
  const chars = useMemo(() => charCosts(text, bits), [text, bits]);
  const shown = chars.length > MAX_CHARS ? chars.slice(0, MAX_CHARS) : chars;
  /** The character span an event happened in, and its character. */
  const charAt = (target: EventTarget): [HTMLElement, CharCost] | null => {
    const span = (target as HTMLElement).closest?.<HTMLElement>("[data-char]");
    const c = span ? shown[Number(span.dataset.char)] : undefined;
    return span && c ? [span, c] : null;
  };
  return (
    <div className="surprisal">
      <style>{LEVEL_RULES}</style>
      <div className="surprisal-legend" aria-label="Legend: bits per byte">
        {SURPRISAL_STOPS.map((stop) => (
          <span
            key={stop}
            style={{ background: surprisalColor(stop), color: readableTextOn(surprisalColor(stop)) }}
          >
            {stop}
          </span>
        ))}{" "}
        <span className="muted">
          bits per byte (mean over a character&apos;s bytes); click a character to predict what follows it
        </span>
      </div>
      <p
        className="surprisal-text"
        data-testid="surprisal-text"
        onClick={(event) => {
          const at = charAt(event.target);
          if (at) onCaret(at[1].byteEnd);
        }}
        onMouseOver={(event) => {
          // Written on every visit: a span is reused for the same character of a new score.
          const at = charAt(event.target);
          if (at) at[0].title = describe(at[1]);
        }}
      >
        {shown.map((c, index) => (
          <span
            key={c.utf16Start}
            data-testid="surprisal-char"
            data-char={index}
            className={
              c.byteEnd === caret
                ? `${surprisalLevelClass(c.meanBits)} caret`
                : surprisalLevelClass(c.meanBits)
            }
          >
            {text.slice(c.utf16Start, c.utf16End)}
          </span>
        ))}
        {chars.length > MAX_CHARS && (
          <span className="muted">
            {" "}
            … ({formatCount(chars.length - MAX_CHARS)} more characters scored, not drawn)
          </span>
        )}
      </p>
    </div>
  );
}
