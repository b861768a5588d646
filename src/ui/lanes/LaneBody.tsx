import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef, useState } from "react";
import { blockOfToken } from "../../core/tokenizers/blocks";
import type { Encoding } from "../../core/tokenizers/types";
import type { LaneMode } from "../../core/url-state/share-state";
import { LaneResizeHandle, MIN_LANE_HEIGHT } from "./LaneResizeHandle";
import { TokenBlock } from "./TokenBlock";
import { useScrollTogetherLane } from "./use-scroll-together";

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

  const onScroll = useScrollTogetherLane({
    laneKey: props.laneKey,
    sharesText: props.sharesText,
    scrollRef,
    virtualizer,
    encoding,
    blocks,
  });
  const [height, setHeight] = useState<number | null>(null);

  /** A token's index: its block's first token plus its index in the block. */
  const tokenFromEvent = (target: EventTarget | null): number => {
    const element = (target as HTMLElement | null)?.closest?.("[data-token]");
    const block = element?.closest("[data-first]");
    return element && block
      ? Number(block.getAttribute("data-first")) + Number(element.getAttribute("data-token"))
      : -1;
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
                data-first={from}
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
      <LaneResizeHandle
        laneName={props.laneName}
        height={height}
        measure={() => scrollRef.current?.getBoundingClientRect().height ?? MIN_LANE_HEIGHT}
        onResize={setHeight}
      />
    </>
  );
}
