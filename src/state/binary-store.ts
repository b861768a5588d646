import { create } from "zustand";
import { useShallow } from "zustand/react/shallow";
import type { FileKind } from "../core/bpe/binary/file-types";
import type { BinaryTrainedSummary } from "../../workers/bpe/api";

/** A file opened as bytes (never decoded as text). */
export interface BinaryItem {
  id: string;
  name: string;
  bytes: Uint8Array;
  kind: FileKind;
}

interface BinaryState {
  /** The lab's binary BPE files (trained on, and a quarter held out). */
  files: BinaryItem[];
  /** The file Compare's binary mode shows. */
  opened: BinaryItem | null;
  vocabSize: number;
  /** The latest binary BPE trained in the lab (its report is shown). */
  trained: BinaryTrainedSummary | null;
  /** Every binary BPE trained in this tab, oldest first: each is a lane in binary mode. */
  models: BinaryTrainedSummary[];
  actions: {
    addFiles(items: BinaryItem[]): void;
    removeFile(id: string): void;
    clearFiles(): void;
    open(item: BinaryItem | null): void;
    setVocabSize(size: number): void;
    setTrained(summary: BinaryTrainedSummary | null): void;
  };
}

/** Binary files and the binary BPE trained on them. They stay in this tab: no link carries a file. */
export const useBinaryStore = create<BinaryState>()((set) => ({
  files: [],
  opened: null,
  vocabSize: 1024,
  trained: null,
  models: [],
  actions: {
    addFiles: (items) =>
      set((s) => {
        const ids = new Set(items.map((i) => i.id));
        return { files: [...s.files.filter((f) => !ids.has(f.id)), ...items] };
      }),
    removeFile: (id) => set((s) => ({ files: s.files.filter((f) => f.id !== id) })),
    clearFiles: () => set({ files: [] }),
    open: (opened) => set({ opened }),
    setVocabSize: (vocabSize) => set({ vocabSize }),
    setTrained: (trained) => set((s) => ({ trained, models: trained ? [...s.models, trained] : s.models })),
  },
}));

export const useBinaryFiles = () => useBinaryStore(useShallow((s) => s.files));
export const useOpenedBinary = () => useBinaryStore((s) => s.opened);
export const useBinaryVocabSize = () => useBinaryStore((s) => s.vocabSize);
export const useBinaryTrained = () => useBinaryStore((s) => s.trained);
export const useBinaryModels = () => useBinaryStore(useShallow((s) => s.models));
export const useBinaryActions = () => useBinaryStore((s) => s.actions);
