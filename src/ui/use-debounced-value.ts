import { useEffect, useState } from "react";

/** The value, once it has stopped changing for `delay` ms. */
export function useDebouncedValue<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (delay <= 0) {
      setSettled(value);
      return;
    }
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

/** How long to wait after typing before re-tokenizing: longer for long texts. */
export function tokenizeDelay(length: number): number {
  if (length > 200_000) return 400;
  if (length > 20_000) return 150;
  return 40;
}
