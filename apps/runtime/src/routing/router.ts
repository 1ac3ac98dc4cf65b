import { durationMs } from '@caseflow/engine';
import type { BusinessCalendar, Priority } from '@caseflow/schema';
import type { CaseSession, LiveCase } from '../executor/case-session';
import type { GroupRoutingRow, RoutedTaskRow, RoutedWork } from '../store/routing-store';
import type { TaskRow } from '../store/store';
import { AgentDirectory } from './agent-directory';
import { capacityOf } from './agent-profile';
import { offerStamp, priorityRank, type QueuedTask, rankAgents } from './assignment-policy';
import { skillNeeds } from './skill-needs';

/** Timer ids of routing inside a case: `routing:offer:<task id>`, `routing:overflow:<task id>`. */
const TIMER_PREFIX = 'routing:';
/**
 * How many ranked agents one decision locks and checks before the task waits; agents another
 * transaction holds are passed over without counting.
 */
const TRIES = 5;
const PRIORITIES: Priority[] = ['critical', 'high', 'normal', 'low'];
/**
 * How long a task everyone eligible declined or let lapse waits before it is offered to them
 * again: long enough not to hand a decline straight back, short enough that it is not lost.
 */
export const REOFFER_AFTER_MS = 10 * 60_000;

/** Whether a case timer belongs to routing (router.fireTimer handles it, not the engine). */
export function isRoutingTimer(timerId: string): boolean {
  return timerId.startsWith(TIMER_PREFIX);
}

/** The kind of work of a task: chats and e-mails have capacities of their own. */
function workOf(channel: string): RoutedWork {
  return channel === 'chat' ? 'chat' : channel === 'email' ? 'email' : 'task';
}

const queued = (row: RoutedTaskRow): QueuedTask => ({
  id: row.taskId,
  work: row.work,
  requires: row.requires,
  dueAt: row.dueAt,
  priority: PRIORITIES[row.priorityRank] ?? 'normal',
  enteredAt: row.enteredAt,
  declinedBy: row.declinedBy,
});

/**
 * Routing at run time (DESIGN §12). Every method runs inside the event transaction of the
 * change that calls for it (a task created, claimed, closed, declined; an agent online; a
 * timer), so an assignment commits with that change or not at all. A decision is exactly once:
 * the routed row moves from `waiting` by a conditional update (of two processes, one wins), and
 * the chosen agent's profile row is locked and their load counted before they get the task, so
 * capacity holds across processes too. An agent whose row another transaction holds in an
 * order that could deadlock is passed over for the next (store.lockProfileToOffer); what is left
 * waiting meanwhile goes out with the next change or the periodic sweep.
 */
export class Router {
  readonly directory: AgentDirectory;

  constructor(calendars: Readonly<Record<string, BusinessCalendar>>) {
    this.directory = new AgentDirectory(calendars);
  }

  /**
   * A task was created in `live`: it joins its group's queue (unless it is an approval ballot,
   * already has an assignee or has no group), overflows at once when the queue is over its
   * limit, and is offered to an agent when the group routes automatically.
   */
  async taskCreated(session: CaseSession, live: LiveCase, task: TaskRow): Promise<void> {
    if (task.kind !== 'task' || task.group === null || task.assignee !== null) return;
    const node = live.compiled.definition.nodes.find((n) => n.id === task.nodeId);
    const expression = node?.type === 'task' ? node.requires : undefined;
    const c = live.row;
    const found = skillNeeds(
      expression,
      {
        case: {
          id: c.id,
          customerId: c.customerId,
          channel: c.channel,
          subject: c.subject,
          priority: c.priority,
          variables: c.variables,
        },
      },
      session.now,
    );
    if ('error' in found) {
      session.record(live, {
        type: 'task.routing-skipped',
        actor: 'routing',
        nodeId: task.nodeId,
        data: { taskId: task.id, group: task.group, reason: `requires failed: ${found.error}` },
      });
      return;
    }
    const row = await session.tx.routing.insertTask({
      taskId: task.id,
      caseId: task.caseId,
      group: task.group,
      work: workOf(c.channel),
      requires: found.needs,
      dueAt: task.dueAt,
      priorityRank: priorityRank(c.priority),
      enteredAt: session.now,
      state: 'waiting',
      agent: null,
      offeredAt: null,
      declinedBy: [],
      overflowedFrom: null,
      updatedAt: session.now,
    });
    await this.#enterQueue(session, live, row);
  }

