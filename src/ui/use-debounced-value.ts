import { startTransition, useEffect, useState } from "react";

/** The value, once it has stopped changing for `delayOf(next, settled)` ms. */
export function useDebouncedValue<T>(value: T, delayOf: (next: T, settled: T) => number): T {
  const [settled, setSettled] = useState(value);
  const delay = value === settled ? 0 : delayOf(value, settled);
  useEffect(() => {
    if (value === settled) return;
    // A transition: the re-render that follows (queries, lanes) may be interrupted by typing.
    const timer = setTimeout(() => startTransition(() => setSettled(value)), delay);
    return () => clearTimeout(timer);
  }, [value, settled, delay]);
  return settled;
}

/**
 * How long to wait after a text change before re-tokenizing: a paste, a dropped file or a sample (a big
 * jump in length) goes at once, and so does typing in a text of up to 20,000 characters (a keystroke there
 * costs the workers a few milliseconds per lane, and only the settler re-renders while typing); typing in
 * longer texts waits a little, longer in very long ones.
 */
/** Typing in a text of up to this many UTF-16 units is tokenized at every keystroke, without a pause. */
export const TYPING_WITHOUT_PAUSE_UP_TO = 20_000;

export function tokenizeDelay(next: string, settled: string): number {
  if (Math.abs(next.length - settled.length) > 1000) return 0;
  if (next.length > 200_000) return 400;
  if (next.length > TYPING_WITHOUT_PAUSE_UP_TO) return 150;
  return 0;
}
