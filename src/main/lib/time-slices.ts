/**
 * Long runs of sync reads on the main thread (fd links, /proc files) yield to the event loop every few ms,
 * so pushes, HTTP and tool pipes keep flowing meanwhile.
 */

/** Longest stretch of sync reads before yielding. */
const SLICE_MS = 4;

export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Tells when a slice's time is used up; looks at the clock every 64 calls only (hot loops). */
export class Slicer {
  private calls = 0;
  private sliceStart = performance.now();
  due(): boolean {
    if ((++this.calls & 63) !== 0 || performance.now() - this.sliceStart < SLICE_MS) return false;
    this.sliceStart = performance.now();
    return true;
  }
}