  /** The task's group settings, its overflow by queue length and wait, then an offer. */
  async #enterQueue(session: CaseSession, live: LiveCase, row: RoutedTaskRow): Promise<void> {
    const settings = await session.tx.routing.groupRouting(row.group);
    const overflow = settings?.overflow;
    if (overflow?.afterQueue !== undefined && !row.overflowedFrom) {
      // This task is counted: it waits already.
      if ((await session.tx.routing.waitingCount(row.group)) > overflow.afterQueue) {
        await this.#overflow(session, live, row, overflow.to, 'queue');
        return;
      }
    }
    if (overflow?.afterWait !== undefined && !row.overflowedFrom) {
      session.changeTimer({
        op: 'schedule',
        timer: {
          caseId: row.caseId,
          timerId: `${TIMER_PREFIX}overflow:${row.taskId}`,
          fireAt: session.now + durationMs(overflow.afterWait),
          purpose: 'routing.overflow',
        },
      });
    }
    await this.offer(session, row, settings);
  }

  /**
   * Offers a waiting task to the best agent the group's policy ranks, trying the next when the
   * locked re-check refuses one (offline meanwhile, full, gone). Answers whether it was given.
   */
  async offer(session: CaseSession, row: RoutedTaskRow, settings?: GroupRoutingRow | null): Promise<boolean> {
    const { tx, now } = session;
    const group = settings === undefined ? await tx.routing.groupRouting(row.group) : settings;
    if (!group || group.mode === 'manual' || group.paused) return false;
    const agents = await this.directory.candidates(session, row.group);
    let ranked = rankAgents(group.mode, queued(row), agents);
    // Everyone able to take it declined it or let it lapse (a lone agent on shift, say): after
    // a pause a new round starts with them, rather than the task waiting until someone new
    // comes online.
    const newRound =
      ranked.length === 0 && row.declinedBy.length > 0 && now - row.updatedAt >= REOFFER_AFTER_MS;
    if (newRound) ranked = rankAgents(group.mode, { ...queued(row), declinedBy: [] }, agents);
    let tries = 0;
    for (const agent of ranked) {
      if (tries === TRIES) break;
      const profile = await tx.routing.lockProfileToOffer(agent.username);
      // Another transaction is deciding about this agent: the next one is asked instead.
      if (profile === 'held') continue;
      tries++;
      if (!profile || !this.directory.availableAt(profile, now)) {
        this.directory.invalidate();
        continue;
      }
      const load = (await tx.routing.loads([agent.username])).get(agent.username)?.[row.work] ?? 0;
      if (load >= capacityOf(profile)[row.work]) {
        this.directory.invalidate();
        continue;
      }
      const timeout = group.offerTimeout;
      const moved = await tx.routing.moveTask(row.taskId, 'waiting', {
        state: timeout ? 'offered' : 'accepted',
        agent: agent.username,
        offeredAt: now,
        updatedAt: now,
        ...(newRound ? { declinedBy: [] } : {}),
      });
      // Someone else decided about this task first (a claim, another process).
      if (!moved) return false;
      const claimed = await tx.tasks.claim(row.taskId, agent.username, now);
      if (!claimed) {
        // Claimed outside routing meanwhile: routing follows the task's holder.
        const task = await tx.tasks.get(row.taskId);
        await tx.routing.moveTask(row.taskId, moved.state, {
          state: task?.assignee ? 'accepted' : 'closed',
          agent: task?.assignee ?? null,
          updatedAt: now,
        });
        return false;
      }
      const stamp = offerStamp(now, agents);
      await tx.routing.saveProfile({ ...profile, lastOfferedAt: stamp });
      this.directory.noteLoad(session, agent.username, row.work, 1, stamp);
      const live = await session.require(row.caseId);
      session.record(live, {
        type: 'task.assigned',
        actor: 'routing',
        nodeId: claimed.nodeId,
        data: {
          taskId: row.taskId,
          group: row.group,
          to: agent.username,
          mode: group.mode,
          waitedMs: now - row.enteredAt,
          ...(timeout ? { offerTimeout: timeout } : {}),
        },
      });
      if (timeout) {
        session.changeTimer({
          op: 'schedule',
          timer: {
            caseId: row.caseId,
            timerId: `${TIMER_PREFIX}offer:${row.taskId}`,
            fireAt: now + durationMs(timeout),
            purpose: 'routing.offer',
          },
        });
      }
      return true;
    }
    return false;
  }

  /**
   * Offers waiting work of `groups` in queue order while someone takes it, at most `limit`
   * tasks: after an agent frees capacity or comes online, and in the periodic sweep.
   */
  async fill(session: CaseSession, groups: readonly string[], limit: number): Promise<number> {
    let given = 0;
    for (const group of groups) {
      const settings = await session.tx.routing.groupRouting(group);
      if (!settings || settings.mode === 'manual' || settings.paused) continue;
      for (const row of await session.tx.routing.waiting(group, limit)) {
        if (given >= limit) return given;
        if (await this.offer(session, row, settings)) given++;
      }
    }
    return given;
  }

  /** `user` took the task (a claim, a delegation): it is theirs, accepted, with no offer running. */
  async taskTaken(session: CaseSession, task: TaskRow, user: string): Promise<void> {
    const row = await session.tx.routing.task(task.id);
    if (!row || row.state === 'closed' || (row.state === 'accepted' && row.agent === user)) return;
    const previous = row.agent;
    const moved = await session.tx.routing.moveTask(task.id, row.state, {
      state: 'accepted',
      agent: user,
      updatedAt: session.now,
    });
    if (!moved) return;
    if (row.state === 'offered') this.#cancelTimer(session, row, 'offer');
    if (row.state === 'waiting') this.#cancelTimer(session, row, 'overflow');
    if (previous !== user) this.directory.noteLoad(session, user, row.work, 1);
    if (previous && previous !== user) await this.#released(session, row, previous);
  }

  /** The task ended (completed, cancelled, escalated): its holder has room again. */
  async taskClosed(session: CaseSession, task: Pick<TaskRow, 'id'>): Promise<void> {
    const row = await session.tx.routing.task(task.id);
    if (!row || row.state === 'closed') return;
    const moved = await session.tx.routing.moveTask(task.id, row.state, {
      state: 'closed',
      updatedAt: session.now,
    });
    if (!moved) return;
    this.#cancelTimer(session, row, row.state === 'offered' ? 'offer' : 'overflow');
    if (row.agent && (row.state === 'offered' || row.state === 'accepted')) {
      await this.#released(session, row, row.agent);
    }
  }

  /**
   * `agent` gives the task back (a decline, or an offer that lapsed): it waits again, is not
   * offered to them again while someone else may take it (after REOFFER_AFTER_MS a new round
   * starts when nobody else can), and goes to the next agent. `reason` is recorded.
   */
  async giveBack(
    session: CaseSession,
    task: TaskRow,
    agent: string,
    how: 'declined' | 'offer-expired',
    reason: string | null,
  ): Promise<void> {
    const { tx, now } = session;
    const row = await tx.routing.task(task.id);
    const live = await session.require(task.caseId);
    await tx.tasks.update(task.id, { status: 'open', assignee: null, updatedAt: now });
    session.record(live, {
      type: how === 'declined' ? 'task.declined' : 'task.offer-expired',
      actor: how === 'declined' ? agent : 'routing',
      nodeId: task.nodeId,
      data: { taskId: task.id, group: task.group, from: agent, ...(reason ? { reason } : {}) },
    });
    if (!row || row.state === 'closed') return;
    const back = await tx.routing.moveTask(task.id, row.state, {
      state: 'waiting',
      agent: null,
      offeredAt: null,
      declinedBy: [...new Set([...row.declinedBy, agent])],
      updatedAt: now,
    });
    if (!back) return;
    if (row.state === 'offered') this.#cancelTimer(session, row, 'offer');
    if (row.agent) this.directory.noteLoad(session, row.agent, row.work, -1);
    await this.offer(session, back);
    // The agent who gave it back has room for something else.
    if (row.agent) await this.fill(session, await this.#groupsOf(session, row.agent), 1);
  }

  /** A routing timer of `caseId` is due: an offer lapses, or a task overflows. */
  async fireTimer(session: CaseSession, caseId: string, timerId: string): Promise<void> {
    const [, kind, taskId] = timerId.split(':');
    if (!taskId) return;
    const row = await session.tx.routing.task(taskId);
    if (!row || row.caseId !== caseId) return;
    if (kind === 'offer' && row.state === 'offered' && row.agent) {
      const task = await session.tx.tasks.get(taskId);
      if (task && task.status === 'claimed' && task.assignee === row.agent) {
        await this.giveBack(session, task, row.agent, 'offer-expired', null);
      }
    } else if (kind === 'overflow' && row.state === 'waiting' && !row.overflowedFrom) {
      const to = (await session.tx.routing.groupRouting(row.group))?.overflow?.to;
      if (to) await this.#overflow(session, await session.require(caseId), row, to, 'wait');
    }
  }

  /** Moves a waiting task to the overflow group's queue, on the timeline, and offers it there. */
  async #overflow(
    session: CaseSession,
    live: LiveCase,
    row: RoutedTaskRow,
    to: string,
    why: 'queue' | 'wait',
  ): Promise<void> {
    const { tx, now } = session;
    const moved = await tx.routing.moveTask(row.taskId, 'waiting', {
      group: to,
      overflowedFrom: row.group,
      enteredAt: now,
      updatedAt: now,
    });
    if (!moved) return;
    this.#cancelTimer(session, row, 'overflow');
    await tx.tasks.update(row.taskId, { group: to, updatedAt: now });
    session.record(live, {
      type: 'task.overflowed',
      actor: 'routing',
      data: { taskId: row.taskId, from: row.group, group: to, reason: why, waitedMs: now - row.enteredAt },
    });
    await this.offer(session, moved);
  }

  async #released(session: CaseSession, row: RoutedTaskRow, agent: string): Promise<void> {
    this.directory.noteLoad(session, agent, row.work, -1);
    await this.fill(session, await this.#groupsOf(session, agent), 1);
  }

  async #groupsOf(session: CaseSession, username: string): Promise<string[]> {
    return (await session.tx.users.get(username))?.groups ?? [];
  }

  #cancelTimer(session: CaseSession, row: RoutedTaskRow, kind: 'offer' | 'overflow'): void {
    session.changeTimer({
      op: 'cancel',
      caseId: row.caseId,
      timerId: `${TIMER_PREFIX}${kind}:${row.taskId}`,
    });
  }
}
