import { create } from "zustand";

/** Download progress (0–1, or null when the size is unknown) of tokenizer files, by tokenizer id. */
const useLoadProgressStore = create<Record<string, number | null>>()(() => ({}));

/** Records progress; called from the worker through a comlink proxy. */
export function reportLoadProgress(id: string, loaded: number, total: number | null): void {
  useLoadProgressStore.setState({ [id]: total ? Math.min(1, loaded / total) : null });
}

export const useLoadProgress = (id: string) => useLoadProgressStore((s) => s[id]);
