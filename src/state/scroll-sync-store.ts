import { create } from "zustand";

/** Where the lane the user scrolled shows the text: the byte at its top edge. */
export interface ScrollAnchor {
  byte: number;
  /** The lane that scrolled (the others follow it). */
  lane: string;
  seq: number;
}

interface ScrollSyncState {
  /** Lanes scroll together (on by default): scrolling one brings the same bytes to the top of the others. */
  together: boolean;
  anchor: ScrollAnchor | null;
  actions: {
    setTogether(on: boolean): void;
    publish(lane: string, byte: number): void;
  };
}

/** Scrolling lanes together (a view preference of this tab, not part of links). */
export const useScrollSyncStore = create<ScrollSyncState>()((set) => ({
  together: true,
  anchor: null,
  actions: {
    setTogether: (together) => set({ together }),
    publish: (lane, byte) => set((s) => ({ anchor: { lane, byte, seq: (s.anchor?.seq ?? 0) + 1 } })),
  },
}));

export const useScrollTogether = () => useScrollSyncStore((s) => s.together);
export const useScrollAnchor = () => useScrollSyncStore((s) => s.anchor);
export const useScrollSyncActions = () => useScrollSyncStore((s) => s.actions);
