import { addBusinessMs, elapsedMs } from '../business-calendar';
import { durationMs } from '../duration';
import type { Draft, SlaState } from './case-context';
import { calendarFor, type FlowEnv } from './flow-env';

/**
 * SLA clocks over business time. A clock runs between start and stop, may pause, warns at
 * fractions of its target and breaches at the target. Its due instant moves when it resumes
 * after a pause; its timers are ordinary case timers, so a stale one is simply ignored.
 */
export interface SlaSpec {
  scope: 'case' | 'task';
  defId: string;
  taskId: string | null;
  target: string;
  calendar: string;
  warnAt: readonly number[];
}

/** Business-time instant `ms` of running time after `from`. */
function dueAfter(env: FlowEnv, sla: { calendar: string }, from: number, ms: number): number {
  return ms <= 0 ? from : addBusinessMs(calendarFor(env, sla.calendar), from, ms);
}

function runningElapsed(env: FlowEnv, sla: SlaState, now: number): number {
  if (sla.runningSince === null) return sla.elapsedMs;
  return sla.elapsedMs + elapsedMs(calendarFor(env, sla.calendar), sla.runningSince, now);
}

/** A clock that exists but has not started (case SLAs whose start trigger has not happened). */
export function pendingSla(spec: SlaSpec): SlaState {
  return {
    scope: spec.scope,
    defId: spec.defId,
    taskId: spec.taskId,
    target: spec.target,
    calendar: spec.calendar,
    status: 'pending',
    runningSince: null,
    elapsedMs: 0,
    dueAt: null,
    breached: false,
    warned: 0,
    warnTimers: [],
    breachTimer: null,
  };
}

/** Starts a clock now; emits `sla.start` and schedules its warning and breach timers. */
export function startSla(d: Draft, env: FlowEnv, slaId: string, spec: SlaSpec): void {
  const sla: SlaState = { ...pendingSla(spec), status: 'running', runningSince: d.now };
  sla.dueAt = dueAfter(env, sla, d.now, durationMs(sla.target));
  d.ctx.slas[slaId] = sla;
  d.emit({
    type: 'sla.start',
    slaId,
    scope: sla.scope,
    taskId: sla.taskId,
    target: sla.target,
    calendar: sla.calendar,
    startedAt: d.now,
    dueAt: sla.dueAt,
  });
  scheduleSlaTimers(d, env, slaId, spec.warnAt);
}

function scheduleSlaTimers(d: Draft, env: FlowEnv, slaId: string, warnAt: readonly number[]): void {
  const current = d.ctx.slas[slaId];
  if (!current || current.runningSince === null) return;
  // Copy before writing timer ids: the stored object may still belong to the previous snapshot.
  const sla = { ...current, runningSince: current.runningSince };
  d.ctx.slas[slaId] = sla;
  const target = durationMs(sla.target);
  if (sla.breached) return;
  sla.warnTimers = warnAt
    .slice(sla.warned)
    .map((fraction) =>
      d.scheduleTimer(
        dueAfter(env, sla, sla.runningSince, fraction * target - sla.elapsedMs),
        'sla-warning',
        null,
        slaId,
      ),
    );
  sla.breachTimer = d.scheduleTimer(sla.dueAt ?? d.now, 'sla-breach', null, slaId);
}

/**
 * The status a clock shows: its own, except that a breached clock stays `breached` while it is
 * paused (the stored status says `paused` so that resume and stop know where it stands). Pure.
 */
export function shownSlaStatus(sla: SlaState): SlaState['status'] {
  return sla.breached && sla.status === 'paused' ? 'breached' : sla.status;
}

/** Pauses a running clock (no-op otherwise). */
export function pauseSla(d: Draft, env: FlowEnv, slaId: string): void {
  const sla = d.ctx.slas[slaId];
  if (!sla || sla.runningSince === null) return;
  const elapsed = runningElapsed(env, sla, d.now);
  cancelSlaTimers(d, sla);
  d.ctx.slas[slaId] = {
    ...sla,
    status: 'paused',
    runningSince: null,
    elapsedMs: elapsed,
    warnTimers: [],
    breachTimer: null,
  };
  // A breach is final: pausing the clock does not make the case compliant again.
  d.emit({
    type: 'sla.pause',
    slaId,
    at: d.now,
    elapsedMs: elapsed,
    status: sla.breached ? 'breached' : 'paused',
  });
}

