import { useEffect, useState } from "react";

/**
 * True once `flag` has stayed true for `delayMs` (false again as soon as it is false). A progress note for work
 * that usually takes a few milliseconds (re-tokenizing after a keystroke) appears only when the work is slow, so
 * the page does not flash it, and re-layout around it, on every keystroke.
 */
export function useDelayedFlag(flag: boolean, delayMs: number): boolean {
  const [late, setLate] = useState(false);
  useEffect(() => {
    if (!flag) return;
    const timer = setTimeout(() => setLate(true), delayMs);
    return () => {
      clearTimeout(timer);
      setLate(false);
    };
  }, [flag, delayMs]);
  return flag && late;
}
