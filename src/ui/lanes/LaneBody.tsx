import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef, useState } from "react";
import { blockOfToken, tokenAtByte } from "../../core/tokenizers/blocks";
import { useScrollAnchor, useScrollSyncActions, useScrollTogether } from "../../state/scroll-sync-store";
import type { Encoding } from "../../core/tokenizers/types";
import type { LaneMode } from "../../core/url-state/share-state";
import { TokenBlock } from "./TokenBlock";

export interface LaneBodyProps {
  laneName: string;
  /** The lane's key (scroll-together messages name the lane that scrolled). */
  laneKey: string;
  /** Whether this lane shows the same text as the others, so that it can scroll with them. */
  sharesText: boolean;
  text: string;
  encoding: Encoding;
  /** Block starts for this mode, prepared in the worker. */
  blocks: Uint32Array;
  mode: LaneMode;
  showWhitespace: boolean;
  marks: Uint8Array | null;
  highlight: readonly [number, number] | null;
  selected: number;
  /** A token to bring into view (keyboard selection, a link), or -1. */
  scrollTo: number;
  onSelect(token: number, origin: "hover" | "keyboard"): void;
}

const LINE_HEIGHT = 30;
/** The smallest height a lane can be dragged to (px). */
const MIN_HEIGHT = 48;

