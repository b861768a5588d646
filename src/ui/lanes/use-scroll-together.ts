import type { Virtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef, type RefObject } from "react";
import { blockOfToken, tokenAtByte } from "../../core/tokenizers/blocks";
import type { Encoding } from "../../core/tokenizers/types";
import { useScrollAnchor, useScrollSyncActions, useScrollTogether } from "../../state/scroll-sync-store";

interface ScrollTogetherInput {
  laneKey: string;
  /** Whether this lane shows the same text as the others (not in chat mode). */
  sharesText: boolean;
  scrollRef: RefObject<HTMLDivElement | null>;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  encoding: Encoding;
  blocks: Uint32Array;
}

/**
 * Scrolling lanes together: the lane the user scrolls publishes the byte at its top edge; the others bring the
 * same byte to their top (interpolated inside its block by token index). Scroll events we cause publish nothing.
 * Returns the lane body's scroll handler.
 */
export function useScrollTogetherLane({
  laneKey,
  sharesText,
  scrollRef,
  virtualizer,
  encoding,
  blocks,
}: ScrollTogetherInput): () => void {
  const together = useScrollTogether() && sharesText;
  const anchor = useScrollAnchor();
  const { publish } = useScrollSyncActions();
  const ownScroll = useRef<number | null>(null);
  const count = encoding.ids.length;

  useEffect(() => {
    const element = scrollRef.current;
    if (!together || !anchor || anchor.lane === laneKey || !element || count === 0) return;
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

  return () => {
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
    publish(laneKey, encoding.starts[token]!);
  };
}
