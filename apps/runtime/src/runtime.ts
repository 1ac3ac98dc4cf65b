/**
 * The runtime facade the HTTP routes call:
 *
 *   const runtime = createRuntime({ store: await openStore(env), clock: clockFromEnv(env), env, logger });
 *   await runtime.openCase({ flow, customerId, channel, subject, variables, actor });
 *   await runtime.sendEvent(caseId, { type: 'signal', name: 'card-found' }, 'alice');
 *   await moveClock(runtime, { advance: 'PT2H' });   // POST /api/_test/clock (manual clock only)
 *
 * See executor/types.ts for the `Runtime` interface and executor/errors.ts for AppError.
 */

export type { Clock, ManualClock } from './clock';
export { clockFromEnv, isManualClock, manualClock, realClock } from './clock';
export { AppError } from './executor/errors';
export { createRuntime, moveClock } from './executor/runtime';
export type {
  Actor,
  CaseRecord,
  Logger,
  OpenCaseInput,
  PublishResult,
  Runtime,
  RuntimeOptions,
} from './executor/types';
export { openStore } from './store/open-store';
export type { Store } from './store/store';
export { StoreConflict } from './store/store';
