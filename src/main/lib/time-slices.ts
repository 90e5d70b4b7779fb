/**
 * Long runs of sync reads on the main thread (fd links, /proc files) yield to the event loop every few ms,
 * so pushes, HTTP and tool pipes keep flowing meanwhile.
 */

/** Longest stretch of sync reads before yielding. */
const SLICE_MS = 4;

export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Tells when a slice's time is used up; looks at the clock every `callsPerCheck` calls only (64 suits hot
 * loops of single reads; a loop whose step is itself a batch of reads checks every call).
 */
export class Slicer {
  private calls = 0;
  private sliceStart = performance.now();
  constructor(private readonly callsPerCheck = 64) {}
  due(): boolean {
    if (++this.calls % this.callsPerCheck !== 0 || performance.now() - this.sliceStart < SLICE_MS) return false;
    this.sliceStart = performance.now();
    return true;
  }
}
