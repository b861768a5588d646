import { useQuery, useQueryClient } from "@tanstack/react-query";
import { startTransition, useDeferredValue, useEffect, useMemo, useState } from "react";
import type { SummaryRow } from "../../core/export/comparison-export";
import type { LaneStats } from "../../core/metrics/lane-stats";
import { textAnalysisOptions, tokenizerListOptions } from "../../queries/tokenizer-queries";
import { prefetchLanes } from "../../queries/lane-prefetch";
import {
  comparisonStore,
  useChat,
  useInput,
  useLanes,
  useParseSpecials,
  useText,
} from "../../state/comparison-store";
import type { ChatSettings } from "../../core/url-state/share-state";
import { BinaryModeView } from "../binary/BinaryModeView";
import { BusyIndicator } from "../BusyIndicator";
import { ChatEditor } from "../chat/ChatEditor";
import { ChatSummary } from "../chat/ChatSummary";
import { DecodePanel } from "../decode/DecodePanel";
import { InputSwitch } from "../editor/InputSwitch";
import { TextPanel } from "../editor/TextPanel";
import { LaneAdder } from "../lanes/LaneAdder";
import { LaneList } from "../lanes/LaneList";
import { ProbesPanel } from "../probes/ProbesPanel";
import { ScriptPanel } from "../scripts/ScriptPanel";
import { SummaryTable } from "../summary/SummaryTable";
import { TokenCard } from "../token-card/TokenCard";
import { TYPING_WITHOUT_PAUSE_UP_TO, tokenizeDelay, useDebouncedValue } from "../use-debounced-value";
import { useBoundaryDiff } from "./use-boundary-diff";
import { useHeldResults } from "./use-held-results";
import { useLaneResults, type LaneInput, type LaneResult } from "./use-lane-results";
import { useLaneStats } from "./use-lane-stats";

const NO_LANES: ReturnType<typeof useLanes> = [];
const NO_RESULTS: readonly LaneResult[] = [];

/** How long lanes that finished wait for the others before showing a new result (see `useHeldResults`). */
const HOLD_RESULTS_MS = 150;
/** Texts up to this length wait for their lanes before the page shows them (see `InputSettler`). */
const WAIT_FOR_LANES_UP_TO = 200_000;

/** The summary table's rows: the lanes whose statistics are known. */
function summaryRows(
  results: readonly LaneResult[],
  stats: readonly (LaneStats | undefined)[],
): SummaryRow[] {
  return results.flatMap((r, i) => {
    const s = stats[i];
    return s ? [{ tokenizer: r.setting.tokenizer, name: r.info?.name ?? r.setting.tokenizer, stats: s }] : [];
  });
}

/**
 * Debounces what is typed (text or chat) and hands the settled value up — a text once its lanes have results,
 * at most HOLD_RESULTS_MS later — with the busy flag. It alone re-renders
 * on a keystroke: the comparison view (every lane, the panels) re-renders only when the settled value changes.
 */
function InputSettler({
  onText,
  onChat,
  shownText,
  behind,
}: {
  onText(text: string): void;
  onChat(chat: ChatSettings): void;
  /** The text the comparison shows; until it is the typed one, the page is busy. */
  shownText: string;
  /** Some lane does not show that text yet (its query may not have started: the page is not idle). */
  behind: boolean;
}) {
  const typed = useText();
  const debounced = useDebouncedValue(typed, tokenizeDelay);
  // A text that needs no pause (a short one) is settled at once, in the keystroke's own render: its effect then
  // waits only for the lanes' results, not first for a timer queued behind the keystroke's paint.
  const text = tokenizeDelay(typed, debounced) === 0 ? typed : debounced;
  const input = useInput();
  const typedChat = useChat();
  const chat = useDebouncedValue(typedChat, () => 150);
  const queryClient = useQueryClient();
  useEffect(() => {
    // The page shows a settled text once the lanes have its results (at most HOLD_RESULTS_MS later): a
    // keystroke is then one render of the comparison, not one with every lane "loading" and one with results.
    if (input !== "text" || text.length > WAIT_FOR_LANES_UP_TO) {
      onText(text);
      return;
    }
    let current = true;
    const show = () => {
      if (current) {
        // A text typed without a pause is shown in an urgent render, one task; a longer one in a transition that
        // typing can interrupt. The lanes draw only their visible window, so such a text renders in a few
        // milliseconds, and a transition's 5 ms slices only let other tasks in between (bench:ui, 10 KB, A/B in
        // one run: a keystroke with 1 lane 19–21 → 15–16 ms, with 8 lanes 35–38 → 30–32 ms).
        if (text.length <= TYPING_WITHOUT_PAUSE_UP_TO) onText(text);
        else startTransition(() => onText(text));
      }
      current = false;
    };
    const timer = setTimeout(show, HOLD_RESULTS_MS);
    void prefetchLanes(queryClient, text).then(show);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, onText, input, queryClient]);
  useEffect(() => onChat(chat), [chat, onChat]);
  const pending = input === "text" ? typed !== shownText : input === "chat" && typedChat !== chat;
  return <BusyIndicator pending={pending || behind} />;
}

