import { setFlagsFromString } from 'node:v8';

/**
 * Turns off V8's allocation-site pretenuring for this process. V8 moves allocation sites whose
 * objects often survive a scavenge to old-space allocation; XState's per-transition objects
 * trip that heuristic, and the pretenured objects, dead a moment later, keep the young ones
 * they point to alive through every scavenge until the next full GC. With it on, a signal
 * event loop carried ~1.7 MB through each scavenge and promoted it; with it off, ~0.1 MB,
 * and garbage collection took half the time (bench/runtime/profile-signals.ts with
 * --trace-gc-nvp). Called first thing by the runtime process and by the in-process bench.
 */
export function tuneV8ForCaseSteps(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
