/**
 * A scheduler for TanStack Query's notifications that runs every callback scheduled within `windowMs` in one
 * task. The lanes' results come back from several workers a few milliseconds apart; with the default scheduler
 * (one `setTimeout(0)` per notification) each result re-rendered the comparison view and painted a frame of its
 * own, so a keystroke with 8 lanes cost 8 renders. Batched in one task, React renders them once.
 */
export function coalescingScheduler(windowMs: number): (callback: () => void) => void {
  let queue: (() => void)[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const callbacks = queue;
    queue = [];
    for (const callback of callbacks) callback();
  };
  return (callback) => {
    queue.push(callback);
    timer ??= setTimeout(flush, windowMs);
  };
}