/** Text (or a conversation) in, lanes out: the comparison screen. */
export function ComparisonView() {
  const [text, setText] = useState(() => comparisonStore.getState().text);
  const [chat, setChat] = useState(() => comparisonStore.getState().chat);
  const input = useInput();
  const lanes = useLanes();
  const parseSpecials = useParseSpecials();
  const listing = useQuery(tokenizerListOptions());
  const laneInput: LaneInput =
    input === "chat" ? { kind: "chat", chat } : { kind: "text", text, parseSpecials };
  // Binary mode shows its own byte lanes; the text lanes wait (their results stay cached for text mode).
  const results = useHeldResults(
    useLaneResults(input === "binary" ? NO_LANES : lanes, laneInput, listing.data),
    HOLD_RESULTS_MS,
  );
  // After the lanes' queries, so that a new text's lanes are asked for first: the worker that profiles the text
  // also serves lanes and takes requests in order (a megabyte's profile takes ~180 ms).
  const analysis = useQuery(textAnalysisOptions(text));
  const textResults = input === "text" ? results : NO_RESULTS;
  const diff = useBoundaryDiff(textResults, text);
  const behind = textResults.some(
    (result) => result.status === "loading" || (result.status === "ready" && result.encodedText !== text),
  );
  const stats = useLaneStats(textResults, analysis.data?.counts, text);
  const rows = useMemo(() => summaryRows(textResults, stats), [textResults, stats]);
  // The panels under the lanes follow in a render of their own (a transition, right after the lanes' commit):
  // a keystroke's results reach every lane first, and typing can interrupt the panels' render.
  const currentDiff = diff.current;
  const profile = analysis.data?.profile;
  const panels = useDeferredValue(
    useMemo(
      () => ({ results, text, rows, diff: currentDiff, profile }),
      [results, text, rows, currentDiff, profile],
    ),
  );
  if (input === "binary")
    return (
      <div className="compare-layout">
        <div className="compare-main">
          <InputSwitch />
          <BinaryModeView />
        </div>
      </div>
    );
  return (
    <div className="compare-layout">
      <div className="compare-main">
        <InputSettler onText={setText} onChat={setChat} shownText={text} behind={behind} />
        <InputSwitch />
        {input === "text" ? <TextPanel /> : <ChatEditor />}
        <LaneAdder />
        {lanes.length === 0 && (
          <p className="empty-state">No lanes. Add a model or tokenizer above to see how it cuts the text.</p>
        )}
        {input === "text" && text.length === 0 && lanes.length > 0 && (
          <p className="empty-state">Type or paste text above, or pick a sample.</p>
        )}
        <LaneList results={results} text={input === "text" ? text : null} stats={stats} diff={diff.latest} />
        {input === "text" ? (
          <>
            <ScriptPanel results={panels.results} profile={panels.profile} text={panels.text} />
            <ProbesPanel results={panels.results} text={panels.text} />
            <SummaryTable rows={panels.rows} results={panels.results} text={panels.text} diff={panels.diff} />
          </>
        ) : (
          <ChatSummary results={results} roles={chat.messages.map((m) => m.role)} />
        )}
        <DecodePanel />
      </div>
      <TokenCard results={results} text={input === "text" ? text : null} />
    </div>
  );
}
