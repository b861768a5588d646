import { create } from "zustand";

/** What the user chose on the first page. */
export interface AppState {
  text: string;
  laneId: string;
  parseSpecials: boolean;
  actions: {
    setText(text: string): void;
    setLaneId(id: string): void;
    setParseSpecials(on: boolean): void;
  };
}

export const DEFAULT_TEXT =
  "Tokenizers cut text differently. नमस्ते दुनिया — 你好，世界 — مرحبا بالعالم — 👩‍💻 emoji, ١٢٣ and 1234567 digits.";

const useAppStore = create<AppState>()((set) => ({
  text: DEFAULT_TEXT,
  laneId: "o200k_base",
  parseSpecials: false,
  actions: {
    setText: (text) => set({ text }),
    setLaneId: (laneId) => set({ laneId }),
    setParseSpecials: (parseSpecials) => set({ parseSpecials }),
  },
}));

export const useText = () => useAppStore((state) => state.text);
export const useLaneId = () => useAppStore((state) => state.laneId);
export const useParseSpecials = () => useAppStore((state) => state.parseSpecials);
export const useAppActions = () => useAppStore((state) => state.actions);
