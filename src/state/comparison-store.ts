import { create } from "zustand";
import { useShallow } from "zustand/react/shallow";
import type { ChatMessage, ChatRole } from "../core/chat/messages";
import type {
  AtlasSelection,
  ChatSettings,
  LaneMode,
  PatchingSettings,
  ShareState,
  View,
} from "../core/url-state/share-state";
import { SAMPLES } from "./samples";

/** One lane as the user set it up; `key` is local (React keys), the rest goes into links. */
export interface LaneSetting {
  key: string;
  tokenizer: string;
  mode: LaneMode;
}

/** The selected (hovered or keyboard-focused) token. */
export interface Selection {
  lane: number;
  token: number;
}

/** A message shown above the lanes. */
export interface Notice {
  kind: "error" | "info";
  text: string;
  /** A button that offers the way out (for example opening a refused file as bytes). */
  action?: { label: string; run(): void };
}

/** What the lanes tokenize. */
export type InputMode = "text" | "chat" | "binary";

export type Theme = "system" | "light" | "dark";

export interface ComparisonState {
  text: string;
  lanes: LaneSetting[];
  parseSpecials: boolean;
  showWhitespace: boolean;
  showDiff: boolean;
  theme: Theme;
  selection: Selection | null;
  /** How the selection was made: keyboard and link selections scroll every lane to the token. */
  selectionOrigin: "hover" | "keyboard" | "link";
  notice: Notice | null;
  view: View;
  atlas: AtlasSelection;
  patching: PatchingSettings;
  /**
   * What the lanes tokenize: the text, the conversation rendered by each lane's chat template, or a file's raw
   * bytes (binary mode; the file itself stays in the binary store and never travels in a link).
   */
  input: InputMode;
  chat: ChatSettings;
  actions: ComparisonActions;
}

export interface ComparisonActions {
  setText(text: string): void;
  /** Adds a lane for the tokenizer, unless one already shows it. */
  addLane(tokenizer: string): void;
  removeLane(key: string): void;
  moveLane(key: string, delta: -1 | 1): void;
  setLaneMode(key: string, mode: LaneMode): void;
  setParseSpecials(on: boolean): void;
  setShowWhitespace(on: boolean): void;
  setShowDiff(on: boolean): void;
  setTheme(theme: Theme): void;
  select(selection: Selection | null, origin?: "hover" | "keyboard"): void;
  notify(notice: Notice | null): void;
  applyShareState(state: ShareState): void;
  setView(view: View): void;
  setAtlas(change: Partial<AtlasSelection>): void;
  setPatching(change: Partial<PatchingSettings>): void;
  setInput(input: InputMode): void;
  setAddGenerationPrompt(on: boolean): void;
  addMessage(role: ChatRole): void;
  updateMessage(index: number, change: Partial<ChatMessage>): void;
  removeMessage(index: number): void;
  moveMessage(index: number, delta: -1 | 1): void;
}

/** The conversation chat mode starts with. */
export const DEFAULT_CHAT: ChatSettings = {
  messages: [
    { role: "system", content: "You are a helpful assistant." },
    { role: "user", content: "How many tokens does this conversation cost?" },
  ],
  addGenerationPrompt: true,
};

/** BLT's released global threshold (nats) and a small rise for the monotonic rule. */
export const DEFAULT_PATCHING: PatchingSettings = {
  rule: "global",
  globalThreshold: 1.3354,
  relativeThreshold: 0.2,
};

/** The atlas's tokenizers before the user picks: fast ones, a SentencePiece one, and the bytes baseline. */
export const DEFAULT_ATLAS: AtlasSelection = {
  tokenizers: ["o200k_base", "cl100k_base", "p50k_base", "llama-3", "gemma-3", "bytes"],
  langs: null,
  sort: "premium",
  query: "",
};

/** Lanes shown when the page opens without a link. */
export const DEFAULT_LANES = ["o200k_base", "cl100k_base", "llama-3", "bytes"];

let nextKey = 1;
function lane(tokenizer: string, mode: LaneMode = "text"): LaneSetting {
  return { key: `lane-${nextKey++}`, tokenizer, mode };
}

