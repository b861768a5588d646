/** How long one slice of synchronous work may run before the job awaits its checkpoint (ms). */
const SLICE_MS = 50;

/**
 * Runs `step` (a small amount of synchronous work; returns true once finished) in slices of about
 * {@link SLICE_MS}, calling `report` and awaiting `checkpoint` (where a worker yields and a cancel lands)
 * between slices.
 */
export async function runInSlices(
  step: () => boolean,
  checkpoint: () => Promise<void>,
  report?: () => void,
): Promise<void> {
  let finished = false;
  while (!finished) {
    const start = Date.now();
    while (!finished && Date.now() - start < SLICE_MS) finished = step();
    report?.();
    await checkpoint();
  }
}
