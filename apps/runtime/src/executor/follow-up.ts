import { type Channel, formatCaseNumber } from '@caseflow/schema';
import type { CaseRow, Store } from '../store/store';
import { openCaseIn } from './case-commands';
import type { CaseSession, LiveCase } from './case-session';
import { flowForChannel } from './channel-binding';
import type { RuntimeCore } from './runtime-core';

/*
 * A customer writing again about a closed case of theirs (a reply by mail, a message on the
 * portal): a finished flow cannot be resumed, so the case is followed up by a new one, linked
 * to it. Within the reopen window, and while its flow is active, the new case reopens it: same
 * flow, subject, priority and data. Otherwise it is a new conversation on the channel's flow.
 */

/** When a message stops reopening `row` (ms), or null: open, past it, no window, flow inactive. */
export async function reopenDeadline(
  tx: Store,
  row: Pick<CaseRow, 'status' | 'closedAt' | 'flow'>,
  withinMs: number | undefined,
  now: number,
): Promise<number | null> {
  if (row.status === 'open' || row.closedAt === null || withinMs === undefined) return null;
  const until = row.closedAt + withinMs;
  if (now > until) return null;
  return (await tx.flows.get(row.flow))?.activeVersion != null ? until : null;
}

/** What opening a case for a customer's message needs to know. */
export interface FollowUpInput {
  customerId: string;
  channel: Channel;
  /** The new conversation's subject when it does not reopen `closed`. */
  subject: string;
  reopenWithinMs?: number;
  /** Who opens it: the customer's account when they wrote signed in, else the channel ('system'). */
  actor?: string;
}

/**
 * The case a customer's message goes to when no open case takes it: the follow-up of `closed`
 * (see above) — the one already open when an earlier message opened it (`opened` false), so
 * that writing twice makes one case, not two — or with no closed case a new one on the
 * channel's flow (422 `not-eligible` when no active flow takes the channel). Inside the
 * caller's transaction.
 */
export async function openFollowUp(
  core: RuntimeCore,
  session: CaseSession,
  closed: CaseRow | null,
  input: FollowUpInput,
): Promise<{ live: LiveCase; reopened: boolean; opened: boolean }> {
  const current = closed && (await openFollowUpOf(session.tx, closed));
  if (current) return { live: await session.require(current.id), reopened: false, opened: false };
  const reopen =
    closed !== null && (await reopenDeadline(session.tx, closed, input.reopenWithinMs, session.now)) !== null;
  const flow = reopen ? closed.flow : await flowForChannel(core, session.tx, input.channel);
  const opened = await openCaseIn(session, {
    flow,
    customerId: input.customerId,
    channel: input.channel,
    subject: reopen ? closed.subject : input.subject,
    ...(reopen ? { priority: closed.priority } : {}),
    // A reopened case starts from the data the closed one ended with (a catalog request's
    // fields, say), so its flow reads what it read the first time.
    variables: closed ? { ...(reopen ? closed.variables : {}), previousCase: closed.id } : {},
    actor: input.actor ?? 'system',
  });
  const live = await session.require(opened.id);
  if (closed) await linkFollowUp(session, closed.id, live, reopen);
  return { live, reopened: reopen, opened: true };
}

/**
 * The newest follow-up of `closed` (its latest `case.continued`) while it is open, or null.
 * A closed case's timeline grows by little after it closed, so its last entries hold it.
 */
export async function openFollowUpOf(tx: Store, closed: CaseRow): Promise<CaseRow | null> {
  const recent = await tx.timeline.page(closed.id, { order: 'desc', limit: 50 });
  const link = recent.items.find((e) => e.type === 'case.continued');
  if (!link || typeof link.data.caseId !== 'string') return null;
  const next = await tx.cases.get(link.data.caseId);
  const same = next?.customerId === closed.customerId && next?.parentCaseId === null;
  return next && same && next.status === 'open' ? next : null;
}

/**
 * Links a follow-up case to the closed case it continues, for staff: `case.follow-up` on the
 * new case and `case.continued` on the old one, each naming the other by id and number.
 */
async function linkFollowUp(session: CaseSession, previousId: string, next: LiveCase, reopened: boolean) {
  const previous = await session.require(previousId);
  const numberOf = (l: LiveCase) => (l.row.number === null ? null : formatCaseNumber(l.row.number));
  session.record(next, {
    type: 'case.follow-up',
    actor: 'system',
    public: false,
    data: { previousCaseId: previousId, previousNumber: numberOf(previous), reopened },
  });
  session.record(previous, {
    type: 'case.continued',
    actor: 'system',
    public: false,
    data: { caseId: next.row.id, number: numberOf(next), reopened },
  });
}
