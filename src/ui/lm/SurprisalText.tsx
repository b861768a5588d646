import { readableTextOn } from "../charts/readable-text";
import { charCosts } from "../../core/lm/text-costs";
import { surprisalColor, SURPRISAL_STOPS } from "./surprisal-color";

/** Characters drawn at most (a span each); the statistics cover the whole scored text. */
const MAX_CHARS = 6_000;

interface SurprisalTextProps {
  text: string;
  bits: Float32Array;
  caret: number;
  onCaret(byteOffset: number): void;
}

/** The scored text, every character coloured by the mean bits of its bytes; click to move the caret. */
export function SurprisalText({ text, bits, caret, onCaret }: SurprisalTextProps) {
  const chars = charCosts(text, bits);
  const shown = chars.slice(0, MAX_CHARS);
  return (
    <div className="surprisal">
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
      <p className="surprisal-text" data-testid="surprisal-text">
        {shown.map((c) => (
          <span
            key={c.utf16Start}
            data-testid="surprisal-char"
            data-bits={c.meanBits.toFixed(3)}
            className={c.byteEnd === caret ? "caret" : undefined}
            style={{ background: surprisalColor(c.meanBits) }}
            title={`${c.meanBits.toFixed(2)} bits/byte over ${c.byteEnd - c.byteStart} byte(s) at byte ${c.byteStart}`}
            onClick={() => onCaret(c.byteEnd)}
          >
            {text.slice(c.utf16Start, c.utf16End)}
          </span>
        ))}
        {chars.length > MAX_CHARS && (
          <span className="muted">
            {" "}
            … ({(chars.length - MAX_CHARS).toLocaleString()} more characters scored, not drawn)
          </span>
        )}
      </p>
    </div>
  );
}
