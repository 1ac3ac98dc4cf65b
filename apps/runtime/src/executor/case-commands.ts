import type { EngineEvent } from '@caseflow/schema';
import { hasRole, isCustomerOnly } from '../auth/roles';
import type { Store } from '../store/store';
import { activeUser } from './acting-user';
import { cancelRefusal, strangerRefusal } from './cancel-rule';
import type { CaseSession, LiveCase } from './case-session';
import { mergedCustomer } from './customer-merge';
import { badRequest, forbidden, notFound } from './errors';
import type { RuntimeCore } from './runtime-core';
import type { Actor, CaseRecord, OpenCaseInput } from './types';
import { chooseVersion } from './version-choice';

/**
 * Opens a case in one transaction: the version is the explicit one, else the pilot cohort's
 * (sticky per customer), else the active one; engine.start; rows for the start effects.
 * 404 unknown flow or version, 422 no active version, 400 unknown customer. Trusted: it checks
 * no person's rights — commands for people (case-intake.ts) check them, then call openCaseIn.
 */
export async function openCase(core: RuntimeCore, input: OpenCaseInput): Promise<CaseRecord> {
  return core.events.run((session) => openCaseIn(session, input));
}

/** openCase inside a command's own event transaction (after its checks). */
export async function openCaseIn(session: CaseSession, input: OpenCaseInput): Promise<CaseRecord> {
  const { tx, now } = session;
  // Read once: the pilot cohort and the engine's customer profile use the same row.
  const named = input.customerId ? await tx.customers.get(input.customerId) : null;
  if (input.customerId && !named) {
    throw badRequest(`unknown customer ${input.customerId}`, [
      { path: 'customerId', message: 'unknown customer' },
    ]);
  }
  // A merged contact's case is opened for the customer it was merged into: one history.
  const customer = named ? await mergedCustomer(tx, named) : null;
  const customerId = customer?.id ?? input.customerId;
  let version = input.version;
  let pilotId = input.pilotId ?? null;
  let cohort = input.cohort ?? null;
  if (version === undefined) {
    const choice = await chooseVersion(tx, input.flow, customerId, now, customer);
    version = choice.version;
    pilotId = choice.pilot?.id ?? null;
    cohort = choice.cohort;
  } else if (!(await tx.flowVersions.get(input.flow, version))) {
    throw notFound('flow version', `${input.flow}@${version}`);
  }
  const live = await session.open({
    flow: input.flow,
    version,
    pilotId,
    cohort,
    customerId,
    channel: input.channel,
    subject: input.subject ?? '',
    priority: input.priority ?? 'normal',
    variables: input.variables ?? {},
    actor: input.actor,
    customer,
  });
  await session.drain();
  return session.committedCase(live.row.id);
}

/** Feeds one engine event to a case (one transaction, retried on stale revisions). */
export function sendEvent(
  core: RuntimeCore,
  caseId: string,
  event: EngineEvent,
  actor: Actor,
): Promise<CaseRecord> {
  return core.events.run(
    async (session) => {
      await session.send(caseId, event, actor);
      return session.committedCase(caseId);
    },
    { caseId },
  );
}

/**
 * The acting person may steer a case by hand (signals, cancel): an active agent who is not a
 * customer. Checked in the command's transaction, like every other right.
 */
async function requireAsStaff(
  session: CaseSession,
  caseId: string,
  actor: Actor,
  what: string,
): Promise<LiveCase> {
  const { user, row } = await session.readWithUser(caseId, actor);
  const acting = activeUser(user, actor);
  if (isCustomerOnly(acting) || !hasRole(acting, 'agent')) throw forbidden(`only agents ${what}`);
  if (!row) throw notFound('case', caseId);
  return session.adopt(row);
}

/** Delivers a signal to a waiting node and records it on the timeline (agents only). */
export function signal(
  core: RuntimeCore,
  caseId: string,
  name: string,
  data: unknown,
  actor: Actor,
): Promise<CaseRecord> {
  return core.events.run(
    async (session) => {
      const live = await requireAsStaff(session, caseId, actor, 'deliver signals to a case');
      // Recorded first so the timeline reads: signal, then what it set off.
      session.record(live, {
        type: 'signal',
        actor,
        data: { name, ...(data === undefined ? {} : { data }) },
      });
      await session.send(caseId, { type: 'signal', name, data }, actor);
      return session.committedCase(caseId);
    },
    { caseId },
  );
}

/**
 * Cancels an open case (the people working it, supervisors and admins, or the customer
 * withdrawing their own request: cancelRefusal; the engine closes it as cancelled; tasks and
 * timers go with it). A customer's withdrawal is on their history too.
 */
export function cancelCase(
  core: RuntimeCore,
  caseId: string,
  reason: string,
  actor: Actor,
): Promise<CaseRecord> {
  return core.events.run(
    async (session) => {
      const { user, row } = await session.readWithUser(caseId, actor);
      const acting = activeUser(user, actor);
      if (!row) throw notFound('case', caseId);
      // Another customer's case is refused on its row, before anything else of it is read.
      const refusal = isCustomerOnly(acting)
        ? (strangerRefusal(acting, row) ??
          cancelRefusal(acting, row, [], await openChildren(session.tx, caseId)))
        : cancelRefusal(acting, row, await session.tx.tasks.listByCase(caseId));
      if (refusal) throw refusal;
      const live = await session.adopt(row);
      // Recorded first so the timeline reads: who cancelled it and why, then what it stopped.
      if (live.row.status === 'open')
        session.record(live, {
          type: 'case.cancelled',
          actor,
          data: { reason },
          public: isCustomerOnly(acting),
        });
      await session.send(caseId, { type: 'case.cancel', reason, actor }, actor);
      return session.committedCase(caseId);
    },
    { caseId },
  );
}

/** How many subflow cases of `caseId` are open (at most one is counted). */
export async function openChildren(tx: Store, caseId: string): Promise<number> {
  return (await tx.cases.list({ parentCaseId: caseId, status: 'open', limit: 1 })).items.length;
}
