// The app's test API on `window` (see src/test-api.ts), as the specs use it.
export {};

declare global {
  interface Window {
    tokenprism?: {
      setText(text: string): void;
      crashWorkerOf(tokenizerId: string): void;
      failView(view: "compare" | "atlas" | "lm" | "lab", failing: boolean): void;
      laneTokens(tokenizerId: string): { ids: number[]; starts: number[]; ends: number[] } | null;
    };
  }
}
