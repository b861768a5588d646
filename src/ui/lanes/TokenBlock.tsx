import { memo } from "react";
import { tokenSegments } from "../../core/tokenizers/segments";
import { graphemeBoundaries } from "../../core/text/graphemes";
import { TokenFlag, tokenBytesAt, type Encoding } from "../../core/tokenizers/types";
import { toHex } from "../../core/text/utf8";
import { visibleWhitespace } from "../../core/text/whitespace-glyphs";
import type { LaneMode } from "../../core/url-state/share-state";
import { sameBlock } from "./same-block";
import { tokenHue } from "./token-colors";

export interface TokenBlockProps {
  text: string;
  encoding: Encoding;
  from: number;
  to: number;
  mode: LaneMode;
  showWhitespace: boolean;
  /** Per token: 1 when its end boundary is not shared by every lane (null: no diff shown). */
  marks: Uint8Array | null;
  /** Byte range lit up by the selection, when it touches this block. */
  highlight: readonly [number, number] | null;
  /** The selected token, when it is in this block (else -1). */
  selected: number;
}

function overlaps(
  encoding: Encoding,
  first: number,
  last: number,
  highlight: readonly [number, number] | null,
): boolean {
  if (!highlight) return false;
  const [start, end] = highlight;
  const s = encoding.starts[first]!;
  const e = encoding.ends[last]!;
  return start === end ? s <= start && start < Math.max(e, s + 1) : s < end && e > start;
}

function className(encoding: Encoding, first: number, last: number, props: TokenBlockProps): string {
  let name = "tok";
  if (last > first) name += " shared";
  if (props.marks && props.marks[last]) name += " cut";
  if (overlaps(encoding, first, last, props.highlight)) name += " hl";
  if (props.selected >= first && props.selected <= last) name += " sel";
  const flags = encoding.flags[first]!;
  if (flags & TokenFlag.Special) name += " special";
  if (flags & TokenFlag.Normalized) name += " normalized";
  return name;
}

function blockGraphemes(text: string, encoding: Encoding, from: number, to: number): Set<number> {
  if (to <= from) return new Set();
  return graphemeBoundaries(text, encoding.utf16Starts[from]!, encoding.utf16Ends[to - 1]!);
}

/**
 * A run of tokens drawn as text (characters split between tokens drawn once), ids or hex bytes. Each token's
 * `data-token` is its index within the block (the block element's `data-first` plus it is the token's index),
 * so that a block an edit only moved draws nothing again ({@link sameBlock}).
 */
export const TokenBlock = memo(function TokenBlock(props: TokenBlockProps) {
  const { text, encoding, from, to, mode, showWhitespace } = props;
  if (mode === "text") {
    return (
      <>
        {tokenSegments(encoding, from, to, blockGraphemes(text, encoding, from, to)).map((segment) => {
          const content = text.slice(segment.utf16Start, segment.utf16End);
          return (
            <span
              key={segment.firstToken - from}
              data-token={segment.firstToken - from}
              className={
                className(encoding, segment.firstToken, segment.lastToken, props) +
                (content === "" ? " empty" : "")
              }
              style={{ "--hue": tokenHue(encoding.ids[segment.firstToken]!) } as React.CSSProperties}
            >
              {showWhitespace ? visibleWhitespace(content) : content}
            </span>
          );
        })}
      </>
    );
  }
  const chips = [];
  for (let i = from; i < to; i++) {
    const label = mode === "ids" ? String(encoding.ids[i]) : toHex(tokenBytesAt(encoding, i)) || "∅";
    const breaksLine = text.slice(encoding.utf16Starts[i], encoding.utf16Ends[i]).includes("\n");
    chips.push(
      <span
        key={i - from}
        data-token={i - from}
        className={`${className(encoding, i, i, props)} chip`}
        style={{ "--hue": tokenHue(encoding.ids[i]!) } as React.CSSProperties}
      >
        {label}
      </span>,
    );
    if (breaksLine) chips.push(<br key={`br${i - from}`} />);
  }
  return <>{chips}</>;
}, sameBlock);