const useComparisonStore = create<ComparisonState>()((set) => ({
  text: SAMPLES[0]!.text,
  lanes: DEFAULT_LANES.map((id) => lane(id)),
  parseSpecials: false,
  showWhitespace: false,
  showDiff: true,
  theme: "system",
  selection: null,
  selectionOrigin: "hover",
  notice: null,
  view: "compare",
  atlas: DEFAULT_ATLAS,
  patching: DEFAULT_PATCHING,
  input: "text",
  chat: DEFAULT_CHAT,
  actions: {
    setText: (text) => set({ text, selection: null }),
    // A tokenizer already shown is not added twice.
    addLane: (tokenizer) =>
      set((s) =>
        s.lanes.some((l) => l.tokenizer === tokenizer) ? {} : { lanes: [...s.lanes, lane(tokenizer)] },
      ),
    removeLane: (key) => set((s) => ({ lanes: s.lanes.filter((l) => l.key !== key), selection: null })),
    moveLane: (key, delta) =>
      set((s) => {
        const index = s.lanes.findIndex((l) => l.key === key);
        const target = index + delta;
        if (index < 0 || target < 0 || target >= s.lanes.length) return {};
        const lanes = [...s.lanes];
        [lanes[index], lanes[target]] = [lanes[target]!, lanes[index]!];
        return { lanes, selection: null };
      }),
    setLaneMode: (key, mode) =>
      set((s) => ({ lanes: s.lanes.map((l) => (l.key === key ? { ...l, mode } : l)) })),
    setParseSpecials: (parseSpecials) => set({ parseSpecials, selection: null }),
    setShowWhitespace: (showWhitespace) => set({ showWhitespace }),
    setShowDiff: (showDiff) => set({ showDiff }),
    setTheme: (theme) => set({ theme }),
    select: (selection, origin = "hover") => set({ selection, selectionOrigin: origin }),
    notify: (notice) => set({ notice }),
    setView: (view) => set({ view }),
    setAtlas: (change) => set((s) => ({ atlas: { ...s.atlas, ...change } })),
    setPatching: (change) => set((s) => ({ patching: { ...s.patching, ...change } })),
    setInput: (input) => set({ input, selection: null }),
    setAddGenerationPrompt: (addGenerationPrompt) =>
      set((s) => ({ chat: { ...s.chat, addGenerationPrompt }, selection: null })),
    addMessage: (role) =>
      set((s) => ({ chat: { ...s.chat, messages: [...s.chat.messages, { role, content: "" }] } })),
    updateMessage: (index, change) =>
      set((s) => ({
        chat: { ...s.chat, messages: s.chat.messages.map((m, i) => (i === index ? { ...m, ...change } : m)) },
        selection: null,
      })),
    removeMessage: (index) =>
      set((s) => ({
        chat: { ...s.chat, messages: s.chat.messages.filter((_, i) => i !== index) },
        selection: null,
      })),
    moveMessage: (index, delta) =>
      set((s) => {
        const target = index + delta;
        if (target < 0 || target >= s.chat.messages.length) return {};
        const messages = [...s.chat.messages];
        [messages[index], messages[target]] = [messages[target]!, messages[index]!];
        return { chat: { ...s.chat, messages }, selection: null };
      }),
    applyShareState: (state) =>
      set({
        text: state.text,
        lanes: state.lanes.map((l) => lane(l.tokenizer, l.mode)),
        parseSpecials: state.parseSpecials,
        showWhitespace: state.showWhitespace,
        showDiff: state.showDiff,
        theme: state.theme,
        selection: state.selection,
        selectionOrigin: "link",
        view: state.view,
        atlas: state.atlas ?? DEFAULT_ATLAS,
        patching: state.patching ?? DEFAULT_PATCHING,
        input: state.input ?? "text",
        chat: state.chat ?? DEFAULT_CHAT,
      }),
  },
}));

/** The parts of the state that a link carries. */
export function shareStateOf(state: ComparisonState): ShareState {
  return {
    text: state.text,
    lanes: state.lanes.map(({ tokenizer, mode }) => ({ tokenizer, mode })),
    parseSpecials: state.parseSpecials,
    showWhitespace: state.showWhitespace,
    showDiff: state.showDiff,
    theme: state.theme,
    selection: state.selection,
    view: state.view,
    atlas: state.atlas,
    patching: state.patching,
    input: state.input === "binary" ? "text" : state.input,
    ...(state.input === "chat" || state.chat !== DEFAULT_CHAT ? { chat: state.chat } : {}),
  };
}

export const comparisonStore = useComparisonStore;
export const useText = () => useComparisonStore((s) => s.text);
export const useLanes = () => useComparisonStore(useShallow((s) => s.lanes));
export const useParseSpecials = () => useComparisonStore((s) => s.parseSpecials);
export const useShowWhitespace = () => useComparisonStore((s) => s.showWhitespace);
export const useShowDiff = () => useComparisonStore((s) => s.showDiff);
export const useTheme = () => useComparisonStore((s) => s.theme);
export const useSelection = () => useComparisonStore((s) => s.selection);
export const useSelectionOrigin = () => useComparisonStore((s) => s.selectionOrigin);
export const useNotice = () => useComparisonStore((s) => s.notice);
export const useView = () => useComparisonStore((s) => s.view);
export const useAtlasSelection = () => useComparisonStore((s) => s.atlas);
export const usePatching = () => useComparisonStore((s) => s.patching);
export const useInput = () => useComparisonStore((s) => s.input);
export const useChat = () => useComparisonStore((s) => s.chat);
export const useComparisonActions = () => useComparisonStore((s) => s.actions);