/** A lane's tokens, rendered a window of blocks at a time so that a megabyte of text stays smooth. */
export function LaneBody(props: LaneBodyProps) {
  const { text, encoding, blocks, mode, selected, scrollTo, onSelect } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = encoding.ids.length;
  const virtualizer = useVirtualizer({
    count: blocks.length - 1,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => {
      const first = blocks[index]!;
      const last = Math.max(first, blocks[index + 1]! - 1);
      const chars = encoding.utf16Ends[last]! - encoding.utf16Starts[first]!;
      const perLine = mode === "text" ? 70 : 12;
      return (
        LINE_HEIGHT * Math.max(1, Math.ceil((mode === "text" ? chars : blocks[index + 1]! - first) / perLine))
      );
    },
    overscan: 1,
    // Sizes come from the ResizeObserver entry (measured after layout), never from a forced synchronous
    // layout: measuring each block with getBoundingClientRect as it mounts made a 1 MB paste thrash layout.
    measureElement: (element, entry, instance) => {
      const size = entry?.borderBoxSize?.[0]?.blockSize;
      if (size !== undefined) return size;
      const index = Number((element as HTMLElement).dataset.index);
      return instance.measurementsCache[index]?.size ?? LINE_HEIGHT;
    },
  });

  useEffect(() => {
    if (scrollTo >= 0 && scrollTo < count)
      virtualizer.scrollToIndex(blockOfToken(blocks, scrollTo), { align: "auto" });
  }, [scrollTo, blocks, count, virtualizer]);

  // Scrolling together: a lane the user scrolls publishes the byte at its top edge; the others bring the same
  // byte to their top (interpolated inside its block). Their own scroll events, caused by us, publish nothing.
  const together = useScrollTogether() && props.sharesText;
  const anchor = useScrollAnchor();
  const { publish } = useScrollSyncActions();
  const ownScroll = useRef<number | null>(null);
  const onScroll = () => {
    const element = scrollRef.current;
    if (!element) return;
    const caused = ownScroll.current;
    ownScroll.current = null;
    if (caused !== null && Math.abs(element.scrollTop - caused) <= 1) return;
    if (!together || count === 0) return;
    const item = virtualizer.getVirtualItemForOffset(element.scrollTop);
    if (!item) return;
    const from = blocks[item.index]!;
    const to = blocks[item.index + 1]!;
    const fraction =
      item.size > 0 ? Math.min(1, Math.max(0, (element.scrollTop - item.start) / item.size)) : 0;
    const token = Math.min(to - 1, from + Math.floor(fraction * (to - from)));
    publish(props.laneKey, encoding.starts[token]!);
  };
  useEffect(() => {
    const element = scrollRef.current;
    if (!together || !anchor || anchor.lane === props.laneKey || !element || count === 0) return;
    const token = tokenAtByte(encoding, anchor.byte);
    const block = blockOfToken(blocks, token);
    const item = virtualizer.measurementsCache[block];
    if (!item) return;
    const from = blocks[block]!;
    const to = blocks[block + 1]!;
    element.scrollTop = item.start + ((token - from) / Math.max(1, to - from)) * item.size;
    ownScroll.current = element.scrollTop;
    // Only a new anchor moves this lane (not a new encoding of the text being typed).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [anchor]);

  // Resizable: dragging the handle (or arrow keys on it) sets the lane's height.
  const [height, setHeight] = useState<number | null>(null);
  const drag = useRef<{ y: number; height: number } | null>(null);
  const currentHeight = () => scrollRef.current?.getBoundingClientRect().height ?? MIN_HEIGHT;
  const resizeHandle = (
    <div
      className="lane-resize"
      role="separator"
      aria-orientation="horizontal"
      aria-label={`Resize the ${props.laneName} lane (arrow keys)`}
      aria-valuemin={MIN_HEIGHT}
      aria-valuemax={4000}
      aria-valuenow={Math.round(height ?? 0)}
      tabIndex={0}
      data-testid="lane-resize"
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        drag.current = { y: event.clientY, height: currentHeight() };
      }}
      onPointerMove={(event) => {
        if (drag.current)
          setHeight(Math.max(MIN_HEIGHT, drag.current.height + event.clientY - drag.current.y));
      }}
      onPointerUp={() => {
        drag.current = null;
      }}
      onKeyDown={(event) => {
        const delta = event.key === "ArrowDown" ? 40 : event.key === "ArrowUp" ? -40 : 0;
        if (delta === 0) return;
        event.preventDefault();
        setHeight(Math.max(MIN_HEIGHT, currentHeight() + delta));
      }}
    />
  );

  const tokenFromEvent = (target: EventTarget | null): number => {
    const element = (target as HTMLElement | null)?.closest?.("[data-token]");
    return element ? Number(element.getAttribute("data-token")) : -1;
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    const current = selected >= 0 ? selected : -1;
    const moves: Record<string, number> = {
      ArrowRight: current + 1,
      ArrowDown: current + 1,
      ArrowLeft: current - 1,
      ArrowUp: current - 1,
      Home: 0,
      End: count - 1,
    };
    const next = moves[event.key];
    if (next === undefined || count === 0) return;
    event.preventDefault();
    onSelect(Math.max(0, Math.min(count - 1, next)), "keyboard");
  };

  const [hs, he] = props.highlight ?? [-1, -1];
  return (
    <>
      <div
        ref={scrollRef}
        className={`lane-body mode-${mode}`}
        style={height === null ? undefined : { height, maxHeight: "none" }}
        onScroll={onScroll}
        tabIndex={0}
        role="group"
        aria-label={`${props.laneName} tokens; arrow keys move between tokens`}
        onMouseOver={(event) => {
          const token = tokenFromEvent(event.target);
          if (token >= 0 && token !== selected) onSelect(token, "hover");
        }}
        onKeyDown={onKeyDown}
      >
        <div className="lane-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const from = blocks[item.index]!;
            const to = blocks[item.index + 1]!;
            const blockStart = encoding.starts[from] ?? 0;
            const blockEnd = encoding.ends[to - 1] ?? 0;
            const touches = props.highlight !== null && hs <= blockEnd && he >= blockStart;
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="lane-block"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <TokenBlock
                  text={text}
                  encoding={encoding}
                  from={from}
                  to={to}
                  mode={mode}
                  showWhitespace={props.showWhitespace}
                  marks={props.marks}
                  highlight={touches ? props.highlight : null}
                  selected={selected >= from && selected < to ? selected : -1}
                />
              </div>
            );
          })}
        </div>
      </div>
      {resizeHandle}
    </>
  );
}