/** Resumes a paused clock; its due instant moves by the business time spent paused. */
export function resumeSla(d: Draft, env: FlowEnv, slaId: string, warnAt: readonly number[]): void {
  const sla = d.ctx.slas[slaId];
  if (sla?.status !== 'paused') return;
  const remaining = durationMs(sla.target) - sla.elapsedMs;
  const due = sla.breached ? sla.dueAt : dueAfter(env, sla, d.now, remaining);
  const status = sla.breached ? 'breached' : sla.warned > 0 ? 'warning' : 'running';
  d.ctx.slas[slaId] = { ...sla, status, runningSince: d.now, dueAt: due };
  d.emit({ type: 'sla.resume', slaId, at: d.now, dueAt: due ?? d.now, status });
  scheduleSlaTimers(d, env, slaId, warnAt);
}

/**
 * Stops a clock for good: `met` or `breached` by default, `cancelled` when its task was
 * abandoned. Stopping a clock that never started cancels it quietly.
 */
export function stopSla(d: Draft, env: FlowEnv, slaId: string, cancelled = false): void {
  const sla = d.ctx.slas[slaId];
  // A breached clock keeps running until its work ends: only a stopped one is final.
  if (!sla || sla.status === 'met' || sla.status === 'cancelled') return;
  if (sla.status === 'breached' && sla.runningSince === null) return;
  if (sla.status === 'pending') {
    d.ctx.slas[slaId] = { ...sla, status: 'cancelled' };
    return;
  }
  const elapsed = runningElapsed(env, sla, d.now);
  cancelSlaTimers(d, sla);
  const status = sla.breached ? 'breached' : cancelled ? 'cancelled' : 'met';
  d.ctx.slas[slaId] = {
    ...sla,
    status,
    runningSince: null,
    elapsedMs: elapsed,
    warnTimers: [],
    breachTimer: null,
  };
  d.emit({ type: 'sla.stop', slaId, at: d.now, status, elapsedMs: elapsed });
  // A task's clock ends with its task; the runtime keeps the row, the snapshot stays small.
  if (sla.scope === 'task') delete d.ctx.slas[slaId];
}

/**
 * A warning or breach timer of `slaId` fired. Answers 'breach' when the clock has just
 * breached (the caller applies the SLA's onBreach), else null.
 */
export function onSlaTimer(
  d: Draft,
  env: FlowEnv,
  slaId: string,
  purpose: 'sla-warning' | 'sla-breach',
  warnAt: readonly number[],
): 'breach' | null {
  const sla = d.ctx.slas[slaId];
  if (!sla || sla.runningSince === null) return null;
  // A warning due before the breach can reach the runtime after it when a long-stopped clock
  // catches up; once breached, it has nothing left to say.
  if (purpose === 'sla-warning' && sla.breached) return null;
  if (purpose === 'sla-warning') {
    const fraction = warnAt[sla.warned] ?? 0;
    const warnTimers = sla.warnTimers.filter((id) => d.ctx.timers[id]);
    d.ctx.slas[slaId] = { ...sla, status: 'warning', warned: sla.warned + 1, warnTimers };
    d.emit({ type: 'sla.warning', slaId, at: d.now, fraction, status: 'warning' });
    return null;
  }
  for (const id of sla.warnTimers) d.cancelTimer(id);
  d.ctx.slas[slaId] = { ...sla, status: 'breached', breached: true, breachTimer: null, warnTimers: [] };
  d.emit({ type: 'sla.breach', slaId, at: d.now });
  return 'breach';
}

function cancelSlaTimers(d: Draft, sla: SlaState): void {
  for (const id of sla.warnTimers) d.cancelTimer(id);
  d.cancelTimer(sla.breachTimer);
}
