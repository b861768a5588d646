/**
 * A scheduler for TanStack Query's notifications that runs every callback scheduled within `windowMs` in one
 * task. The lanes' results come back from several workers a few milliseconds apart; with the default scheduler
 * (one `setTimeout(0)` per notification) each result re-rendered the comparison view and painted a frame of its
 * own, so a keystroke with 8 lanes cost 8 renders. Batched in one task, React renders them once.
 *
 * `settled` says that nothing more is on its way (no query is fetching): the callbacks then run at once, at the
 * end of the current task, instead of waiting out the window — the last lane's result is drawn as it arrives,
 * and a single lane's result no longer waits `windowMs` for company that will not come.
 */
export function coalescingScheduler(
  windowMs: number,
  settled: () => boolean = () => false,
): (callback: () => void) => void {
  let queue: (() => void)[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let flushingSoon = false;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    flushingSoon = false;
    const callbacks = queue;
    queue = [];
    for (const callback of callbacks) callback();
  };
  return (callback) => {
    queue.push(callback);
    if (flushingSoon) return;
    if (settled()) {
      flushingSoon = true;
      queueMicrotask(flush);
    } else timer ??= setTimeout(flush, windowMs);
  };
}
