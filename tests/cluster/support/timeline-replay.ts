import { type CaseSnapshot, type CompiledFlow, inspect, start, step } from '@caseflow/engine';
import type { CaseInputInit, Effect, EngineEvent } from '@caseflow/schema';

/** A timeline entry as the runtime stores it (GET /cases/:id/timeline or the table). */
export interface Entry {
  seq: number;
  at: number;
  type: string;
  actor: string | null;
  nodeId: string | null;
  data: Record<string, unknown>;
}

/** What the client sent for one task completion, found again through its comment (a nonce). */
export interface SentCompletion {
  values: Record<string, unknown>;
}

export interface ReplayInput {
  compiled: CompiledFlow;
  /** Start input exactly as the runtime built it (case id, customer, channel, subject...). */
  input: CaseInputInit;
  /** The case's timeline in seq order. */
  timeline: Entry[];
  /** Completions the client sent, by nonce (the `comment`): values are not in the timeline. */
  completions: ReadonlyMap<string, SentCompletion>;
}

export interface ReplayResult {
  snapshot: CaseSnapshot;
  /** External events and timer fires replayed, in order (for failure messages). */
  steps: string[];
}

/** Keys shared by timeline entries and the effects that cause them: what a timer fire did. */
function entryKey(e: {
  type: string;
  nodeId?: string | null;
  data?: Record<string, unknown>;
}): string | null {
  if (e.type === 'sla.breached') return `sla.breached:${String(e.data?.slaId)}`;
  if (e.type === 'task.escalated') return `task.escalated:${String(e.data?.taskId)}`;
  if (e.type === 'node.entered' || e.type === 'node.left') return `${e.type}:${e.nodeId}`;
  return null;
}

function effectKeys(effects: readonly Effect[]): string[] {
  const keys: string[] = [];
  for (const f of effects) {
    const key =
      f.type === 'sla.breach'
        ? entryKey({ type: 'sla.breached', data: { slaId: f.slaId } })
        : f.type === 'task.escalate'
          ? entryKey({ type: 'task.escalated', data: { taskId: f.taskId } })
          : f.type === 'audit'
            ? entryKey({ type: f.entry.type, nodeId: f.entry.nodeId ?? null })
            : null;
    if (key) keys.push(key);
  }
  return keys;
}

/**
 * Replays one case through the engine's pure `start`/`step`, in the order its timeline says the
 * runtime committed things, at the instants it committed them:
 *
 * - `case.opened` → start; `task.completed` → task.complete with the values the client sent
 *   (found by the nonce in the comment); `signal` → signal; the first agent `message` →
 *   `case.event case.firstResponse` (what the runtime does for a first response);
 * - a run of entries written by the `timer` actor at one instant → the timer fire(s) that
 *   explain them: among the replay's own pending timers due by then, the one whose trial step
 *   (step is pure) produces exactly those breaches / escalations / node moves.
 *
 * Everything else on the timeline is a consequence and is not fed back. Throws when an entry
 * cannot be explained (an unknown nonce, a timer run no due timer produces).
 */
export function replayTimeline(r: ReplayInput): ReplayResult {
  const entries = [...r.timeline].sort((a, b) => a.seq - b.seq);
  const opened = entries[0];
  if (opened?.type !== 'case.opened') throw new Error('timeline does not start with case.opened');
  const pending = new Map<string, number>();
  const track = (effects: readonly Effect[]) => {
    for (const f of effects) {
      if (f.type === 'timer.schedule') pending.set(f.timerId, f.at);
      if (f.type === 'timer.cancel') pending.delete(f.timerId);
    }
  };
  const first = start(r.compiled, r.input, opened.at);
  let snapshot = first.snapshot;
  track(first.effects);
  const steps = [`open@${opened.at}`];
  let firstResponse = false;
  const apply = (event: EngineEvent, at: number) => {
    let next: ReturnType<typeof step>;
    try {
      next = step(r.compiled, snapshot, event, at);
    } catch (error) {
      throw new Error(`${event.type}@${at} after ${steps.join(' ')}: ${String(error)}\n${describe(entries)}`);
    }
    snapshot = next.snapshot;
    track(next.effects);
    steps.push(`${event.type}@${at}`);
    return next.effects;
  };

  for (let i = 1; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.actor === 'timer') {
      // The run of timer entries committed at this instant (one fire, rarely two).
      let j = i;
      while (j + 1 < entries.length && entries[j + 1]!.actor === 'timer' && entries[j + 1]!.at === e.at) j++;
      const remaining = entries
        .slice(i, j + 1)
        .map(entryKey)
        .filter((k): k is string => k !== null);
      while (remaining.length > 0) {
        const due = [...pending.entries()].filter(([, at]) => at <= e.at).sort((a, b) => a[1] - b[1]);
        const match = due.find(([timerId]) => {
          const keys = effectKeys(step(r.compiled, snapshot, { type: 'timer.fire', timerId }, e.at).effects);
          return keys.length > 0 && keys.every((k) => remaining.includes(k));
        });
        if (!match) {
          throw new Error(
            `no due timer explains ${remaining.join(', ')} at seq ${e.seq}\n${describe(entries)}`,
          );
        }
        pending.delete(match[0]);
        for (const k of effectKeys(apply({ type: 'timer.fire', timerId: match[0] }, e.at))) {
          remaining.splice(remaining.indexOf(k), 1);
        }
      }
      i = j;
      continue;
    }
    if (e.type === 'task.completed') {
      const nonce = String(e.data.comment ?? '');
      const sent = r.completions.get(nonce);
      if (!sent) throw new Error(`task.completed at seq ${e.seq} with unknown nonce "${nonce}"`);
      apply(
        {
          type: 'task.complete',
          taskId: String(e.data.taskId),
          outcome: String(e.data.outcome),
          values: sent.values,
          actor: e.actor ?? undefined,
        },
        e.at,
      );
    } else if (e.type === 'signal' && e.nodeId === null) {
      // The runtime's record of the request; the engine's own `signal` audit carries the node.
      apply({ type: 'signal', name: String(e.data.name), data: e.data.data }, e.at);
    } else if (e.type === 'message' && e.data.from === 'agent' && !firstResponse) {
      firstResponse = true;
      if (inspect(r.compiled, snapshot).status === 'open') {
        apply({ type: 'case.event', name: 'case.firstResponse' }, e.at);
      }
    }
  }
  return { snapshot, steps };
}

/** The timeline as lines, for failure messages. */
export function describe(entries: readonly Entry[]): string {
  return entries
    .map((e) => `  ${e.seq} ${e.at} ${e.actor} ${e.type} ${e.nodeId ?? ''} ${JSON.stringify(e.data)}`)
    .join('\n');
}
