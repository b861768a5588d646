import { create } from "zustand";
import { useShallow } from "zustand/react/shallow";
import type { TrainedSummary } from "../../workers/bpe/api";

/** A text the lab trains on or treats as a mixture category. */
export interface LabText {
  id: string;
  /** Shown to the user (always as text, never as HTML). */
  label: string;
  text: string;
  bytes: number;
}

/** Training options. */
export interface LabTrainOptions {
  vocabSize: number;
  /** A key of the regex presets, or "custom". */
  patternPreset: string;
  customPattern: string;
  /** SuperBPE transition point; null = plain BPE. */
  transition: number | null;
}

interface LabState {
  corpus: LabText[];
  categories: LabText[];
  options: LabTrainOptions;
  trained: TrainedSummary | null;
  actions: {
    addCorpus(item: LabText): void;
    removeCorpus(id: string): void;
    addCategory(item: LabText): void;
    removeCategory(id: string): void;
    setOptions(options: Partial<LabTrainOptions>): void;
    setTrained(summary: TrainedSummary | null): void;
  };
}

const DEFAULT_OPTIONS: LabTrainOptions = {
  vocabSize: 2000,
  patternPreset: "cl100k",
  customPattern: "",
  transition: null,
};

/** The tokenizer lab's choices: corpus, options, the trained model, mixture categories (not in the permalink). */
export const useLabStore = create<LabState>()((set) => ({
  corpus: [],
  categories: [],
  options: DEFAULT_OPTIONS,
  trained: null,
  actions: {
    addCorpus: (item) => set((s) => ({ corpus: [...s.corpus.filter((c) => c.id !== item.id), item] })),
    removeCorpus: (id) => set((s) => ({ corpus: s.corpus.filter((c) => c.id !== id) })),
    addCategory: (item) =>
      set((s) => ({ categories: [...s.categories.filter((c) => c.id !== item.id), item] })),
    removeCategory: (id) => set((s) => ({ categories: s.categories.filter((c) => c.id !== id) })),
    setOptions: (options) => set((s) => ({ options: { ...s.options, ...options } })),
    setTrained: (trained) => set({ trained }),
  },
}));

export const useLabCorpus = () => useLabStore(useShallow((s) => s.corpus));
export const useLabCategories = () => useLabStore(useShallow((s) => s.categories));
export const useLabOptions = () => useLabStore((s) => s.options);
export const useLabTrained = () => useLabStore((s) => s.trained);
export const useLabActions = () => useLabStore((s) => s.actions);
