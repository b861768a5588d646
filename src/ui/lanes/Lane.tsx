import { useDeferredValue, useEffect, useMemo, useRef } from "react";
import type { LaneStats } from "../../core/metrics/lane-stats";
import { marksOf, type LaneDiff } from "../comparison/use-boundary-diff";
import { statsShownWith } from "../comparison/use-lane-stats";
import type { LaneResult } from "../comparison/use-lane-results";
import { LaneBody } from "./LaneBody";
import { LaneHeader } from "./LaneHeader";
import { LaneInfo } from "./LaneInfo";
import { SpecialTextHint } from "./SpecialTextHint";

interface LaneProps {
  result: LaneResult;
  index: number;
  laneCount: number;
  text: string;
  parseSpecials: boolean;
  showWhitespace: boolean;
  stats: LaneStats | undefined;
  /** The boundary diff whose marks this lane draws (where it covers the encoding the lane shows), or null. */
  diff: LaneDiff | null;
  highlight: readonly [number, number] | null;
  selected: number;
  scrollTo: number;
  /** Whether every lane shows this text (text mode), so that the lane can scroll with the others. */
  sharesText: boolean;
  onSelect(lane: number, token: number, origin: "hover" | "keyboard"): void;
}

/** Up to this many tokens, a new result is drawn in the render that receives it (not deferred). */
const DRAWN_AT_ONCE = 20_000;

/** One tokenizer's view of the text. */
export function Lane(props: LaneProps) {
  const { result, index } = props;
  const name = result.info?.name ?? result.listing?.name ?? result.setting.tokenizer;
  const latest = useMemo(
    () =>
      result.view && result.encodedText !== undefined
        ? { view: result.view, text: result.encodedText }
        : null,
    [result.view, result.encodedText],
  );
  // A large new result renders at transition priority, so React can pause between blocks and lanes: a lane
  // arriving with a megabyte of tokens never holds the main thread for long (until then the lane keeps what
  // it showed). A small one (an edit while typing) is drawn at once, in the same render as the others, and is
  // not handed to useDeferredValue at all: a changed deferred value costs every lane a second render.
  const large = latest !== null && latest.view.encoding.ids.length > DRAWN_AT_ONCE;
  const deferredLarge = useDeferredValue(large ? latest : null);
  const lastShown = useRef(latest);
  const shown = large ? (deferredLarge ?? lastShown.current) : latest;
  useEffect(() => {
    lastShown.current = shown;
  });
  return (
    <section
      className="lane"
      tabIndex={-1}
      data-testid="lane"
      data-tokenizer={result.setting.tokenizer}
      data-status={result.status}
      data-token-count={result.status === "ready" ? result.encoding?.ids.length : undefined}
      aria-busy={result.status === "loading"}
      aria-label={`${name} lane`}
    >
      <LaneHeader
        result={result}
        index={index}
        laneCount={props.laneCount}
        stats={props.stats ?? statsShownWith(shown?.view.encoding)}
      />
      {result.error?.name === "NoChatFormatError" && (
        <p className="note" data-testid="no-chat-format">
          {result.error.message}
        </p>
      )}
      {result.error && result.error.name !== "NoChatFormatError" && (
        <p role="alert" className="error">
          {result.error.message}{" "}
          <button type="button" onClick={result.retry}>
            Retry
          </button>
        </p>
      )}
      {shown && <SpecialTextHint found={shown.view.specialLookalikes} parseSpecials={props.parseSpecials} />}
      {result.chat && (
        <p className="note" data-testid="chat-format">
          Template: {result.chat.format}
          {result.chat.notes.map((note) => ` ${note}`)}
        </p>
      )}
      {shown?.view.encoding.notes.map((note) => (
        <p key={note} className="note">
          {note}
        </p>
      ))}
      {shown && (
        <LaneBody
          laneName={name}
          laneKey={result.setting.key}
          sharesText={props.sharesText}
          text={shown.text}
          encoding={shown.view.encoding}
          blocks={shown.view.blocks}
          mode={result.setting.mode}
          showWhitespace={props.showWhitespace}
          marks={marksOf(props.diff, index, shown.view.encoding)}
          highlight={props.highlight}
          selected={props.selected}
          scrollTo={props.scrollTo}
          onSelect={(token, origin) => props.onSelect(index, token, origin)}
        />
      )}
      {result.info && <LaneInfo info={result.info} />}
    </section>
  );
}
