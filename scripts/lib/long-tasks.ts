// Main-thread long tasks of a page, for the Chromium benchmarks.
import type { Page } from "@playwright/test";

/**
 * An init script: records every long task's duration in `window.__longTasks` (buffered, so tasks before the
 * observer count too), and defines the `__name` helper tsx adds to functions sent to `page.evaluate`.
 */
export const LONG_TASK_TRACKER = `
  globalThis.__name = (f) => f;
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
  }).observe({ type: "longtask", buffered: true });
`;

/** The long tasks' durations (ms) recorded so far on a page that has {@link LONG_TASK_TRACKER}. */
export function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
}
